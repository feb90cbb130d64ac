/*
 * What every dispute form in Tasklist shares: the case file (order, claim, offers, evidence,
 * timeline, deadline) loaded from the service's API, evidence uploads, validation that mirrors
 * the server's rules, and the server's refusal shown next to the field it names.
 *
 * Everything people typed is put on the page as text (textContent), never as HTML.
 * Each form declares its step; the step's rules live in STEPS below.
 */
(function () {
  'use strict';

  const DECIMAL = /^\d{1,15}(\.\d{1,2})?$/;
  const DAY = 24 * 60 * 60 * 1000;

  const LABELS = {
    reason: {
      NOT_RECEIVED: 'Item not received',
      DAMAGED: 'Item arrived damaged',
      NOT_AS_DESCRIBED: 'Not as described',
      QUALITY_PROBLEM: 'Quality problem',
      QUANTITY_PROBLEM: 'Wrong quantity'
    },
    problemDetail: {
      BRAND: 'Brand', MODEL: 'Model', SIZE: 'Size', COLOR: 'Colour', MATERIAL: 'Material',
      WEIGHT: 'Weight', NO_PACKAGING: 'No packaging', DOES_NOT_WORK: 'Does not work',
      RUSTED_FADED: 'Rusted or faded', OTHER: 'Other'
    },
    resolution: {
      FULL_REFUND: 'Full refund',
      PARTIAL_REFUND: 'Partial refund',
      RETURN_AND_REFUND: 'Return and refund',
      REPLACEMENT: 'Replacement',
      NONE: 'Nothing'
    },
    sellerResponse: {
      ACCEPT: 'Accepted the claim', COUNTER_OFFER: 'Counter offer', REJECT: 'Rejected the claim'
    },
    escalationReason: {
      BUYER_REQUESTED: 'The buyer asked the platform to decide',
      SELLER_REQUESTED: 'The seller asked the platform to decide',
      SELLER_NO_RESPONSE: 'The seller did not respond in time'
    },
    role: { BUYER: 'Buyer', SELLER: 'Seller', PLATFORM: 'Platform', SYSTEM: 'System' },
    closureReason: {
      INELIGIBLE: 'Not eligible for a dispute',
      CANCELLED_BY_BUYER: 'Cancelled by the buyer',
      AGREEMENT: 'Buyer and seller agreed',
      PLATFORM_DECISION: 'Decided by the platform',
      BUYER_NO_RESPONSE: 'The buyer did not answer in time'
    },
    offerStatus: {
      PROPOSED: 'open', ACCEPTED: 'accepted', DECLINED: 'declined', EXPIRED: 'expired'
    },
    event: {
      REQUESTED: 'Dispute requested',
      OPENED: 'Dispute opened',
      INELIGIBLE: 'Dispute refused',
      EVIDENCE_ADDED: 'Evidence added',
      SELLER_ACCEPTED: 'Seller accepted the claim',
      COUNTER_OFFERED: 'Seller made a counter offer',
      SELLER_REJECTED: 'Seller rejected the claim',
      BUYER_ACCEPT_OFFER: 'Buyer accepted the offer',
      BUYER_ESCALATE: 'Buyer asked the platform to decide',
      BUYER_REVISE_CLAIM: 'Buyer revised the claim',
      BUYER_CANCEL: 'Buyer cancelled',
      CLAIM_REVISED: 'Claim revised',
      CLAIM_MODIFIED: 'Claim modified',
      AGREED: 'Agreement reached',
      BUYER_NO_RESPONSE: 'Buyer did not answer in time',
      CANCELLED: 'Dispute cancelled',
      ESCALATED: 'Escalated to the platform',
      EVIDENCE_REQUESTED: 'Mediator asked for evidence',
      EVIDENCE_PROVIDED: 'Evidence provided',
      EVIDENCE_NOT_PROVIDED: 'Evidence not provided in time',
      MEDIATION_SLA_BREACHED: 'Decision overdue',
      DECIDED: 'Platform decided',
      RETURN_SHIPPED: 'Return shipped',
      RETURN_RECEIVED: 'Return received',
      RETURN_TAKEN_AS_RECEIVED: 'Return taken as received',
      CLAIM_LAPSED: 'Claim lapsed',
      REFUND_ISSUED: 'Refund issued',
      CLOSED: 'Dispute closed'
    }
  };

  /* ---------- small helpers ---------- */

  /** Creates an element; strings among the children become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
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
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function label(kind, value) {
    if (value === undefined || value === null || value === '') {
      return '';
    }
    const known = LABELS[kind] && LABELS[kind][value];
    if (known) {
      return known;
    }
    const words = String(value).toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.substring(1);
  }

  /** A timeline detail: free text as it was written, a code (BUYER_REQUESTED) in words. */
  function detail(text) {
    if (!/^[A-Z][A-Z_]+$/.test(text)) {
      return text;
    }
    return ['escalationReason', 'closureReason', 'event'].map((kind) => LABELS[kind][text])
      .find((known) => known) || label('code', text);
  }

  function money(amount, currency) {
    if (amount === undefined || amount === null || amount === '') {
      return '';
    }
    return Number(amount).toFixed(2) + (currency ? ' ' + currency : '');
  }

  function dateTime(value) {
    if (!value) {
      return '';
    }
    return new Date(value).toLocaleString(undefined, {
      weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
      hour: '2-digit', minute: '2-digit'
    });
  }

  function date(value) {
    if (!value) {
      return '';
    }
    return new Date(value).toLocaleDateString(undefined,
      { day: 'numeric', month: 'short', year: 'numeric' });
  }

  function daysFromNow(value) {
    const days = Math.round((new Date(value).getTime() - Date.now()) / DAY);
    if (days === 0) {
      return 'today';
    }
    return days > 0 ? 'in ' + days + ' day' + (days === 1 ? '' : 's')
      : Math.abs(days) + ' day' + (days === -1 ? '' : 's') + ' ago';
  }

  /** "3 days 4 hours left", "overdue by 2 hours". */
  function timeLeft(due) {
    const ms = new Date(due).getTime() - Date.now();
    const abs = Math.abs(ms);
    const days = Math.floor(abs / DAY);
    const hours = Math.floor((abs % DAY) / 3600000);
    const minutes = Math.floor((abs % 3600000) / 60000);
    const parts = [];
    if (days > 0) {
      parts.push(days + ' day' + (days === 1 ? '' : 's'));
    }
    if (hours > 0 || days > 0) {
      parts.push(hours + ' hour' + (hours === 1 ? '' : 's'));
    }
    if (days === 0) {
      parts.push(minutes + ' minute' + (minutes === 1 ? '' : 's'));
    }
    return ms >= 0 ? parts.join(' ') + ' left' : 'overdue by ' + parts.join(' ');
  }

  function bytes(size) {
    if (size >= 1024 * 1024) {
      const mb = size / (1024 * 1024);
      return (Number.isInteger(mb) ? mb : mb.toFixed(1)) + ' MB';
    }
    return Math.max(1, Math.round(size / 1024)) + ' KB';
  }

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  /** The service's API with the Tasklist session; a refusal throws with the server's words. */
  async function api(path, options) {
    const init = Object.assign({ method: 'GET', credentials: 'same-origin' }, options || {});
    init.headers = Object.assign({ Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      init.headers || {});
    const response = await fetch(path, init);
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try {
        const problem = await response.json();
        message = problem.detail || problem.message || message;
      } catch (ignored) {
        // The body is not JSON: keep the status line.
      }
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return response.status === 204 ? null : response.json();
  }

  function decimalOk(text) {
    return DECIMAL.test(text);
  }

  /* ---------- the form ---------- */

  class DisputeForm {
    constructor(camForm, stepName) {
      this.camForm = camForm;
      this.stepName = stepName;
      this.step = STEPS[stepName];
      this.root = camForm.formElement[0];
      this.context = {};
      this.uploads = [];
      this.limits = null;
      this.root.classList.add('dispute-form');
      this.root.addEventListener('input', (event) => this.changed(event));
      this.root.addEventListener('change', (event) => this.changed(event));
      camForm.on('submit-failed', (form, args) => this.serverRefused(args && args[0]));
    }

    async start() {
      this.status('Loading the dispute\u2026');
      try {
        this.context = await this.loadContext();
        this.renderCaseFile();
        if (this.step.prepare) {
          await this.step.prepare(this, this.context);
        }
        if (this.root.querySelector('[data-df="uploads"]')) {
          this.limits = await api('/api/evidence/limits');
          this.renderUploads();
        }
        this.applyVisibility();
        this.updateCounters();
        this.status(null);
        this.root.classList.add('df-ready');
      } catch (error) {
        this.status('The dispute could not be loaded: ' + error.message, true);
      }
    }

    /* --- values --- */

    variable(name) {
      const variable = this.camForm.variableManager.variable(name);
      return variable ? variable.value : undefined;
    }

    /** The value of a visible field; hidden fields count as empty. */
    value(name) {
      const fields = Array.from(this.root.querySelectorAll('[name="' + name + '"]'))
        .filter((field) => !field.closest('[hidden]'));
      if (fields.length === 0) {
        return '';
      }
      if (fields[0].type === 'radio') {
        const checked = fields.find((field) => field.checked);
        return checked ? checked.value : '';
      }
      if (fields[0].type === 'checkbox') {
        return fields[0].checked;
      }
      return fields[0].value.trim();
    }

    values() {
      const values = {};
      this.root.querySelectorAll('[name]').forEach((field) => {
        values[field.name] = this.value(field.name);
      });
      return values;
    }

    setValue(name, value) {
      this.root.querySelectorAll('[name="' + name + '"]').forEach((field) => {
        if (field.type === 'radio') {
          field.checked = field.value === String(value);
        } else if (field.type === 'checkbox') {
          field.checked = Boolean(value);
        } else {
          field.value = value === undefined || value === null ? '' : value;
        }
      });
    }

    /* --- showing and hiding: data-show-when="field=A|B;other=C" --- */

    changed() {
      this.applyVisibility();
      this.updateCounters();
      if (this.checked) {
        // After a first attempt to complete, the list of problems follows every change.
        this.showErrors(this.step.validate(this.values(), this.context, this), false);
      }
    }

    applyVisibility() {
      const values = {};
      this.root.querySelectorAll('[name]').forEach((field) => {
        if (field.type === 'radio') {
          if (field.checked) {
            values[field.name] = field.value;
          }
        } else if (field.type === 'checkbox') {
          values[field.name] = String(field.checked);
        } else {
          values[field.name] = field.value;
        }
      });
      this.root.querySelectorAll('[data-show-when]').forEach((node) => {
        const shown = node.getAttribute('data-show-when').split(';').every((condition) => {
          const [name, options] = condition.split('=');
          return options.split('|').includes(values[name.trim()] || '');
        });
        node.hidden = !shown;
      });
      if (this.step.refresh) {
        this.step.refresh(this, this.context);
      }
    }

    updateCounters() {
      this.root.querySelectorAll('[data-count]').forEach((counter) => {
        const field = this.root.querySelector('[name="' + counter.getAttribute('data-count') + '"]');
        const max = field.getAttribute('maxlength');
        counter.textContent = field.value.trim().length + (max ? ' / ' + max : '') + ' characters';
      });
    }

    /* --- the case file --- */

    async loadContext() {
      // The variables the form's own script asked Tasklist to fetch.
      const context = { step: this.stepName, variables: {} };
      Object.keys(this.camForm.variableManager.variables).forEach((name) => {
        context.variables[name] = this.variable(name);
      });
      if (context.variables.contactId) {
        return this.loadContact(context);
      }
      const disputeId = context.variables.disputeId;
      if (!disputeId) {
        return context;
      }
      const appealId = context.variables.appealId;
      const [file, evidence, task] = await Promise.all([
        // An appeal's review: the appeal with its dispute's case file, in one answer.
        appealId ? api('/api/appeals/' + encodeURIComponent(appealId))
          : api('/api/disputes/' + encodeURIComponent(disputeId)),
        api('/api/disputes/' + encodeURIComponent(disputeId) + '/evidence'),
        this.task()
      ]);
      context.appeal = file.appeal;
      context.dispute = file.dispute;
      context.timeline = file.timeline || [];
      context.offers = file.offers || [];
      context.evidence = evidence;
      context.task = task;
      context.order = await api('/api/orders/' + encodeURIComponent(file.dispute.orderId))
        .catch(() => null);
      return context;
    }

    /** A contact's steps: the order and the conversation so far, oldest message first. */
    async loadContact(context) {
      const [file, task] = await Promise.all([
        api('/api/contacts/' + encodeURIComponent(context.variables.contactId)),
        this.task()
      ]);
      context.contact = file.contact;
      context.messages = file.messages || [];
      context.task = task;
      context.order = await api('/api/orders/' + encodeURIComponent(file.contact.orderId))
        .catch(() => null);
      return context;
    }

    task() {
      if (!this.camForm.taskId) {
        return Promise.resolve(null);
      }
      return new Promise((resolve) => {
        this.camForm.client.resource('task').get(this.camForm.taskId,
          (error, task) => resolve(error ? null : task));
      });
    }

    renderCaseFile() {
      const slot = this.root.querySelector('[data-df="casefile"]');
      if (slot && this.context.contact) {
        this.renderContact(slot);
        return;
      }
      if (!slot || !this.context.dispute) {
        return;
      }
      const { dispute, order, task } = this.context;
      slot.textContent = '';
      slot.appendChild(this.deadlineBanner(task, dispute));
      slot.appendChild(el('div', { className: 'df-columns' },
        this.orderPanel(order, dispute),
        this.claimPanel(dispute)));
      const offers = this.offersPanel(this.context.offers, dispute);
      if (offers) {
        slot.appendChild(offers);
      }
      slot.appendChild(this.evidencePanel(this.context.evidence));
      slot.appendChild(this.timelinePanel(this.context.timeline, dispute));
    }

    renderContact(slot) {
      const { contact, order, task } = this.context;
      const due = (task && task.due) || contact.dueAt;
      slot.textContent = '';
      const heading = el('div', { className: 'df-heading' },
        el('span', { className: 'df-dispute-id' }, 'Contact ' + contact.contactId),
        el('span', { className: 'df-status' }, label('status', contact.status)));
      slot.appendChild(due
        ? el('div', { className: 'df-deadline', 'data-df': 'deadline' }, heading,
          el('div', { className: 'df-due' }, el('strong', {}, 'Deadline '),
            el('time', { datetime: due }, dateTime(due)),
            el('span', { className: 'df-left', 'data-df': 'time-left' }, timeLeft(due))))
        : el('div', { className: 'df-deadline' }, heading));
      const rows = [['Item', order ? order.title : '\u2014'], ['Order', contact.orderId]];
      if (order) {
        rows.push(['Amount', money(order.amount, order.currency)]);
        rows.push(['Shipped', order.shippedAt ? date(order.shippedAt) : 'not shipped']);
        rows.push(['Delivered', order.deliveredAt ? date(order.deliveredAt) : 'not confirmed']);
      }
      rows.push(['Buyer', contact.buyerId], ['Seller', contact.sellerId]);
      slot.appendChild(panel('Order', facts(rows), 'df-order'));
      slot.appendChild(panel('Conversation', el('ol', { className: 'df-timeline',
        'data-df': 'conversation' }, this.context.messages.map((message) => el('li', {},
        el('time', { datetime: message.postedAt }, dateTime(message.postedAt)),
        el('span', { className: 'df-role df-role-' + String(message.authorRole).toLowerCase() },
          label('role', message.authorRole)),
        el('span', { className: 'df-event' }, message.authorId),
        el('div', { className: 'df-text df-detail' }, message.body)))), 'df-timeline-panel'));
    }

    deadlineBanner(task, dispute) {
      const due = (task && task.due) || dispute.dueAt;
      const header = el('div', { className: 'df-heading' },
        el('span', { className: 'df-dispute-id' }, 'Dispute ' + dispute.disputeId),
        el('span', { className: 'df-status' }, label('status', dispute.status)));
      if (!due) {
        return el('div', { className: 'df-deadline' }, header);
      }
      const left = new Date(due).getTime() - Date.now();
      const level = left < 0 ? 'df-overdue' : left < DAY ? 'df-soon' : '';
      return el('div', { className: 'df-deadline ' + level, 'data-df': 'deadline' }, header,
        el('div', { className: 'df-due' },
          el('strong', {}, 'Deadline '),
          el('time', { datetime: due }, dateTime(due)),
          el('span', { className: 'df-left', 'data-df': 'time-left' }, timeLeft(due))));
    }

    orderPanel(order, dispute) {
      const rows = [
        ['Item', order ? order.title : '\u2014'],
        ['Order', dispute.orderId],
        ['Amount', money(dispute.orderAmount, dispute.currency)]
      ];
      if (order) {
        rows.push(['Shipped', order.shippedAt ? date(order.shippedAt) + ' (' + daysFromNow(order.shippedAt) + ')' : 'not shipped']);
        rows.push(['Expected', date(order.estimatedDeliveryAt)]);
        rows.push(['Delivered', order.deliveredAt ? date(order.deliveredAt) : 'not confirmed']);
        rows.push(['Protection ends', order.protectionEndsAt ? date(order.protectionEndsAt) + ' (' + daysFromNow(order.protectionEndsAt) + ')' : '']);
        if (order.trackingNumber) {
          rows.push(['Tracking', order.trackingNumber]);
        }
      }
      rows.push(['Buyer', dispute.buyerId], ['Seller', dispute.sellerId]);
      return panel('Order', facts(rows), 'df-order');
    }

    claimPanel(dispute) {
      const rows = [
        ['Reason', label('reason', dispute.reason)],
        ['Item received', dispute.itemReceived ? 'Yes' : 'No']
      ];
      if (dispute.problemDetail) {
        rows.push(['Problem', label('problemDetail', dispute.problemDetail)]);
      }
      rows.push(['Asks for', label('resolution', dispute.requestedResolution)
        + (dispute.requestedAmount ? ' of ' + money(dispute.requestedAmount, dispute.currency) : '')]);
      if (dispute.escalationReason) {
        rows.push(['Escalated', label('escalationReason', dispute.escalationReason)]);
      }
      return panel("Buyer's claim", [facts(rows),
        el('blockquote', { className: 'df-text', 'data-df': 'description' }, dispute.description)],
      'df-claim');
    }

    offersPanel(offers, dispute) {
      if (!offers || offers.length === 0) {
        return null;
      }
      return panel('Offers', el('ul', { className: 'df-offers' }, offers.map((offer) =>
        el('li', { className: 'df-offer df-offer-' + offer.status.toLowerCase() },
          el('strong', {}, label('resolution', offer.resolution)),
          offer.amount !== null && offer.amount !== undefined
            ? ' \u00b7 ' + money(offer.amount, dispute.currency) : '',
          el('span', { className: 'df-muted' }, ' by ' + offer.proposedBy + ', '
            + dateTime(offer.proposedAt) + ' \u00b7 ' + label('offerStatus', offer.status))))),
      'df-offers-panel');
    }

    evidencePanel(evidence) {
      const body = evidence && evidence.length
        ? el('ul', { className: 'df-gallery', 'data-df': 'evidence' }, evidence.map(evidenceCard))
        : el('p', { className: 'df-muted' }, 'No evidence yet.');
      return panel('Evidence', body, 'df-evidence');
    }

    timelinePanel(timeline) {
      const items = timeline.map((entry) => el('li', {},
        el('time', { datetime: entry.occurredAt }, dateTime(entry.occurredAt)),
        el('span', { className: 'df-role df-role-' + String(entry.actorRole).toLowerCase() },
          label('role', entry.actorRole)),
        el('span', { className: 'df-event' }, label('event', entry.eventType),
          entry.actor && entry.actorRole !== 'SYSTEM' ? ' (' + entry.actor + ')' : ''),
        entry.resolution ? el('span', { className: 'df-muted' }, ' \u00b7 '
          + label('resolution', entry.resolution)
          + (entry.amount ? ' ' + money(entry.amount, this.context.dispute.currency) : '')) : null,
        entry.detail ? el('div', { className: 'df-text df-detail' }, detail(entry.detail)) : null));
      return panel('Timeline', el('ol', { className: 'df-timeline', 'data-df': 'timeline' }, items),
        'df-timeline-panel');
    }

    /* --- evidence uploads --- */

    renderUploads() {
      const slot = this.root.querySelector('[data-df="uploads"]');
      const accepted = this.limits.acceptedTypes.join(',');
      const input = el('input', {
        type: 'file', multiple: true, accept: accepted, id: 'df-files', 'data-df': 'file-input',
        onchange: (event) => {
          Array.from(event.target.files).forEach((file) => this.upload(file));
          event.target.value = '';
        }
      });
      const drop = el('label', { className: 'df-drop', for: 'df-files' },
        el('span', { className: 'glyphicon glyphicon-paperclip' }),
        ' Attach photos, videos or PDFs: drop them here or ', el('u', {}, 'choose files'));
      drop.addEventListener('dragover', (event) => {
        event.preventDefault();
        drop.classList.add('df-drag');
      });
      drop.addEventListener('dragleave', () => drop.classList.remove('df-drag'));
      drop.addEventListener('drop', (event) => {
        event.preventDefault();
        drop.classList.remove('df-drag');
        Array.from(event.dataTransfer.files).forEach((file) => this.upload(file));
      });
      slot.textContent = '';
      slot.appendChild(el('div', { className: 'form-group', 'data-field': 'evidenceIds' },
        el('label', { className: 'control-label' }, slot.getAttribute('data-label') || 'Evidence'),
        input, drop,
        el('p', { className: 'help-block' }, this.limits.acceptedLabel + '; up to '
          + bytes(this.limits.maxFileBytes) + ' per file and ' + bytes(this.limits.maxDisputeBytes)
          + ' per dispute. Files are added to the dispute when you complete this form.'),
        el('ul', { className: 'df-uploads', 'data-df': 'upload-list' })));
    }

    async upload(file) {
      const item = { file, state: 'uploading', error: null, evidence: null };
      this.uploads.push(item);
      const problem = this.checkFile(file);
      if (problem) {
        item.state = 'refused';
        item.error = problem;
        this.renderUploadList();
        return;
      }
      this.renderUploadList();
      const query = '?name=' + encodeURIComponent(file.name)
        + (this.context.variables.disputeId
          ? '&disputeId=' + encodeURIComponent(this.context.variables.disputeId) : '');
      try {
        item.evidence = await api('/api/evidence' + query, {
          method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' }
        });
        item.state = 'uploaded';
      } catch (error) {
        item.state = 'refused';
        item.error = error.message;
      }
      this.renderUploadList();
    }

    /** The server checks the content; this saves sending a file that cannot pass. */
    checkFile(file) {
      if (file.size > this.limits.maxFileBytes) {
        return file.name + ' is larger than ' + bytes(this.limits.maxFileBytes)
          + ', the limit per file.';
      }
      if (file.size === 0) {
        return file.name + ' is empty.';
      }
      if (file.type && !this.limits.acceptedTypes.includes(file.type)) {
        return file.name + ' is not an accepted kind of file (' + this.limits.acceptedLabel + ').';
      }
      return null;
    }

    async withdraw(item) {
      try {
        await api('/api/evidence/' + item.evidence.id, { method: 'DELETE' });
        this.uploads.splice(this.uploads.indexOf(item), 1);
      } catch (error) {
        item.error = error.message;
      }
      this.renderUploadList();
    }

    renderUploadList() {
      const list = this.root.querySelector('[data-df="upload-list"]');
      list.textContent = '';
      this.uploads.forEach((item) => {
        const thumb = item.evidence && item.evidence.image
          ? el('img', { src: item.evidence.url, alt: '', className: 'df-upload-thumb' })
          : el('span', { className: 'df-upload-icon' }, fileBadge(item.file.type));
        list.appendChild(el('li', { className: 'df-upload df-upload-' + item.state },
          thumb,
          el('span', { className: 'df-upload-name' }, item.file.name),
          el('span', { className: 'df-muted' }, ' ' + bytes(item.file.size) + ' \u00b7 '),
          item.state === 'uploading' ? el('span', { className: 'df-muted' }, 'uploading\u2026') : null,
          item.state === 'uploaded' ? el('span', { className: 'text-success' }, 'ready') : null,
          item.state === 'uploaded' ? el('button', {
            type: 'button', className: 'btn btn-link btn-xs', onclick: () => this.withdraw(item)
          }, 'remove') : null,
          item.state === 'refused' ? el('span', { className: 'text-danger', 'data-df': 'upload-error' },
            item.error) : null,
          item.state === 'refused' ? el('button', {
            type: 'button', className: 'btn btn-link btn-xs', onclick: () => {
              this.uploads.splice(this.uploads.indexOf(item), 1);
              this.renderUploadList();
            }
          }, 'dismiss') : null));
      });
    }

    evidenceIds() {
      return this.uploads.filter((item) => item.state === 'uploaded')
        .map((item) => item.evidence.id).join(',');
    }

    /* --- errors --- */

    showErrors(errors, scroll) {
      this.root.querySelectorAll('[data-field].has-error').forEach((group) => this.clearError(group));
      const summary = this.root.querySelector('[data-df="errors"]');
      summary.textContent = '';
      if (errors.length === 0) {
        summary.hidden = true;
        return;
      }
      summary.hidden = false;
      summary.appendChild(el('strong', {}, 'Please check: '));
      const list = el('ul');
      errors.forEach((error) => {
        const group = error.field && this.root.querySelector('[data-field="' + error.field + '"]');
        if (group && !group.closest('[hidden]')) {
          group.classList.add('has-error');
          group.appendChild(el('p', { className: 'help-block df-error' }, error.message));
        }
        list.appendChild(el('li', {}, (group ? fieldName(group) + ': ' : '') + error.message));
      });
      summary.appendChild(list);
      if (scroll !== false) {
        summary.scrollIntoView({ block: 'nearest' });
      }
    }

    clearError(group) {
      group.classList.remove('has-error');
      group.querySelectorAll('.df-error').forEach((node) => node.remove());
    }

    /** The engine refused the completion (a task listener, 400): show its words at the fields. */
    serverRefused(error) {
      if (!error || /submission prevented/.test(error.message || '')) {
        return;
      }
      const message = String(error.message || error);
      const errors = [];
      this.root.querySelectorAll('[data-field]').forEach((group) => {
        const field = group.getAttribute('data-field');
        const match = new RegExp('(?:^|[:;]\\s*)' + field + ' ([^;\'"]+)').exec(message);
        if (match) {
          errors.push({ field, message: match[1].trim() });
        }
      });
      if (errors.length === 0) {
        errors.push({ field: null, message });
      }
      this.showErrors(errors);
    }

    status(message, failed) {
      const node = this.root.querySelector('[data-df="status"]');
      if (!node) {
        return;
      }
      node.hidden = !message;
      node.textContent = message || '';
      node.className = failed ? 'alert alert-danger' : 'df-loading';
    }

    /* --- submitting --- */

    /** Checks the answers and hands the variables to Tasklist; false keeps the form open. */
    submit() {
      if (!this.root.classList.contains('df-ready')) {
        return false;
      }
      if (this.uploads.some((item) => item.state === 'uploading')) {
        this.showErrors([{ field: 'evidenceIds', message: 'wait until every file is uploaded' }]);
        return false;
      }
      const values = this.values();
      const errors = this.step.validate(values, this.context, this);
      this.checked = true;
      this.showErrors(errors);
      if (errors.length > 0) {
        return false;
      }
      const variables = this.step.submit(values, this.context, this);
      this.keepFetchedVariables(Object.keys(variables));
      Object.entries(variables).forEach(([name, typed]) => this.setVariable(name, typed));
      const slot = this.root.querySelector('[data-df="uploads"]');
      const ids = slot && !slot.closest('[hidden]') ? this.evidenceIds() : '';
      if (ids) {
        // Transient: the ids reach the step that attaches the files, never the engine's tables.
        this.setVariable('evidenceIds', { type: 'String', value: ids, valueInfo: { transient: true } });
      }
      return true;
    }

    /**
     * The variables fetched to show the case file (disputeId, …) are not answers. Tasklist
     * submits every fetched variable that no form field holds, as if it were one, and the server
     * refuses a step's submission that carries anything but its own answers: these are marked
     * unchanged, so that only the step's answers are sent.
     */
    keepFetchedVariables(answers) {
      const variables = this.camForm.variableManager.variables;
      Object.keys(variables).forEach((name) => {
        if (!answers.includes(name) && name !== 'evidenceIds') {
          variables[name].originalValue = variables[name].value;
          variables[name].defaultValue = variables[name].value;
        }
      });
    }

    setVariable(name, typed) {
      const manager = this.camForm.variableManager;
      const existing = manager.variable(name);
      if (existing) {
        existing.type = typed.type;
        existing.value = typed.value;
        existing.valueInfo = typed.valueInfo || {};
        existing.isDirty = true;
      } else {
        manager.createVariable({
          name, type: typed.type, value: typed.value, valueInfo: typed.valueInfo || {}, isDirty: true
        });
      }
    }
  }

  function panel(title, body, className) {
    return el('section', { className: 'df-panel ' + (className || '') },
      el('h4', {}, title), body);
  }

  function facts(rows) {
    return el('dl', { className: 'df-facts' }, rows.map(([name, value]) =>
      [el('dt', {}, name), el('dd', {}, value === undefined || value === null || value === '' ? '\u2014' : value)]));
  }

  function fileBadge(type) {
    if (String(type).startsWith('video/')) {
      return 'VIDEO';
    }
    return String(type) === 'application/pdf' ? 'PDF' : 'FILE';
  }

  function evidenceCard(item) {
    const preview = item.image
      ? el('img', { src: item.url, alt: item.fileName, loading: 'lazy', className: 'df-thumb' })
      : el('span', { className: 'df-thumb df-thumb-file' }, fileBadge(item.contentType));
    return el('li', { className: 'df-card' },
      el('a', { href: item.url, target: '_blank', rel: 'noopener', title: 'Open ' + item.fileName,
        'data-df': 'evidence-link' }, preview),
      el('div', { className: 'df-card-name' }, item.fileName),
      el('div', { className: 'df-muted' }, label('role', item.uploaderRole) + ' \u00b7 '
        + date(item.attachedAt || item.uploadedAt) + ' \u00b7 ' + bytes(item.sizeBytes)),
      el('a', { href: item.url + '?download=true', className: 'df-download' }, 'Download'));
  }

  function fieldName(group) {
    const labelNode = group.querySelector('.control-label, legend');
    return labelNode ? labelNode.textContent.replace(/\s+/g, ' ').trim() : group.getAttribute('data-field');
  }

  /* ---------- validation helpers mirroring the server ---------- */

  function required(errors, values, field, message) {
    if (values[field] === '' || values[field] === undefined || values[field] === false) {
      errors.push({ field, message: message || 'is required' });
      return false;
    }
    return true;
  }

  function text(errors, values, field, min, max) {
    const value = values[field] || '';
    if (min > 0 && value.length === 0) {
      errors.push({ field, message: 'is required' });
    } else if (value.length < min || value.length > max) {
      errors.push({ field, message: min > 1 ? 'must be ' + min + ' to ' + max + ' characters (now '
        + value.length + ')' : 'must be at most ' + max + ' characters' });
    }
  }

  /** A partial refund: a decimal such as 12.50, above 0 and below the order amount. */
  function partialAmount(errors, values, field, orderAmount) {
    const value = values[field];
    if (!value) {
      errors.push({ field, message: 'is required for a partial refund' });
    } else if (!decimalOk(value)) {
      errors.push({ field, message: 'must be an amount such as 12.50 (digits, a dot, two decimals at most)' });
    } else if (Number(value) <= 0 || (orderAmount !== undefined && Number(value) >= Number(orderAmount))) {
      errors.push({ field, message: 'must be above 0 and below the order amount'
        + (orderAmount !== undefined ? ' ' + money(orderAmount) : '') });
    }
  }

  function claimErrors(errors, values, orderAmount) {
    required(errors, values, 'reason');
    required(errors, values, 'itemReceived', 'say whether the item arrived');
    if (values.itemReceived === 'true') {
      required(errors, values, 'problemDetail', 'is required when the item was received');
    }
    text(errors, values, 'description', 20, 2000);
    required(errors, values, 'requestedResolution');
    if (values.requestedResolution === 'PARTIAL_REFUND') {
      partialAmount(errors, values, 'requestedAmount', orderAmount);
    }
  }

  function claimVariables(values) {
    const received = values.itemReceived === 'true';
    const variables = {
      reason: { type: 'String', value: values.reason },
      itemReceived: { type: 'Boolean', value: received },
      description: { type: 'String', value: values.description },
      requestedResolution: { type: 'String', value: values.requestedResolution }
    };
    if (received) {
      variables.problemDetail = { type: 'String', value: values.problemDetail };
    }
    if (values.requestedResolution === 'PARTIAL_REFUND') {
      variables.requestedAmount = { type: 'String', value: values.requestedAmount };
    }
    return variables;
  }

  function amountHint(form, field, amount, currency) {
    const hint = form.root.querySelector('[data-df="' + field + '-hint"]');
    if (hint) {
      hint.textContent = amount ? 'Above 0 and below the order amount, '
        + money(amount, currency) + '.' : '';
    }
  }

  /* ---------- the steps ---------- */

  const STEPS = {

    /* Start form of disputeMediation: the buyer opens a dispute. */
    OpenDispute: {
      async prepare(form) {
        const select = form.root.querySelector('[name="orderId"]');
        const orders = await api('/api/orders');
        form.context.orders = orders;
        select.appendChild(el('option', { value: '' }, orders.length
          ? 'Choose one of your orders\u2026' : 'You have no orders to dispute'));
        orders.forEach((order) => select.appendChild(el('option', { value: order.orderId },
          order.orderId + ' \u00b7 ' + order.title + ' \u00b7 ' + money(order.amount, order.currency))));
      },
      refresh(form) {
        const order = (form.context.orders || []).find((o) => o.orderId === form.value('orderId'));
        form.context.order = order;
        const slot = form.root.querySelector('[data-df="order"]');
        slot.textContent = '';
        if (order) {
          slot.appendChild(facts([
            ['Item', order.title],
            ['Amount', money(order.amount, order.currency)],
            ['Shipped', order.shippedAt ? date(order.shippedAt) + ' (' + daysFromNow(order.shippedAt) + ')' : 'not shipped'],
            ['Expected', date(order.estimatedDeliveryAt)],
            ['Protection ends', date(order.protectionEndsAt) + ' (' + daysFromNow(order.protectionEndsAt) + ')'],
            ['Seller', order.sellerId]
          ]));
        }
        amountHint(form, 'requestedAmount', order && order.amount, order && order.currency);
      },
      validate(values, context) {
        const errors = [];
        required(errors, values, 'orderId', 'choose the order');
        claimErrors(errors, values, context.order && context.order.amount);
        return errors;
      },
      submit(values) {
        return Object.assign({ orderId: { type: 'String', value: values.orderId } },
          claimVariables(values));
      }
    },

    /* Start form of sellerContact: the buyer writes to the seller about an order. */
    ContactSeller: {
      prepare(form) {
        return STEPS.OpenDispute.prepare(form);
      },
      refresh(form) {
        const order = (form.context.orders || []).find((o) => o.orderId === form.value('orderId'));
        const slot = form.root.querySelector('[data-df="order"]');
        slot.textContent = '';
        if (order) {
          slot.appendChild(facts([
            ['Item', order.title],
            ['Amount', money(order.amount, order.currency)],
            ['Shipped', order.shippedAt ? date(order.shippedAt) : 'not shipped'],
            ['Seller', order.sellerId]
          ]));
        }
      },
      validate(values) {
        const errors = [];
        required(errors, values, 'orderId', 'choose the order');
        text(errors, values, 'buyerMessage', 1, 4000);
        return errors;
      },
      submit(values) {
        return {
          orderId: { type: 'String', value: values.orderId },
          buyerMessage: { type: 'String', value: values.buyerMessage }
        };
      }
    },

    /* The seller replies to the buyer's message. */
    ReplyToBuyer: {
      validate(values) {
        const errors = [];
        text(errors, values, 'sellerMessage', 1, 4000);
        return errors;
      },
      submit(values) {
        return { sellerMessage: { type: 'String', value: values.sellerMessage } };
      }
    },

    /* The buyer says whether the seller's reply resolved the issue; if not, may open a dispute. */
    ConfirmIssueResolved: {
      prepare(form, context) {
        amountHint(form, 'requestedAmount', context.order && context.order.amount,
          context.order && context.order.currency);
      },
      validate(values, context) {
        const errors = [];
        if (required(errors, values, 'issueResolved', 'say whether the issue is resolved')
            && values.issueResolved === 'false'
            && required(errors, values, 'openDispute', 'say whether you open a dispute')
            && values.openDispute === 'true') {
          claimErrors(errors, values, context.order && context.order.amount);
        }
        return errors;
      },
      submit(values) {
        const resolved = values.issueResolved === 'true';
        const open = !resolved && values.openDispute === 'true';
        const variables = {
          issueResolved: { type: 'Boolean', value: resolved },
          openDispute: { type: 'Boolean', value: open }
        };
        return open ? Object.assign(variables, claimVariables(values)) : variables;
      }
    },

    /* Start form of appealTicket: a party appeals one of their closed disputes. */
    AppealDispute: {
      async prepare(form) {
        const select = form.root.querySelector('[name="disputeId"]');
        // Refused and cancelled disputes had no decision to appeal; a dispute is appealed once.
        const disputes = (await api('/api/disputes')).filter((d) => d.status === 'CLOSED'
          && d.closureReason !== 'INELIGIBLE' && d.closureReason !== 'CANCELLED_BY_BUYER'
          && !d.appealId);
        form.context.disputes = disputes;
        select.appendChild(el('option', { value: '' }, disputes.length
          ? 'Choose one of your closed disputes\u2026' : 'You have no closed dispute to appeal'));
        disputes.forEach((d) => select.appendChild(el('option', { value: d.disputeId },
          d.disputeId + ' \u00b7 ' + d.orderId + ' \u00b7 ' + label('resolution', d.resolution))));
      },
      refresh(form) {
        const d = (form.context.disputes || []).find((x) => x.disputeId === form.value('disputeId'));
        const slot = form.root.querySelector('[data-df="dispute"]');
        slot.textContent = '';
        if (d) {
          slot.appendChild(facts([
            ['Order', d.orderId],
            ['Claim', label('reason', d.reason)],
            ['Outcome', label('resolution', d.resolution)
              + (Number(d.refundAmount) > 0 ? ' of ' + money(d.refundAmount, d.currency) : '')],
            ['How it ended', label('closureReason', d.closureReason)],
            ['Closed', date(d.closedAt)]
          ]));
        }
      },
      validate(values) {
        const errors = [];
        required(errors, values, 'disputeId', 'choose the dispute');
        text(errors, values, 'appealStatement', 20, 4000);
        return errors;
      },
      submit(values) {
        return {
          disputeId: { type: 'String', value: values.disputeId },
          appealStatement: { type: 'String', value: values.appealStatement }
        };
      }
    },

    /* A senior mediator reviews an appeal: upholds the outcome or overturns it. */
    ReviewAppeal: {
      prepare(form, context) {
        const { appeal, dispute } = context;
        const slot = form.root.querySelector('[data-df="appeal"]');
        slot.textContent = '';
        slot.appendChild(panel('Appeal ' + appeal.appealId, [facts([
          ['Appellant', appeal.appellantId + ' (' + label('role', appeal.appellantRole) + ')'],
          ['Outcome appealed', label('resolution', dispute.resolution)
            + (Number(dispute.refundAmount) > 0
              ? ' of ' + money(dispute.refundAmount, dispute.currency) : '')],
          ['Decided by', dispute.decidedBy || '\u2014'],
          ['Rationale', dispute.decisionRationale || '\u2014']
        ]), el('blockquote', { className: 'df-text', 'data-df': 'statement' }, appeal.statement)],
        'df-claim'));
        amountHint(form, 'refundAmount', dispute.orderAmount, dispute.currency);
      },
      validate(values, context) {
        const errors = [];
        const d = context.dispute;
        if (required(errors, values, 'appealDecision', 'choose a decision')
            && values.appealDecision === 'OVERTURN'
            && required(errors, values, 'resolution', 'choose the new outcome')) {
          if (values.resolution === 'PARTIAL_REFUND') {
            partialAmount(errors, values, 'refundAmount', d.orderAmount);
          }
          const refund = values.resolution === 'PARTIAL_REFUND' ? Number(values.refundAmount)
            : ['FULL_REFUND', 'RETURN_AND_REFUND'].includes(values.resolution)
              ? Number(d.orderAmount) : 0;
          if (values.resolution === d.resolution && refund === Number(d.refundAmount || 0)) {
            errors.push({ field: 'resolution', message: 'is the outcome the dispute has already: '
              + 'an overturn changes it; to keep it, uphold' });
          }
        }
        text(errors, values, 'appealRationale', 1, 4000);
        return errors;
      },
      submit(values) {
        const variables = {
          appealDecision: { type: 'String', value: values.appealDecision },
          appealRationale: { type: 'String', value: values.appealRationale }
        };
        if (values.appealDecision === 'OVERTURN') {
          variables.resolution = { type: 'String', value: values.resolution };
          if (values.resolution === 'PARTIAL_REFUND') {
            variables.refundAmount = { type: 'String', value: values.refundAmount };
          }
        }
        return variables;
      }
    },

    /* The seller answers the claim. */
    RespondToDispute: {
      prepare(form, context) {
        const claim = form.root.querySelector('[data-df="claim-summary"]');
        claim.textContent = label('resolution', context.dispute.requestedResolution)
          + (context.dispute.requestedAmount
            ? ' of ' + money(context.dispute.requestedAmount, context.dispute.currency) : '');
        amountHint(form, 'offerAmount', context.dispute.orderAmount, context.dispute.currency);
      },
      refresh(form) {
        const comment = form.root.querySelector('[data-field="sellerComment"] .control-label');
        comment.textContent = form.value('sellerResponse') === 'REJECT'
          ? 'Why you reject the claim (the buyer and the mediator read this)'
          : 'Comment to the buyer (optional)';
      },
      validate(values, context) {
        const errors = [];
        if (required(errors, values, 'sellerResponse', 'choose how you respond')) {
          if (values.sellerResponse === 'COUNTER_OFFER') {
            required(errors, values, 'offerResolution', 'choose what you offer');
            if (values.offerResolution === 'PARTIAL_REFUND') {
              partialAmount(errors, values, 'offerAmount', context.dispute.orderAmount);
            }
          }
        }
        text(errors, values, 'sellerComment', values.sellerResponse === 'REJECT' ? 1 : 0, 4000);
        return errors;
      },
      submit(values) {
        const variables = { sellerResponse: { type: 'String', value: values.sellerResponse } };
        if (values.sellerResponse === 'COUNTER_OFFER') {
          variables.offerResolution = { type: 'String', value: values.offerResolution };
          if (values.offerResolution === 'PARTIAL_REFUND') {
            variables.offerAmount = { type: 'String', value: values.offerAmount };
          }
        }
        if (values.sellerComment) {
          variables.sellerComment = { type: 'String', value: values.sellerComment };
        }
        return variables;
      }
    },

    /* The buyer answers the seller's response. */
    ReviewSellerResponse: {
      prepare(form, context) {
        const v = context.variables;
        const answer = form.root.querySelector('[data-df="seller-answer"]');
        answer.textContent = '';
        answer.appendChild(el('p', { className: 'df-answer-kind' },
          el('strong', {}, label('sellerResponse', v.sellerResponse)),
          v.sellerResponse === 'COUNTER_OFFER' ? ': ' + label('resolution', v.offerResolution)
            + (v.offerAmount ? ' of ' + money(v.offerAmount, context.dispute.currency) : '') : ''));
        if (v.sellerComment) {
          answer.appendChild(el('blockquote', { className: 'df-text', 'data-df': 'seller-comment' },
            v.sellerComment));
        }
        const accept = form.root.querySelector('[name="buyerDecision"][value="ACCEPT_OFFER"]');
        if (v.sellerResponse !== 'COUNTER_OFFER') {
          accept.closest('.radio').remove();
        } else {
          accept.parentNode.querySelector('[data-df="offer"]').textContent = label('resolution',
            v.offerResolution) + (v.offerAmount ? ' of ' + money(v.offerAmount, context.dispute.currency) : '');
        }
        const d = context.dispute;
        form.setValue('reason', d.reason);
        form.setValue('itemReceived', String(d.itemReceived));
        form.setValue('problemDetail', d.problemDetail || '');
        form.setValue('description', d.description);
        form.setValue('requestedResolution', d.requestedResolution);
        form.setValue('requestedAmount', d.requestedAmount ? Number(d.requestedAmount).toFixed(2) : '');
        amountHint(form, 'requestedAmount', d.orderAmount, d.currency);
      },
      validate(values, context) {
        const errors = [];
        if (required(errors, values, 'buyerDecision', 'choose what you want to do')) {
          if (values.buyerDecision === 'REVISE_CLAIM') {
            claimErrors(errors, values, context.dispute.orderAmount);
          }
          if (values.buyerDecision === 'CANCEL') {
            required(errors, values, 'confirmCancel', 'confirm that you cancel the dispute for good');
          }
        }
        return errors;
      },
      submit(values) {
        const variables = { buyerDecision: { type: 'String', value: values.buyerDecision } };
        return values.buyerDecision === 'REVISE_CLAIM'
          ? Object.assign(variables, claimVariables(values)) : variables;
      }
    },

    /* A mediator decides. */
    DecideDispute: {
      prepare(form, context) {
        const d = context.dispute;
        form.root.querySelectorAll('[data-df="order-amount"]').forEach((node) => {
          node.textContent = money(d.orderAmount, d.currency);
        });
        amountHint(form, 'decisionAmount', d.orderAmount, d.currency);
      },
      validate(values, context) {
        const errors = [];
        if (required(errors, values, 'platformDecision', 'choose a decision')) {
          if (values.platformDecision === 'PARTIAL_REFUND') {
            partialAmount(errors, values, 'decisionAmount', context.dispute.orderAmount);
          }
          if (values.platformDecision === 'REQUEST_EVIDENCE') {
            required(errors, values, 'evidenceRequestedFrom', 'choose who is to provide evidence');
            text(errors, values, 'evidenceRequest', 1, 4000);
          }
        }
        text(errors, values, 'decisionRationale', 1, 4000);
        return errors;
      },
      submit(values) {
        const variables = {
          platformDecision: { type: 'String', value: values.platformDecision },
          decisionRationale: { type: 'String', value: values.decisionRationale }
        };
        if (values.platformDecision === 'PARTIAL_REFUND') {
          variables.decisionAmount = { type: 'String', value: values.decisionAmount };
        }
        if (values.platformDecision === 'REQUEST_EVIDENCE') {
          variables.evidenceRequestedFrom = { type: 'String', value: values.evidenceRequestedFrom };
          variables.evidenceRequest = { type: 'String', value: values.evidenceRequest };
        }
        return variables;
      }
    },

    /* The party the mediator asked provides evidence. */
    ProvideEvidence: {
      prepare(form, context) {
        form.root.querySelector('[data-df="request"]').textContent =
          context.variables.evidenceRequest || 'The mediator asked for evidence.';
      },
      validate(values) {
        const errors = [];
        text(errors, values, 'evidenceNote', 1, 4000);
        return errors;
      },
      submit(values) {
        return { evidenceNote: { type: 'String', value: values.evidenceNote } };
      }
    },

    /* The buyer ships the item back. */
    ShipReturn: {
      prepare(form, context) {
        form.root.querySelector('[data-df="refund"]').textContent =
          money(context.variables.refundAmount, context.dispute.currency);
      },
      validate(values) {
        const errors = [];
        if (!/^[A-Za-z0-9-]{6,40}$/.test(values.returnTrackingNumber)) {
          errors.push({ field: 'returnTrackingNumber', message: values.returnTrackingNumber
            ? 'must be 6 to 40 letters, digits or dashes' : 'is required' });
        }
        return errors;
      },
      submit(values) {
        return { returnTrackingNumber: { type: 'String', value: values.returnTrackingNumber } };
      }
    },

    /* The seller confirms the returned item arrived. */
    ConfirmReturnReceived: {
      prepare(form, context) {
        form.root.querySelector('[data-df="tracking"]').textContent =
          context.variables.returnTrackingNumber || '\u2014';
        form.root.querySelector('[data-df="refund"]').textContent =
          money(context.variables.refundAmount, context.dispute.currency);
      },
      validate(values) {
        const errors = [];
        required(errors, values, 'confirmReceived', 'confirm that the item arrived');
        return errors;
      },
      submit() {
        return {};
      }
    }
  };

  window.DisputeForms = {
    /** Starts the form of {@code stepName} on Tasklist's camForm; returns its controller. */
    mount(camForm, stepName) {
      if (!STEPS[stepName]) {
        throw new Error('No dispute form step ' + stepName);
      }
      const form = new DisputeForm(camForm, stepName);
      form.start();
      return form;
    },
    steps: STEPS,
    labels: LABELS,
    api,
    el
  };
})();
