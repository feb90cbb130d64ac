/*
 * The dispute dashboard: loads each figure for the period from /api/analytics/{figure}, all at
 * once, and draws each card as its numbers arrive. Definitions come with the numbers, so the
 * info buttons show exactly what the API says a figure means.
 */
(function () {
  'use strict';

  const C = window.Charts;

  // Colours are the dashboard's; the words for the codes come from the message bundle
  // (GET /api/labels), the same the Tasklist forms show.
  const REASONS = {
    NOT_RECEIVED: '#0072b2',
    DAMAGED: '#d55e00',
    NOT_AS_DESCRIBED: '#e69f00',
    QUALITY_PROBLEM: '#009e73',
    QUANTITY_PROBLEM: '#cc79a7',
  };
  const PARTIES = {
    SELLER: '#e69f00',
    BUYER: '#56b4e9',
    PLATFORM: '#cc79a7',
    NONE: '#9aa3ae',
  };
  const OUTCOMES = {
    AGREEMENT: '#009e73',
    BUYER_NO_RESPONSE: '#7fc8a9',
    CANCELLED_BY_BUYER: '#a7aeb8',
    DECIDED: '#0072b2',
    AWAITING_DECISION: '#56b4e9',
    OPEN: '#f0c36a',
  };
  const ESCALATIONS = {
    SELLER_NO_RESPONSE: '#d55e00',
    BUYER_REQUESTED: '#56b4e9',
    SELLER_REQUESTED: '#e69f00',
  };
  const DECISIONS = {
    FULL_REFUND: '#0072b2',
    RETURN_AND_REFUND: '#56b4e9',
    PARTIAL_REFUND: '#cc79a7',
    REJECT_CLAIM: '#e69f00',
  };

  let labels = {};
  /** The bundle's word for a code (Kind.CODE), or the code itself if the bundle lacks it. */
  const label = (kind, code) => labels[`${kind}.${code}`] || code;
  /** The party whose move it is; NONE while nobody's is. */
  const whoseMove = (party) => (party === 'NONE' ? label('Awaiting', party) : label('Party', party));
  const labelsLoaded = fetch(new URL(`/api/labels?lang=${document.documentElement.lang || 'en'}`,
    window.location.origin), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : {}))
    .then((loaded) => { labels = loaded; }, () => {})
    // The policy rules' titles, for the figure by rule, under the kind PolicyRule.
    .then(() => fetch(new URL(`/api/policy/rules?lang=${document.documentElement.lang || 'en'}`,
      window.location.origin), { credentials: 'same-origin', headers: { Accept: 'application/json' } }))
    .then((response) => (response.ok ? response.json() : []))
    .then((rules) => rules.forEach((rule) => { labels[`PolicyRule.${rule.id}`] = rule.title; }), () => {});

  const form = document.getElementById('period');
  let today = null;

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') node.className = v;
      else if (k === 'style') node.style.cssText = v;
      else node.setAttribute(k, v);
    });
    children.flat().forEach((c) => node.append(c));
    return node;
  }

  const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v));
  const fmt = (v) => C.fmt(v);
  const pct = (share) => (share === null ? '–' : C.pct(share));
  const day = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB',
    { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const money = (amount, currency) => `${Number(amount).toLocaleString('en-US',
    { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

  /** An info button that shows the definition below the element it sits in. */
  function infoToggle(definition, host) {
    const panel = h('p', { class: 'definition', hidden: '' }, definition);
    const button = h('button', { type: 'button', class: 'info', 'aria-expanded': 'false',
      title: 'What exactly is counted', 'aria-label': 'Definition' }, 'i');
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      panel.hidden = !open;
    });
    host.append(panel);
    return button;
  }

  function query(extra) {
    const params = new URLSearchParams({ from: form.from.value, to: form.to.value });
    Object.entries(extra || {}).forEach(([k, v]) => params.set(k, v));
    return params.toString();
  }

  /** The card's frame: title, scope, info, CSV and JSON links; returns the body to draw in. */
  function card(figure, scope) {
    const host = document.querySelector(`[data-figure="${figure.figure}"]`);
    host.textContent = '';
    const tools = h('div', { class: 'card-tools' },
      h('a', { href: `/api/analytics/${figure.figure}.csv?${query()}`, download: '' }, 'CSV'),
      h('a', { href: `/api/analytics/${figure.figure}?${query()}`, target: '_blank' }, 'JSON'));
    const head = h('div', { class: 'card-head' },
      h('h2', {}, figure.title, h('span', { class: 'scope' }, scope)), tools);
    host.append(head);
    tools.prepend(infoToggle(figure.definition, host));
    const body = h('div', { class: 'chart' });
    host.append(body);
    return body;
  }

  function legend(items) {
    return h('div', { class: 'legend' }, items.map(([label, color, extra]) =>
      h('span', {}, h('span', { class: `swatch${extra === 'hatched' ? ' hatched' : ''}`,
        style: `background-color:${color}` }), label)));
  }

  function breakdown(items, total, totalLabel) {
    const rows = items.map((it) => h('tr', {},
      h('td', {}, h('span', { class: 'swatch', style: `background-color:${it.color}` }), it.label),
      h('td', { class: 'num' }, fmt(it.value)),
      h('td', { class: 'share' }, total ? pct(it.value / total) : '–')));
    rows.push(h('tr', { class: 'sum' }, h('td', {}, totalLabel), h('td', { class: 'num' }, fmt(total)), h('td', { class: 'share' }, '')));
    return h('table', { class: 'breakdown' }, h('tbody', {}, rows));
  }

  function stat(value, what, alert) {
    return h('div', { class: 'stat' }, h('div', { class: `num${alert ? ' alert' : ''}` }, value),
      h('div', { class: 'what' }, what));
  }

  const inPeriod = (data) => `${day(data.from)} – ${day(data.to)} ${data.to.slice(0, 4)}`;

  const draw = {
    'opened-per-day'(f, data) {
      const body = card(f, `opened ${inPeriod(data)}, by claim reason`);
      const days = [];
      for (let d = new Date(`${data.from}T00:00:00Z`); d <= new Date(`${data.to}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + 1)) {
        days.push(d.toISOString().slice(0, 10));
      }
      const index = new Map(days.map((d, i) => [d, i]));
      const series = Object.entries(REASONS).map(([key, color]) =>
        ({ key, label: label('Reason', key), color, values: days.map(() => 0) }));
      f.rows.forEach((r) => {
        const s = series.find((x) => x.key === r.reason);
        if (s && index.has(r.day)) s.values[index.get(r.day)] += num(r.disputes);
      });
      C.stackedColumns(body, { categories: days, series, tickLabel: (i) => day(days[i]),
        describe: (i) => day(days[i]) });
      body.after(legend(series.map((s) => [`${s.label} ${fmt(s.values.reduce((a, b) => a + b, 0))}`, s.color])));
    },

    'open-by-status'(f) {
      const body = card(f, 'right now, whatever the period');
      if (f.rows.length === 0) {
        body.append(h('p', { class: 'empty' }, 'No open disputes.'));
        return;
      }
      const perStatus = {};
      f.rows.forEach((r) => { perStatus[r.status] = (perStatus[r.status] || 0) + 1; });
      const rows = f.rows.map((r) => {
        const awaiting = PARTIES[r.awaiting] ? r.awaiting : 'NONE';
        const party = whoseMove(awaiting);
        const name = label('DisputeStatus', r.status);
        return {
          label: perStatus[r.status] > 1 ? `${name} · ${party.toLowerCase()}` : name,
          value: num(r.disputes), overdue: num(r.overdue), color: PARTIES[awaiting],
          describe: `${name}, ${party}'s move: ${fmt(r.disputes)} open, ${fmt(r.overdue)} overdue`,
        };
      });
      C.statusBars(body, rows);
      const total = rows.reduce((a, r) => a + r.value, 0);
      const late = rows.reduce((a, r) => a + r.overdue, 0);
      body.after(legend([...Object.entries(PARTIES).slice(0, 3).map(([k, c]) => [`${whoseMove(k)}'s move`, c]),
        [`overdue (${fmt(late)} of ${fmt(total)})`, '#5f6b7a', 'hatched']]));
    },

    'outcomes'(f, data) {
      const body = card(f, `disputes opened ${inPeriod(data)}, where they stand now`);
      const items = f.rows.map((r) => ({ label: label('DisputeOutcome', r.outcome), color: OUTCOMES[r.outcome],
        value: num(r.disputes) }));
      C.proportion(body, items);
      const total = items.reduce((a, it) => a + it.value, 0);
      body.after(breakdown(items, total, 'Opened in the period'));
    },

    'escalations'(f, data) {
      const body = card(f, `escalated ${inPeriod(data)}`);
      const items = f.rows.map((r) => ({ label: label('EscalationReason', r.reason), color: ESCALATIONS[r.reason],
        value: num(r.disputes) }));
      C.proportion(body, items);
      const total = items.reduce((a, it) => a + it.value, 0);
      body.after(breakdown(items, total, 'Escalations'));
    },

    'durations'(f, data) {
      const body = card(f, `median (dark) and 90th percentile, ending ${inPeriod(data)}`);
      C.ranges(body, f.rows.map((r) => ({ label: label('DurationMeasure', r.measure),
        median: num(r.medianHours), p90: num(r.p90Hours), n: num(r.disputes) })));
    },

    'decisions'(f, data) {
      const body = card(f, `final decisions ${inPeriod(data)}`);
      const items = f.rows.map((r) => ({ label: label('PlatformDecision', r.decision), color: DECISIONS[r.decision],
        value: num(r.disputes) }));
      C.proportion(body, items);
      const total = items.reduce((a, it) => a + it.value, 0);
      body.after(breakdown(items, total, 'Decisions'));
    },

    'mediation-sla'(f, data) {
      const body = card(f, `decisions ${inPeriod(data)}`);
      const r = f.rows[0];
      body.append(h('div', { class: 'stats' },
        stat(pct(num(r.breachShare)), `of ${fmt(r.decided)} decisions came after the SLA ran out (${fmt(r.decidedAfterBreach)})`,
          num(r.breachShare) > 0.1),
        stat(fmt(r.breaches), 'SLA breaches in the period'),
        stat(fmt(r.overdueNow), 'waiting for a decision past the SLA now', num(r.overdueNow) > 0)));
    },

    'refunds'(f, data) {
      const body = card(f, `paid ${inPeriod(data)}`);
      if (f.rows.length === 0) {
        body.append(h('p', { class: 'empty' }, 'No refunds in this period.'));
        return;
      }
      body.append(h('div', { class: 'stats' }, f.rows.map((r) =>
        stat(money(r.total, r.currency), `${fmt(r.refunds)} refunds for ${fmt(r.disputes)} disputes`))));
    },

    'appeals'(f, data) {
      const body = card(f, `closures and appeal decisions ${inPeriod(data)}`);
      const r = f.rows[0];
      body.append(h('div', { class: 'stats' },
        stat(pct(num(r.appealRate)), `appealed: ${fmt(r.appealed)} of ${fmt(r.closedAppealable)} appealable closures`),
        stat(pct(num(r.overturnRate)), `overturned: ${fmt(r.overturned)} of ${fmt(r.appealDecisions)} appeal decisions`,
          num(r.overturnRate) > 0.2)));
    },

    'decisions-by-rule'(f, data) {
      const body = card(f, `decisions ${inPeriod(data)}, and how many were overturned`);
      const rows = f.rows.filter((r) => num(r.decisions) > 0 || num(r.appealDecisions) > 0);
      if (rows.length === 0) {
        body.append(h('p', { class: 'empty' }, 'No decision in this period named a rule.'));
        return;
      }
      body.append(h('table', { class: 'sellers' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Rule'), h('th', { class: 'num' }, 'Decisions'),
          h('th', { class: 'num' }, 'Overturned'), h('th', { class: 'num' }, 'Appeal reviews'),
          h('th', { class: 'num' }, 'Overturns by it'))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('td', { title: r.rule }, label('PolicyRule', r.rule)), h('td', { class: 'num' }, fmt(r.decisions)),
          h('td', { class: 'num' }, `${fmt(r.overturned)} (${pct(num(r.overturnRate))})`),
          h('td', { class: 'num' }, fmt(r.appealDecisions)), h('td', { class: 'num' }, fmt(r.appealOverturns)))))));
    },

    'top-sellers'(f, data) {
      const body = card(f, `disputes opened ÷ orders shipped, ${inPeriod(data)}`);
      if (f.rows.length === 0) {
        body.append(h('p', { class: 'empty' }, 'No seller has enough orders in this period to be ranked.'));
        return;
      }
      const max = Math.max(...f.rows.map((r) => num(r.disputeRate)));
      body.append(h('table', { class: 'sellers' },
        h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Seller'), h('th', { class: 'num' }, 'Orders'),
          h('th', { class: 'num' }, 'Disputes'), h('th', {}, 'Dispute rate'))),
        h('tbody', {}, f.rows.map((r) => h('tr', {},
          h('td', {}, String(r.rank)), h('td', {}, r.sellerId), h('td', { class: 'num' }, fmt(r.orders)),
          h('td', { class: 'num' }, fmt(r.disputes)),
          h('td', {}, h('div', { class: 'rate' }, h('span', {}, pct(num(r.disputeRate))),
            h('div', { class: 'track' }, h('div', { class: 'bar', style: `width:${(num(r.disputeRate) / max) * 100}%` })))))))));
    },
  };

  function kpi(name, label, value, note, definition) {
    const host = document.querySelector(`[data-kpi="${name}"]`);
    host.textContent = '';
    host.append(h('div', { class: 'label' }, label));
    const v = h('div', { class: 'value' }, value);
    host.append(v, h('div', { class: 'note' }, note));
    host.append(infoToggle(definition, host));
  }

  function kpis(byId) {
    const outcomes = byId.outcomes.rows;
    const opened = outcomes.reduce((a, r) => a + num(r.disputes), 0);
    const count = (k) => num((outcomes.find((r) => r.outcome === k) || {}).disputes || 0);
    const escalated = count('DECIDED') + count('AWAITING_DECISION');
    const share = (n) => (opened ? C.pct(n / opened) : '–');
    kpi('opened', 'Disputes opened', [fmt(opened)], `${fmt(count('OPEN'))} still between the parties`,
      `Disputes opened in the period (the total of "Where the disputes opened in the period stand"). ${byId['opened-per-day'].definition}`);
    kpi('escalated', 'Escalated', [share(escalated)], `${fmt(escalated)} of ${fmt(opened)} opened`,
      `Escalated = AWAITING_DECISION + DECIDED, as a share of disputes opened in the period. ${byId.outcomes.definition}`);
    kpi('decided', 'Decided by platform', [share(count('DECIDED'))], `${fmt(count('DECIDED'))} decided, ${fmt(count('AWAITING_DECISION'))} waiting`,
      `DECIDED as a share of disputes opened in the period. ${byId.outcomes.definition}`);
    const resolution = byId.durations.rows.find((r) => r.measure === 'RESOLUTION');
    kpi('resolution', 'Median time to resolution', [C.duration(num(resolution.medianHours))],
      `p90 ${C.duration(num(resolution.p90Hours))} · ${fmt(resolution.disputes)} closed`,
      `The RESOLUTION row of "Time to seller response, to resolution, in mediation". ${byId.durations.definition}`);
    const refunds = byId.refunds.rows.slice().sort((a, b) => num(b.total) - num(a.total));
    const main = refunds[0];
    kpi('refunded', 'Refunded', main ? [money(main.total, '').trim(), h('small', {}, main.currency)] : ['0'],
      refunds.length > 1 ? `+ ${refunds.slice(1).map((r) => money(r.total, r.currency)).join(', ')}` : `${fmt(main ? main.refunds : 0)} refunds`,
      `Refunds paid in the period; the largest currency first. ${byId.refunds.definition}`);
    const appeals = byId.appeals.rows[0];
    kpi('appeals', 'Appeal rate', [pct(num(appeals.appealRate))], `overturned ${pct(num(appeals.overturnRate))} of decided appeals`,
      byId.appeals.definition);
  }

  /** The figures the headline numbers above the cards are made of. */
  const KPI_FIGURES = ['opened-per-day', 'outcomes', 'durations', 'refunds', 'appeals'];
  /** Each load's number: answers to an earlier load, still on their way, are dropped. */
  let generation = 0;

  function period(data) {
    form.from.value = data.from;
    form.to.value = data.to;
    document.getElementById('period-label').textContent = `${day(data.from)} – ${day(data.to)} ${data.to.slice(0, 4)} (UTC)`;
    document.getElementById('all-json').href = `/api/analytics?${query()}`;
    document.querySelectorAll('.presets button').forEach((b) => {
      const days = (new Date(`${data.to}T00:00:00Z`) - new Date(`${data.from}T00:00:00Z`)) / 864e5 + 1;
      b.classList.toggle('active', data.to === today && Number(b.dataset.days) === days);
    });
  }

  async function fetchFigure(id, params) {
    // From the origin, not the page's address: that may carry a user:password@ the browser
    // refuses in a fetch.
    const response = await fetch(new URL(`/api/analytics/${id}?${params}`, window.location.origin), {
      credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || `${response.status} ${response.statusText}`);
    }
    return response.json();
  }

  /**
   * Asks for every figure at once and draws each card as its numbers arrive: a figure that
   * takes long to count (a long period's top sellers) holds up only its own card, which says
   * it is being computed and how long it has been.
   */
  function load(params) {
    const current = ++generation;
    const error = document.getElementById('error');
    error.hidden = true;
    const started = Date.now();
    const figures = {};
    let periodShown = false;
    document.querySelectorAll('[data-figure]').forEach((host) => {
      const id = host.dataset.figure;
      host.setAttribute('aria-busy', 'true');
      const pending = host.querySelector('.pending') || h('p');
      pending.className = 'pending';
      pending.textContent = 'Computing…';
      host.append(pending);
      const ticker = setInterval(() => {
        pending.textContent = `Computing… ${Math.round((Date.now() - started) / 1000)} s`;
      }, 1000);
      figures[id] = Promise.all([fetchFigure(id, params), labelsLoaded]).then(([figure]) => figure)
        .then((figure) => {
          if (current === generation) {
            if (!periodShown) {
              // Every figure answers for the same period: the first to arrive sets the header.
              if (!params.includes('to=')) today = today || figure.to;
              period(figure);
              periodShown = true;
            }
            host.removeAttribute('aria-busy');
            draw[id](figure, figure);
          }
          return figure;
        })
        .catch((e) => {
          if (current === generation) {
            host.removeAttribute('aria-busy');
            pending.className = 'pending failed';
            pending.textContent = `Could not load: ${e.message}`;
            error.textContent = `Could not load the figures: ${e.message}`;
            error.hidden = false;
          }
          throw e;
        })
        .finally(() => clearInterval(ticker));
    });
    Promise.all(KPI_FIGURES.map((id) => figures[id]))
      .then((loaded) => {
        if (current === generation) kpis(Object.fromEntries(loaded.map((f) => [f.figure, f])));
      })
      .catch(() => { /* the cards say what failed */ });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = query();
    history.replaceState(null, '', `?${params}`);
    load(params);
  });
  document.querySelectorAll('.presets button').forEach((button) => button.addEventListener('click', () => {
    const end = today || form.to.value;
    const start = new Date(`${end}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() - Number(button.dataset.days) + 1);
    form.from.value = start.toISOString().slice(0, 10);
    form.to.value = end;
    form.requestSubmit();
  }));

  load(new URLSearchParams(location.search).toString());
})();
