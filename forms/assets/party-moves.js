/*
 * What a party can do on an opened dispute of the page My disputes: the moves the policy allows
 * now (escalate, cancel for the buyer, appeal a closed dispute) and the conversation. The page
 * offers a move only when it applies; the server still decides, and its refusal (the problem's
 * detail) is shown next to the move. Everything people wrote is shown as text.
 */
import { el, panel } from './dom.js';
import { at } from './api.js';
import { dateTime } from './format.js';

/** While buyer and seller settle it between themselves: the moves to the platform apply. */
export const BETWEEN_PARTIES = ['OPEN', 'AWAITING_SELLER', 'AWAITING_BUYER'];

/** Why a party asks the platform to decide (the escalate call's "reason"). */
export const ESCALATION_REASONS = ['SELLER_UNRESPONSIVE', 'UNFAIR_REJECTION',
  'UNREASONABLE_OFFER', 'STUCK'];

/** Tasklist, where an appeal is started. */
export const TASKLIST = '/camunda/app/tasklist/default/';

/** The moves open to this side now; appealable: whether the list says it can be appealed. */
export function movesFor(dispute, side, appealable) {
  const between = !dispute.closedAt && BETWEEN_PARTIES.includes(dispute.status);
  return {
    escalate: Boolean(side) && between,
    cancel: side === 'BUYER' && between,
    message: Boolean(side) && !dispute.closedAt,
    appeal: Boolean(side) && Boolean(dispute.closedAt) && appealable
  };
}

/** A seller does not tell the platform that the seller does not answer. */
export function escalationReasons(side) {
  return side === 'SELLER'
    ? ESCALATION_REASONS.filter((reason) => reason !== 'SELLER_UNRESPONSIVE')
    : ESCALATION_REASONS;
}

/** The escalate call's body; null when no reason is chosen. */
export function escalation(reason, comment) {
  if (!reason) {
    return null;
  }
  const trimmed = (comment || '').trim();
  return trimmed ? { reason, comment: trimmed } : { reason };
}

/** The appeal's start form in Tasklist, with the dispute filled in. */
export function appealLink(disputeId) {
  return TASKLIST + '#/?processStart=appealTicket&disputeId=' + encodeURIComponent(disputeId);
}

/** The MESSAGE entries of a dispute's timeline, oldest first, as {author, role, text, time}. */
export function messagesOf(timeline) {
  return (timeline || []).filter((entry) => (entry.type || entry.eventType) === 'MESSAGE')
    .map((entry) => ({
      author: entry.author || entry.actor,
      role: entry.role || entry.actorRole,
      text: entry.text !== undefined ? entry.text : entry.detail,
      time: entry.time || entry.occurredAt
    }));
}

function post(api, dispute, move, body) {
  return api(at('/api/disputes', dispute.disputeId) + '/' + move, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
}

/** A move's outcome line: the server's refusal, or what was done. */
function say(node, message, failed) {
  node.hidden = !message;
  node.className = failed ? 'alert alert-danger' : 'alert alert-success';
  node.textContent = message || '';
}

/**
 * Sends a move; on success reloads the dispute, saying what was done, on refusal shows the server's words
 * (notFound: what a 404 means for this move, when it is not the server's own words).
 */
async function send(ctx, outcome, request, done, notFound) {
  const { words } = ctx;
  say(outcome, null);
  try {
    await request();
    say(outcome, done, false);
    ctx.reload(done);
  } catch (error) {
    say(outcome, error.status === 404 && notFound ? notFound
      : words.text('REFUSED', error.message), true);
  }
}

function escalateForm(ctx) {
  const { dispute, side, labels, words, api } = ctx;
  const outcome = el('div', { 'data-dm': 'escalate-outcome', hidden: true, role: 'alert' });
  const reason = el('select', { className: 'form-control', name: 'escalationReason',
    id: 'dm-reason' }, el('option', { value: '' }, words.text('CHOOSE')),
  escalationReasons(side).map((code) => el('option', { value: code },
    labels.label('EscalationRequestReason', code))));
  const comment = el('textarea', { className: 'form-control', name: 'escalationComment',
    id: 'dm-comment', rows: 3, maxlength: 2000 });
  return el('form', { className: 'df-action dm-move', 'data-dm': 'escalate',
    onsubmit: (event) => {
      event.preventDefault();
      const body = escalation(reason.value, comment.value);
      if (!body) {
        say(outcome, words.text('CHOOSE_REASON'), true);
        return;
      }
      send(ctx, outcome, () => post(api, dispute, 'escalate', body), words.text('ESCALATED'));
    } },
  el('legend', {}, words.text('ESCALATE')),
  el('p', { className: 'df-muted' }, words.text('ESCALATE_HINT')),
  el('div', { className: 'form-group' },
    el('label', { className: 'control-label', for: 'dm-reason' }, words.text('REASON')), reason),
  el('div', { className: 'form-group' },
    el('label', { className: 'control-label', for: 'dm-comment' }, words.text('COMMENT')), comment),
  el('button', { type: 'submit', className: 'btn btn-primary' }, words.text('ESCALATE_SEND')),
  outcome);
}

function cancelForm(ctx) {
  const { dispute, words, api } = ctx;
  const outcome = el('div', { 'data-dm': 'cancel-outcome', hidden: true, role: 'alert' });
  const confirm = el('input', { type: 'checkbox', name: 'confirmCancel', id: 'dm-confirm' });
  return el('form', { className: 'df-action dm-move', 'data-dm': 'cancel',
    onsubmit: (event) => {
      event.preventDefault();
      if (!confirm.checked) {
        say(outcome, words.text('CONFIRM_FIRST'), true);
        return;
      }
      send(ctx, outcome, () => post(api, dispute, 'cancel'), words.text('CANCELLED'));
    } },
  el('legend', {}, words.text('CANCEL')),
  el('p', { className: 'alert alert-warning', 'data-dm': 'cancel-warning' },
    words.text('CANCEL_WARNING')),
  el('div', { className: 'checkbox' }, el('label', { for: 'dm-confirm' }, confirm, ' ',
    words.text('CANCEL_CONFIRM'))),
  el('button', { type: 'submit', className: 'btn btn-danger' }, words.text('CANCEL_SEND')),
  outcome);
}

function appealPanel(ctx) {
  const { dispute, words } = ctx;
  return el('div', { className: 'df-action dm-move', 'data-dm': 'appeal' },
    el('h4', {}, words.text('APPEAL')),
    el('p', { className: 'df-muted' }, words.text('APPEAL_HINT')),
    el('a', { className: 'btn btn-primary', href: appealLink(dispute.disputeId),
      'data-dm': 'appeal-link' }, words.text('APPEAL_LINK')));
}

/**
 * The moves open now, each with its refusal slot. ctx: {dispute, side, appealable, labels,
 * words, api, reload(notice)}.
 */
export function movesPanel(ctx) {
  const moves = movesFor(ctx.dispute, ctx.side, ctx.appealable);
  const body = [];
  if (moves.escalate) {
    body.push(escalateForm(ctx));
  }
  if (moves.cancel) {
    body.push(cancelForm(ctx));
  }
  if (moves.appeal) {
    body.push(appealPanel(ctx));
  }
  if (body.length === 0) {
    body.push(el('p', { className: 'df-muted' }, ctx.words.text('NO_MOVES')));
  }
  return panel(ctx.words.text('MOVES'), body, 'dm-moves');
}

/**
 * The conversation: every message of the timeline, and a box to write one while the dispute is
 * open, with a place for files ([data-df=uploads]; ctx.evidenceIds() names those uploaded).
 */
export function conversationPanel(ctx, timeline) {
  const { dispute, side, labels, words, api } = ctx;
  const messages = messagesOf(timeline);
  const list = messages.length
    ? el('ol', { className: 'df-timeline', 'data-dm': 'messages' }, messages.map((m) =>
      el('li', {},
        el('time', { datetime: m.time }, dateTime(m.time, words.lang)),
        el('span', { className: 'df-role df-role-' + String(m.role).toLowerCase() },
          labels.label('role', m.role)),
        el('span', { className: 'df-event' }, m.author),
        el('div', { className: 'df-text df-detail' }, m.text))))
    : el('p', { className: 'df-muted', 'data-dm': 'messages' }, words.text('NO_MESSAGES'));
  const body = [list];
  if (movesFor(dispute, side, false).message) {
    const outcome = el('div', { 'data-dm': 'message-outcome', hidden: true, role: 'alert' });
    const text = el('textarea', { className: 'form-control', name: 'message', id: 'dm-message',
      rows: 3, maxlength: 2000 });
    body.push(el('form', { className: 'dm-message-form', 'data-dm': 'message',
      onsubmit: (event) => {
        event.preventDefault();
        const message = text.value.trim();
        if (!message) {
          say(outcome, words.text('EMPTY_MESSAGE'), true);
          return;
        }
        const ids = ctx.evidenceIds ? ctx.evidenceIds() : '';
        send(ctx, outcome, () => post(api, dispute, 'messages',
          { message, evidenceIds: ids ? ids.split(',') : [] }), null,
        words.text('MESSAGES_UNAVAILABLE'));
      } },
    el('label', { className: 'control-label', for: 'dm-message' }, words.text('MESSAGE')), text,
    el('div', { 'data-df': 'uploads' }),
    el('button', { type: 'submit', className: 'btn btn-default' }, words.text('SEND')), outcome));
  }
  return panel(words.text('CONVERSATION'), body, 'dm-conversation');
}
