/*
 * The case file every step shows before its question: whose move it is and until when, the
 * order, the claim, the offers, the evidence and the timeline (or, for a seller contact, the
 * conversation). Rendered into <div data-df="casefile"></div>.
 */
import { el, panel, facts } from './dom.js';
import { money, date, dateTime, daysFromNow, timeLeft, deadlineLevel, bytes } from './format.js';
import { decisionPanel } from './panel-rules.js';
import { spelledOut } from './labels.js';

/** The language the case file's dates are written in: its label bundle's. */
function locale(labels) {
  return labels ? labels.locale : undefined;
}

/** "Nov 13, 2026 (20 days ago)", in the bundle's language. */
function dayAndDistance(value, labels) {
  return date(value, locale(labels)) + ' (' + daysFromNow(value, Date.now(), locale(labels)) + ')';
}

/** A fixed word in the reader's language; without a bundle, the key written out. */
function w(labels, key) {
  return labels && labels.word ? labels.word(key) : spelledOut(key);
}

export function renderCaseFile(root, context, labels) {
  const slot = root.querySelector('[data-df="casefile"]');
  if (!slot || !(context.contact || context.dispute)) {
    return;
  }
  slot.textContent = '';
  if (context.contact) {
    contactFile(context, labels).forEach((node) => slot.appendChild(node));
  } else {
    disputeFile(context, labels).forEach((node) => slot.appendChild(node));
  }
}

export function disputeFile(context, labels) {
  const { dispute, order, task } = context;
  const nodes = [
    deadlineBanner(w(labels, 'DISPUTE') + ' ' + dispute.disputeId,
      labels.label('status', dispute.status), (task && task.due) || dispute.dueAt, true, Date.now(),
      labels),
    el('div', { className: 'df-columns' }, orderPanel(order, dispute, labels),
      claimPanel(dispute, labels))
  ];
  if (context.offers && context.offers.length) {
    nodes.push(offersPanel(context.offers, dispute, labels));
  }
  if (context.decisions && context.decisions.length) {
    nodes.push(decisionPanel(context.decisions, labels));
  }
  nodes.push(evidencePanel(context.evidence, labels), timelinePanel(context.timeline || [],
    dispute, labels));
  return nodes;
}

export function contactFile(context, labels) {
  const { contact, order, task } = context;
  const rows = [[w(labels, 'ITEM'), order ? order.title : '\u2014'],
    [w(labels, 'ORDER'), contact.orderId]];
  if (order) {
    rows.push([w(labels, 'AMOUNT'), money(order.amount, order.currency)]);
    rows.push([w(labels, 'SHIPPED'), order.shippedAt ? date(order.shippedAt, locale(labels))
      : w(labels, 'NOT_SHIPPED')]);
    rows.push([w(labels, 'DELIVERED'), order.deliveredAt ? date(order.deliveredAt, locale(labels))
      : w(labels, 'NOT_CONFIRMED')]);
  }
  rows.push([w(labels, 'BUYER'), contact.buyerId], [w(labels, 'SELLER'), contact.sellerId]);
  return [
    deadlineBanner(w(labels, 'CONTACT') + ' ' + contact.contactId, labels.label('contactStatus', contact.status),
      (task && task.due) || contact.dueAt, false),
    panel(w(labels, 'ORDER'), facts(rows), 'df-order'),
    panel(w(labels, 'CONVERSATION'), el('ol', { className: 'df-timeline', 'data-df': 'conversation' },
      (context.messages || []).map((message) => el('li', {},
        el('time', { datetime: message.postedAt }, dateTime(message.postedAt, locale(labels))),
        role(message.authorRole, labels),
        el('span', { className: 'df-event' }, message.authorId),
        el('div', { className: 'df-text df-detail' }, message.body)))), 'df-timeline-panel')
  ];
}

/** The heading, and the deadline as a date and as time left; coloured when close or passed. */
export function deadlineBanner(title, status, due, coloured = true, now = Date.now(),
  labels = null) {
  const heading = el('div', { className: 'df-heading' },
    el('span', { className: 'df-dispute-id' }, title),
    el('span', { className: 'df-status' }, status));
  if (!due) {
    return el('div', { className: 'df-deadline' }, heading);
  }
  return el('div', { className: 'df-deadline ' + (coloured ? deadlineLevel(due, now) : ''),
    'data-df': 'deadline' }, heading,
  el('div', { className: 'df-due' },
    el('strong', {}, w(labels, 'DEADLINE') + ' '),
    el('time', { datetime: due }, dateTime(due, locale(labels))),
    el('span', { className: 'df-left', 'data-df': 'time-left' }, timeLeft(due, now))));
}

/** The order's facts with its dates, as an opening buyer and the case file show them. */
export function orderRows(order, labels = null) {
  return [
    [w(labels, 'SHIPPED'), order.shippedAt
      ? dayAndDistance(order.shippedAt, labels) : w(labels, 'NOT_SHIPPED')],
    [w(labels, 'EXPECTED'), date(order.estimatedDeliveryAt, locale(labels))],
    [w(labels, 'DELIVERED'), order.deliveredAt ? date(order.deliveredAt, locale(labels))
      : w(labels, 'NOT_CONFIRMED')],
    [w(labels, 'PROTECTION_ENDS'), order.protectionEndsAt
      ? dayAndDistance(order.protectionEndsAt, labels) : '']
  ];
}

function orderPanel(order, dispute, labels) {
  const rows = [
    [w(labels, 'ITEM'), order ? order.title : '\u2014'],
    [w(labels, 'ORDER'), dispute.orderId],
    [w(labels, 'AMOUNT'), money(dispute.orderAmount, dispute.currency)]
  ];
  if (order) {
    rows.push(...orderRows(order, labels));
    if (order.trackingNumber) {
      rows.push([w(labels, 'TRACKING'), order.trackingNumber]);
    }
  }
  rows.push([w(labels, 'BUYER'), dispute.buyerId], [w(labels, 'SELLER'), dispute.sellerId]);
  return panel(w(labels, 'ORDER'), facts(rows), 'df-order');
}

/** "Partial refund of 20.00 USD", "Full refund". */
export function outcome(labels, resolution, amount, currency) {
  return labels.label('resolution', resolution) + (amount ? ' ' + w(labels, 'OF') + ' ' + money(amount, currency) : '');
}

function claimPanel(dispute, labels) {
  const { label } = labels;
  const rows = [
    [w(labels, 'REASON'), label('reason', dispute.reason)],
    [w(labels, 'ITEM_RECEIVED'), w(labels, dispute.itemReceived ? 'YES' : 'NO')]
  ];
  if (dispute.problemDetail) {
    rows.push([w(labels, 'PROBLEM'), label('problemDetail', dispute.problemDetail)]);
  }
  rows.push([w(labels, 'ASKS_FOR'), outcome(labels, dispute.requestedResolution, dispute.requestedAmount,
    dispute.currency)]);
  if (dispute.escalationReason) {
    rows.push([w(labels, 'ESCALATED'), label('escalationReason', dispute.escalationReason)]);
  }
  if (dispute.escalationRequestReason) {
    rows.push([w(labels, 'BECAUSE'), label('escalationRequestReason', dispute.escalationRequestReason)]);
  }
  if (dispute.escalationComment) {
    rows.push([w(labels, 'THEIR_WORDS'), dispute.escalationComment]);
  }
  return panel(w(labels, 'BUYERS_CLAIM'), [facts(rows),
    el('blockquote', { className: 'df-text', 'data-df': 'description' }, dispute.description)],
  'df-claim');
}

function offersPanel(offers, dispute, labels) {
  const { label } = labels;
  return panel(w(labels, 'OFFERS'), el('ul', { className: 'df-offers' }, offers.map((offer) =>
    el('li', { className: 'df-offer df-offer-' + offer.status.toLowerCase() },
      el('strong', {}, label('resolution', offer.resolution)),
      offer.amount !== null && offer.amount !== undefined
        ? ' \u00b7 ' + money(offer.amount, dispute.currency) : '',
      el('span', { className: 'df-muted' }, ' ' + w(labels, 'BY') + ' ' + offer.proposedBy + ', '
        + dateTime(offer.proposedAt, locale(labels)) + ' \u00b7 ' + label('offerStatus', offer.status))))),
  'df-offers-panel');
}

function role(code, labels) {
  return el('span', { className: 'df-role df-role-' + String(code).toLowerCase() },
    labels.label('role', code));
}

function evidencePanel(evidence, labels) {
  const body = evidence && evidence.length
    ? el('ul', { className: 'df-gallery', 'data-df': 'evidence' },
      evidence.map((item) => evidenceCard(item, labels)))
    : el('p', { className: 'df-muted' }, w(labels, 'NO_EVIDENCE'));
  return panel(w(labels, 'EVIDENCE'), body, 'df-evidence');
}

export function fileBadge(type) {
  if (String(type).startsWith('video/')) {
    return 'VIDEO';
  }
  return String(type) === 'application/pdf' ? 'PDF' : 'FILE';
}

function evidenceCard(item, labels) {
  const preview = item.image
    ? el('img', { src: item.url, alt: item.fileName, loading: 'lazy', className: 'df-thumb' })
    : el('span', { className: 'df-thumb df-thumb-file' }, fileBadge(item.contentType));
  return el('li', { className: 'df-card' },
    el('a', { href: item.url, target: '_blank', rel: 'noopener', title: w(labels, 'OPEN') + ' ' + item.fileName,
      'data-df': 'evidence-link' }, preview),
    el('div', { className: 'df-card-name' }, item.fileName),
    el('div', { className: 'df-muted' }, labels.label('role', item.uploaderRole) + ' \u00b7 '
      + date(item.attachedAt || item.uploadedAt, locale(labels)) + ' \u00b7 ' + bytes(item.sizeBytes)),
    el('a', { href: item.url + '?download=true', className: 'df-download' },
      w(labels, 'DOWNLOAD')));
}

function timelinePanel(timeline, dispute, labels) {
  const { label, detail } = labels;
  const items = timeline.map((entry) => el('li', {},
    el('time', { datetime: entry.occurredAt }, dateTime(entry.occurredAt, locale(labels))),
    role(entry.actorRole, labels),
    el('span', { className: 'df-event' }, label('event', entry.eventType),
      entry.actor && entry.actorRole !== 'SYSTEM' ? ' (' + entry.actor + ')' : ''),
    entry.resolution ? el('span', { className: 'df-muted' }, ' \u00b7 '
      + label('resolution', entry.resolution)
      + (entry.amount ? ' ' + money(entry.amount, dispute.currency) : '')) : null,
    entry.detail ? el('div', { className: 'df-text df-detail' }, detail(entry.detail)) : null));
  return panel(w(labels, 'TIMELINE'), el('ol', { className: 'df-timeline', 'data-df': 'timeline' }, items),
    'df-timeline-panel');
}
