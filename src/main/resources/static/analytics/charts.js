/*
 * Small SVG charts for the dispute dashboard: stacked columns, horizontal bars, a proportion
 * bar and median/p90 ranges. Drawn at the container's width so text keeps its size; every mark
 * carries a <title> so hovering shows the exact number.
 */
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, content, attrs) {
    const t = el('text', Object.assign({ x, y }, attrs || {}), parent);
    t.textContent = content;
    return t;
  }

  function titled(node, content) {
    el('title', {}, node).textContent = content;
    return node;
  }

  function svg(container, height) {
    const width = Math.max(280, container.clientWidth || 600);
    container.textContent = '';
    const root = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img' }, container);
    return { root, width, height };
  }

  /** A round upper bound and tick step for an axis from 0 to max. */
  function niceScale(max, ticks) {
    if (max <= 0) return { top: ticks, step: 1 };
    const raw = max / ticks;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
    const wholeStep = step < 1 && Number.isInteger(max) ? 1 : step;
    return { top: Math.ceil(max / wholeStep) * wholeStep, step: wholeStep };
  }

  function hatch(root, id, color) {
    const defs = el('defs', {}, root);
    const pattern = el('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)' }, defs);
    el('rect', { width: 6, height: 6, fill: color }, pattern);
    el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: 'rgba(255,255,255,0.8)', 'stroke-width': 2.5 }, pattern);
  }

  /**
   * Columns per category, stacked by series. options: {categories: [label], series: [{label,
   * color, values}], tickLabel(i) for the x axis, describe(i) for a column's tooltip heading}.
   */
  function stackedColumns(container, options) {
    const { root, width, height } = svg(container, 250);
    const m = { left: 38, right: 8, top: 10, bottom: 26 };
    const plotW = width - m.left - m.right;
    const plotH = height - m.top - m.bottom;
    const n = options.categories.length;
    const totals = options.categories.map((_, i) =>
      options.series.reduce((sum, s) => sum + s.values[i], 0));
    const scale = niceScale(Math.max(1, ...totals), 4);
    const y = (v) => m.top + plotH - (v / scale.top) * plotH;

    const grid = el('g', { class: 'grid' }, root);
    for (let v = 0; v <= scale.top + 1e-9; v += scale.step) {
      el('line', { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v) }, grid);
      text(root, m.left - 6, y(v) + 4, fmt(v), { 'text-anchor': 'end' });
    }
    const band = plotW / Math.max(1, n);
    const barW = Math.max(2, Math.min(28, band * 0.72));
    const every = Math.max(1, Math.ceil(n / Math.floor(plotW / 54)));
    options.categories.forEach((category, i) => {
      const x = m.left + i * band + (band - barW) / 2;
      let base = 0;
      const column = el('g', {}, root);
      options.series.forEach((s) => {
        const v = s.values[i];
        if (v > 0) {
          const rect = el('rect', { x, y: y(base + v), width: barW, height: y(base) - y(base + v),
            fill: s.color }, column);
          titled(rect, `${options.describe(i)} · ${s.label}: ${fmt(v)} (total ${fmt(totals[i])})`);
        }
        base += v;
      });
      if (i % every === 0) {
        text(root, m.left + i * band + band / 2, height - 8, options.tickLabel(i), { 'text-anchor': 'middle' });
      }
    });
    el('line', { x1: m.left, x2: width - m.right, y1: y(0), y2: y(0), stroke: '#c5cbd3' }, root);
  }

  /**
   * One horizontal bar per row, with its overdue part hatched. rows: [{label, value, overdue,
   * color, describe}].
   */
  function statusBars(container, rows) {
    const rowH = 30;
    const { root, width } = svg(container, rows.length * rowH + 6);
    const labelW = 148;
    const valueW = 92;
    const plotW = width - labelW - valueW;
    const max = Math.max(1, ...rows.map((r) => r.value));
    rows.forEach((r, i) => {
      const top = 4 + i * rowH;
      const hatchId = `hatch-${i}`;
      hatch(root, hatchId, r.color);
      text(root, 0, top + 17, r.label, { class: 'label' });
      el('rect', { x: labelW, y: top + 5, width: plotW, height: 16, fill: '#f1f3f6', rx: 2 }, root);
      const w = Math.max(r.value > 0 ? 2 : 0, (r.value / max) * plotW);
      titled(el('rect', { x: labelW, y: top + 5, width: w, height: 16, fill: r.color, rx: 2 }, root), r.describe);
      if (r.overdue > 0) {
        const ow = Math.max(2, (r.overdue / max) * plotW);
        titled(el('rect', { x: labelW + w - ow, y: top + 5, width: ow, height: 16, fill: `url(#${hatchId})` }, root),
          `${fmt(r.overdue)} overdue`);
      }
      const label = text(root, labelW + w + 8, top + 17, fmt(r.value), { class: 'value-label' });
      if (r.overdue > 0) {
        const overdue = el('tspan', { class: 'late' }, label);
        overdue.textContent = `  ${fmt(r.overdue)} late`;
      }
    });
  }

  /** A 100 % bar of the items' shares. items: [{label, value, color}]. */
  function proportion(container, items) {
    const { root, width } = svg(container, 34);
    const total = items.reduce((sum, it) => sum + it.value, 0);
    if (total === 0) {
      el('rect', { x: 0, y: 4, width, height: 26, rx: 4, fill: '#f1f3f6' }, root);
      text(root, width / 2, 21, 'nothing in this period', { 'text-anchor': 'middle' });
      return;
    }
    let x = 0;
    items.forEach((it) => {
      if (it.value === 0) return;
      const w = (it.value / total) * width;
      titled(el('rect', { x, y: 4, width: Math.max(1, w - 1), height: 26, fill: it.color }, root),
        `${it.label}: ${fmt(it.value)} (${pct(it.value / total)})`);
      if (w > 44) {
        text(root, x + w / 2, 21, pct(it.value / total, 0), { 'text-anchor': 'middle', class: 'on-bar' });
      }
      x += w;
    });
  }

  /**
   * Median and 90th percentile per row on one time axis (hours in, days shown when long).
   * rows: [{label, median, p90, n}].
   */
  function ranges(container, rows) {
    const rowH = 46;
    const top = 6;
    const { root, width, height } = svg(container, rows.length * rowH + 30);
    const labelW = 150;
    // Room after the longest bar for its "p90" label, so that no label has to go over a bar.
    const plotW = width - labelW - 72;
    const maxHours = Math.max(1, ...rows.map((r) => r.p90 || 0));
    const inDays = maxHours > 72;
    const unit = inDays ? 24 : 1;
    const scale = niceScale(maxHours / unit, 5);
    const x = (hours) => labelW + (hours / unit / scale.top) * plotW;
    const grid = el('g', { class: 'grid' }, root);
    for (let v = 0; v <= scale.top + 1e-9; v += scale.step) {
      const gx = labelW + (v / scale.top) * plotW;
      el('line', { x1: gx, x2: gx, y1: top, y2: height - 22 }, grid);
      text(root, gx, height - 6, `${fmt(v)}${inDays ? ' d' : ' h'}`, { 'text-anchor': 'middle' });
    }
    rows.forEach((r, i) => {
      const y0 = top + i * rowH;
      text(root, 0, y0 + 18, r.label, { class: 'value-label' });
      text(root, 0, y0 + 34, r.n === 0 ? 'none in period' : `${fmt(r.n)} disputes`);
      if (r.n === 0) return;
      titled(el('rect', { x: labelW, y: y0 + 10, width: x(r.p90) - labelW, height: 18, fill: '#c6dcf2', rx: 2 }, root),
        `90 % within ${duration(r.p90)}`);
      titled(el('rect', { x: labelW, y: y0 + 10, width: Math.max(2, x(r.median) - labelW), height: 18, fill: '#0b63c5', rx: 2 }, root),
        `half within ${duration(r.median)}`);
      // The median goes inside its dark bar when it fits there. A bar too short for it would
      // push it into the p90 label, so both numbers then follow the light bar as one label.
      const median = text(root, x(r.median) - 5, y0 + 23, duration(r.median),
        { 'text-anchor': 'end', class: 'on-bar' });
      const inside = textWidth(median) + 10 <= x(r.median) - labelW;
      if (!inside) median.remove();
      const p90 = text(root, x(r.p90) + 4, y0 + 23,
        `${inside ? '' : `median ${duration(r.median)} · `}p90 ${duration(r.p90)}`, { class: 'value-label' });
      if (x(r.p90) + 4 + textWidth(p90) > width - 2) {
        p90.setAttribute('x', width - 2);
        p90.setAttribute('text-anchor', 'end');
      }
    });
  }

  /** A label's drawn width, or an estimate where the page has not laid it out. */
  function textWidth(node) {
    const measured = node.getComputedTextLength ? node.getComputedTextLength() : 0;
    return measured > 0 ? measured : node.textContent.length * 7;
  }

  function fmt(value) {
    return Number(value).toLocaleString('en-US', { maximumFractionDigits: 1 });
  }

  function pct(share, digits) {
    return `${(share * 100).toFixed(digits === undefined ? 1 : digits)} %`;
  }

  /** Hours as "5.5 h" below two days, else "3.2 d". */
  function duration(hours) {
    if (hours === null || hours === undefined) return '–';
    return hours < 48 ? `${fmt(hours)} h` : `${(hours / 24).toFixed(1)} d`;
  }

  window.Charts = { stackedColumns, statusBars, proportion, ranges, fmt, pct, duration };
})();
