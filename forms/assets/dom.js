/*
 * Building the page. Strings among the children become text nodes, never markup: everything
 * people typed is put on the page as text. The document is looked up at each call, so that the
 * unit tests can hand in a small fake one.
 */

export function el(tag, attrs, ...children) {
  const doc = globalThis.document;
  const node = doc.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'className') {
      node.className = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child === undefined || child === null || child === false) {
      return;
    }
    node.appendChild(typeof child === 'object' && child.nodeType
      ? child : doc.createTextNode(String(child)));
  });
  return node;
}

export function panel(title, body, className) {
  return el('section', { className: 'df-panel ' + (className || '') }, el('h4', {}, title), body);
}

/** A definition list of [name, value] rows; an empty value shows as a dash. */
export function facts(rows) {
  return el('dl', { className: 'df-facts' }, rows.map(([name, value]) =>
    [el('dt', {}, name), el('dd', {}, value === undefined || value === null || value === ''
      ? '\u2014' : value)]));
}

/**
 * Fills every <select data-codes="Kind: CODE CODE …"> with a "Choose…" option and one option
 * per code, worded by the labels: the choices of a form are written once, as codes.
 */
export function fillOptions(root, label) {
  root.querySelectorAll('select[data-codes]').forEach((select) => {
    const [kind, codes] = select.getAttribute('data-codes').split(':');
    select.textContent = '';
    select.appendChild(el('option', { value: '' }, 'Choose\u2026'));
    codes.trim().split(/\s+/).forEach((code) =>
      select.appendChild(el('option', { value: code }, label(kind.trim(), code))));
  });
}
