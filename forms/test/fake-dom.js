/*
 * A very small DOM for the unit tests: elements, text, attributes, classes, events and the
 * selectors the forms use (tag, .class, [attr], [attr="value"], descendant, comma lists).
 */

class FakeNode {
  constructor() {
    this.childNodes = [];
    this.parentNode = null;
  }

  appendChild(child) {
    if (child.parentNode) {
      child.parentNode.removeChild(child);
    }
    child.parentNode = this;
    this.childNodes.push(child);
    return child;
  }

  removeChild(child) {
    this.childNodes.splice(this.childNodes.indexOf(child), 1);
    child.parentNode = null;
    return child;
  }

  remove() {
    if (this.parentNode) {
      this.parentNode.removeChild(this);
    }
  }

  get textContent() {
    return this.childNodes.map((child) => child.textContent).join('');
  }

  set textContent(text) {
    this.childNodes.forEach((child) => { child.parentNode = null; });
    this.childNodes = [];
    if (text !== '' && text !== null && text !== undefined) {
      this.appendChild(new FakeText(String(text)));
    }
  }
}

class FakeText extends FakeNode {
  constructor(data) {
    super();
    this.nodeType = 3;
    this.data = data;
  }

  get textContent() {
    return this.data;
  }
}

function compound(text) {
  const tag = /^[a-z]+/i.exec(text);
  const classes = [...text.matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
  const attrs = [...text.matchAll(/\[([\w-]+)(?:="([^"]*)")?\]/g)].map((m) => [m[1], m[2]]);
  return (node) => node.nodeType === 1
    && (!tag || node.tagName === tag[0].toUpperCase())
    && classes.every((c) => node.classList.contains(c))
    && attrs.every(([name, value]) => node.hasAttribute(name)
      && (value === undefined || node.getAttribute(name) === value));
}

function matcher(selector) {
  const alternatives = selector.split(',').map((one) => one.trim().split(/\s+(?![^[]*\])/)
    .map(compound));
  return (node) => alternatives.some((chain) => {
    if (!chain[chain.length - 1](node)) {
      return false;
    }
    let at = node.parentNode;
    for (let i = chain.length - 2; i >= 0; i--) {
      while (at && !(at.nodeType === 1 && chain[i](at))) {
        at = at.parentNode;
      }
      if (!at) {
        return false;
      }
      at = at.parentNode;
    }
    return true;
  });
}

export class FakeElement extends FakeNode {
  constructor(tag) {
    super();
    this.nodeType = 1;
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.listeners = {};
    this.value = '';
    this.checked = false;
    const element = this;
    this.classList = {
      add: (...names) => element.setClasses([...element.classes(), ...names]),
      remove: (...names) => element.setClasses(element.classes().filter((c) => !names.includes(c))),
      contains: (name) => element.classes().includes(name)
    };
  }

  classes() {
    return (this.getAttribute('class') || '').split(/\s+/).filter(Boolean);
  }

  setClasses(names) {
    this.setAttribute('class', [...new Set(names)].join(' '));
  }

  get className() {
    return this.getAttribute('class') || '';
  }

  set className(value) {
    this.setAttribute('class', value);
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
    if (name === 'value') {
      this.value = String(value);
    }
  }

  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  hasAttribute(name) {
    return this.attributes.has(name);
  }

  removeAttribute(name) {
    this.attributes.delete(name);
  }

  get hidden() {
    return this.hasAttribute('hidden');
  }

  set hidden(value) {
    if (value) {
      this.setAttribute('hidden', '');
    } else {
      this.removeAttribute('hidden');
    }
  }

  get type() {
    return this.getAttribute('type') || '';
  }

  get name() {
    return this.getAttribute('name');
  }

  get children() {
    return this.childNodes.filter((child) => child.nodeType === 1);
  }

  addEventListener(type, listener) {
    (this.listeners[type] = this.listeners[type] || []).push(listener);
  }

  dispatch(type, event) {
    (this.listeners[type] || []).forEach((listener) => listener(event || { target: this }));
  }

  querySelectorAll(selector) {
    const matches = matcher(selector);
    const found = [];
    const walk = (node) => node.children.forEach((child) => {
      if (matches(child)) {
        found.push(child);
      }
      walk(child);
    });
    walk(this);
    return found;
  }

  querySelector(selector) {
    return this.querySelectorAll(selector)[0] || null;
  }

  closest(selector) {
    const matches = matcher(selector);
    for (let at = this; at && at.nodeType === 1; at = at.parentNode) {
      if (matches(at)) {
        return at;
      }
    }
    return null;
  }

  scrollIntoView() {}
}

/** Installs a fresh fake document as the global one and returns it. */
export function fakeDocument() {
  const doc = {
    cookie: '',
    createElement: (tag) => new FakeElement(tag),
    createTextNode: (text) => new FakeText(text)
  };
  doc.body = doc.createElement('body');
  globalThis.document = doc;
  return doc;
}
