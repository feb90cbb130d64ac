/*
 * A party's list of disputes on the page My disputes (/disputes/): each open dispute and each
 * closed one that can still be appealed, with its status, whose move it is and the time left to
 * whoever has to act. The page speaks the user's language: its own words are the bundle's
 * Page.* labels, codes are worded by the same bundle as in the forms.
 */
import { el } from './dom.js';
import { date, timeLeft, deadlineLevel } from './format.js';

/**
 * The page's words in the user's language: text('LEFT', '3 days') fills {0}; time words the
 * countdown (units from the browser's Intl in that language, the rest from the bundle).
 */
export function pageWords(labels, lang) {
  const text = (code, ...values) => values.reduce(
    (words, value, i) => words.replace('{' + i + '}', value), labels.label('Page', code));
  const time = {
    unit: (count, unit) => new Intl.NumberFormat(lang,
      { style: 'unit', unit, unitDisplay: 'long' }).format(count),
    left: (words) => text('LEFT', words),
    overdue: (words) => text('OVERDUE', words)
  };
  return { text, time, lang };
}

/** Still running: not closed and not refused at the start. */
export function isOpen(dispute) {
  return !dispute.closedAt && dispute.status !== 'INELIGIBLE';
}

/** Whether a closed dispute can be appealed at this moment (the server names until when). */
export function appealableNow(dispute, now = Date.now()) {
  return Boolean(dispute.appealableUntil) && new Date(dispute.appealableUntil).getTime() > now;
}

/** The disputes the page lists: open ones, and closed ones that can still be appealed. */
export function listed(disputes, now = Date.now()) {
  return disputes.filter((d) => isOpen(d) || appealableNow(d, now));
}

/** BUYER or SELLER: the caller's side of the dispute; null for anyone else. */
export function sideOf(dispute, userId) {
  if (dispute.buyerId === userId) {
    return 'BUYER';
  }
  return dispute.sellerId === userId ? 'SELLER' : null;
}

/** "You", "Seller", "Platform", or "Nobody" once nobody has anything to do. */
export function whoseMove(dispute, userId, labels, words) {
  if (!dispute.awaiting) {
    return words.text('NOBODY');
  }
  return dispute.awaiting === sideOf(dispute, userId) ? words.text('YOU')
    : labels.label('role', dispute.awaiting);
}

/** The countdown of whoever has to act, or until when an appeal is possible. */
export function countdown(dispute, words, now = Date.now()) {
  if (isOpen(dispute)) {
    return dispute.dueAt ? timeLeft(dispute.dueAt, now, words.time) : '\u2014';
  }
  return appealableNow(dispute, now)
    ? words.text('APPEAL_UNTIL', date(dispute.appealableUntil, words.lang)) : '\u2014';
}

/** The list as a table; each dispute links to its case file (#D-…). */
export function disputeTable(disputes, me, labels, words, now = Date.now()) {
  const rows = listed(disputes, now);
  if (rows.length === 0) {
    return el('p', { className: 'df-muted', 'data-dm': 'none' }, words.text('NONE'));
  }
  const head = ['DISPUTE', 'ORDER', 'CLAIM', 'STATUS', 'WHOSE_MOVE', 'TIME_LEFT']
    .map((code) => el('th', {}, words.text(code)));
  return el('table', { className: 'table dm-list', 'data-dm': 'list' },
    el('thead', {}, el('tr', {}, head)),
    el('tbody', {}, rows.map((d) => {
      const mine = d.awaiting && d.awaiting === sideOf(d, me.userId);
      return el('tr', { 'data-dispute': d.disputeId },
        el('td', {}, el('a', { href: '#' + encodeURIComponent(d.disputeId) }, d.disputeId)),
        el('td', {}, d.orderId),
        el('td', {}, labels.label('reason', d.reason)),
        el('td', {}, labels.label('status', d.status)),
        el('td', { className: mine ? 'dm-you' : '', 'data-dm': 'whose-move' },
          whoseMove(d, me.userId, labels, words)),
        el('td', { className: isOpen(d) && d.dueAt ? deadlineLevel(d.dueAt, now) : '',
          'data-dm': 'time-left', 'data-due': isOpen(d) && d.dueAt }, countdown(d, words, now)));
    })));
}
