import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument } from './fake-dom.js';
import { el } from '../assets/dom.js';
import { labelsFrom } from '../assets/labels.js';
import { DAY } from '../assets/format.js';
import { pageWords, listed, whoseMove, countdown, disputeTable, sideOf }
  from '../assets/party-list.js';
import { movesFor, escalationReasons, escalation, appealLink, messagesOf, movesPanel,
  conversationPanel } from '../assets/party-moves.js';
import { chosenDispute, tick } from '../assets/party-page.js';
import { namedDispute } from '../assets/steps-contact-appeal.js';

beforeEach(fakeDocument);

const NOW = Date.parse('2026-03-10T12:00:00Z');
const SCRIPT = '<img src=x onerror="window.injected = true"> see the photo';
const english = labelsFrom({ 'Party.SELLER': 'Seller', 'Party.BUYER': 'Buyer',
  'Page.YOU': 'You', 'Page.NOBODY': 'Nobody', 'Page.LEFT': '{0} left',
  'Page.OVERDUE': 'overdue by {0}', 'Page.APPEAL_UNTIL': 'Appeal possible until {0}',
  'Page.REFUSED': 'Refused: {0}', 'Page.CONFIRM_FIRST': 'Tick the box to confirm first.',
  'Page.MESSAGES_UNAVAILABLE': 'Messages are not available for this dispute yet.',
  'DisputeStatus.AWAITING_SELLER': 'Seller to respond' });
const german = labelsFrom({ 'Page.YOU': 'Sie', 'Page.LEFT': 'noch {0}',
  'Page.DISPUTE': 'Streitfall', 'DisputeStatus.AWAITING_SELLER': 'Verkäufer muss antworten' });

function dispute(changes) {
  return Object.assign({ disputeId: 'D-1', orderId: 'ORD-1', buyerId: 'buyer1',
    sellerId: 'seller1', status: 'AWAITING_SELLER', awaiting: 'SELLER', reason: 'DAMAGED',
    dueAt: new Date(NOW + 3 * DAY + 4 * 3600000).toISOString() }, changes);
}

const closedAppealable = dispute({ disputeId: 'D-2', status: 'CLOSED', awaiting: null, dueAt: null,
  closedAt: '2026-03-01T10:00:00Z', appealableUntil: '2026-03-31T10:00:00Z' });
const closedForGood = dispute({ disputeId: 'D-3', status: 'CLOSED', awaiting: null, dueAt: null,
  closedAt: '2026-01-01T10:00:00Z' });
const refused = dispute({ disputeId: 'D-4', status: 'INELIGIBLE', awaiting: null, dueAt: null,
  closedAt: '2026-03-01T10:00:00Z' });

test('the list holds open disputes and closed ones that can still be appealed', () => {
  const all = [dispute(), closedAppealable, closedForGood, refused];
  assert.deepEqual(listed(all, NOW).map((d) => d.disputeId), ['D-1', 'D-2']);
  assert.deepEqual(listed(all, Date.parse('2026-04-01T00:00:00Z')).map((d) => d.disputeId),
    ['D-1'], 'the appeal window is over');
});

test('whose move it is, from the caller\'s side, and the countdown of whoever has to act', () => {
  const words = pageWords(english, 'en');
  assert.equal(sideOf(dispute(), 'seller1'), 'SELLER');
  assert.equal(sideOf(dispute(), 'buyer2'), null);
  assert.equal(whoseMove(dispute(), 'buyer1', english, words), 'Seller');
  assert.equal(whoseMove(dispute(), 'seller1', english, words), 'You');
  assert.equal(whoseMove(closedAppealable, 'seller1', english, words), 'Nobody');
  assert.equal(countdown(dispute(), words, NOW), '3 days 4 hours left');
  assert.equal(countdown(dispute({ dueAt: new Date(NOW - 2 * 3600000).toISOString() }), words,
    NOW), 'overdue by 2 hours 0 minutes');
  assert.match(countdown(closedAppealable, words, NOW), /^Appeal possible until .*2026/);
  assert.equal(countdown(closedForGood, words, NOW), '\u2014');
});

test('a German reader gets the page, the codes and the countdown in German', () => {
  const words = pageWords(german, 'de');
  assert.equal(countdown(dispute(), words, NOW), 'noch 3 Tage 4 Stunden');
  const table = disputeTable([dispute()], { userId: 'seller1' }, german, words, NOW);
  assert.equal(table.querySelector('th').textContent, 'Streitfall');
  assert.match(table.textContent, /Verkäufer muss antworten/);
  assert.equal(table.querySelector('[data-dm="whose-move"]').textContent, 'Sie');
});

test('the table is text, links each dispute, and says so when there is nothing', () => {
  const words = pageWords(english, 'en');
  const table = disputeTable([dispute({ disputeId: SCRIPT })], { userId: 'buyer1' }, english,
    words, NOW);
  assert.equal(table.querySelectorAll('img').length, 0);
  assert.equal(table.querySelector('a').getAttribute('href'), '#' + encodeURIComponent(SCRIPT));
  assert.equal(disputeTable([closedForGood], { userId: 'buyer1' }, english, words, NOW)
    .getAttribute('data-dm'), 'none');
});

test('the moves open now: to the platform between the parties, cancel for the buyer only', () => {
  assert.deepEqual(movesFor(dispute(), 'BUYER', false),
    { escalate: true, cancel: true, message: true, appeal: false });
  assert.deepEqual(movesFor(dispute(), 'SELLER', false),
    { escalate: true, cancel: false, message: true, appeal: false });
  assert.deepEqual(movesFor(dispute({ status: 'IN_MEDIATION', awaiting: 'PLATFORM' }), 'BUYER',
    false), { escalate: false, cancel: false, message: true, appeal: false });
  assert.deepEqual(movesFor(closedAppealable, 'SELLER', true),
    { escalate: false, cancel: false, message: false, appeal: true });
  assert.deepEqual(movesFor(dispute(), null, false),
    { escalate: false, cancel: false, message: false, appeal: false });
  assert.ok(!escalationReasons('SELLER').includes('SELLER_UNRESPONSIVE'));
  assert.equal(escalationReasons('BUYER').length, 4);
  assert.equal(escalation('', 'x'), null);
  assert.deepEqual(escalation('STUCK', '  '), { reason: 'STUCK' });
  assert.deepEqual(escalation('STUCK', ' no answer since May '),
    { reason: 'STUCK', comment: 'no answer since May' });
});

test('the appeal link opens the appeal in Tasklist with the dispute filled in', () => {
  const link = appealLink('D-7 x');
  assert.equal(link, '/camunda/app/tasklist/default/#/?processStart=appealTicket&disputeId=D-7%20x');
  assert.equal(namedDispute(link.split('#')[1] && '#' + link.split('#')[1]), 'D-7 x');
  assert.equal(namedDispute('#/?processStart=appealTicket'), null);
  assert.equal(namedDispute(''), null);
  assert.equal(chosenDispute('#D-1'), 'D-1');
  assert.equal(chosenDispute('#'), null);
});

test('messages come from the timeline, in either shape, and stay text', () => {
  const timeline = [
    { eventType: 'OPENED', actor: 'buyer1', actorRole: 'BUYER', occurredAt: '2026-03-01T10:00:00Z' },
    { type: 'MESSAGE', author: 'seller1', role: 'SELLER', text: SCRIPT, time: '2026-03-02T10:00:00Z' },
    { eventType: 'MESSAGE', actor: 'buyer1', actorRole: 'BUYER', detail: 'Thanks',
      occurredAt: '2026-03-03T10:00:00Z' }];
  assert.deepEqual(messagesOf(timeline).map((m) => [m.author, m.role, m.text]),
    [['seller1', 'SELLER', SCRIPT], ['buyer1', 'BUYER', 'Thanks']]);
  const words = pageWords(english, 'en');
  const shown = conversationPanel({ dispute: dispute(), side: 'BUYER', labels: english, words },
    timeline);
  assert.equal(shown.querySelectorAll('img').length, 0);
  assert.match(shown.querySelector('[data-dm="messages"]').textContent, /onerror/);
});

/** The service's API as the page calls it, answering with status (and detail on refusal). */
function fakeApi(status, detail) {
  const calls = [];
  const api = async (path, init) => {
    calls.push({ path, init });
    if (status >= 400) {
      throw Object.assign(new Error(detail), { status });
    }
    return null;
  };
  return { api, calls };
}

function submit(form) {
  form.dispatch('submit', { preventDefault() {} });
  return new Promise((resolve) => setImmediate(resolve));
}

test('escalating sends the reason and comment; the server\'s refusal is shown', async () => {
  const { api, calls } = fakeApi(409, 'This move is possible only while the dispute is between '
    + 'buyer and seller');
  let reloaded = 0;
  const panel = movesPanel({ dispute: dispute(), side: 'BUYER', appealable: false,
    labels: english, words: pageWords(english, 'en'), api, reload: () => { reloaded++; } });
  const form = panel.querySelector('[data-dm="escalate"]');
  form.querySelector('select').value = 'SELLER_UNRESPONSIVE';
  form.querySelector('textarea').value = 'No answer for a week.';
  await submit(form);
  assert.equal(calls[0].path, '/api/disputes/D-1/escalate');
  assert.deepEqual(JSON.parse(calls[0].init.body),
    { reason: 'SELLER_UNRESPONSIVE', comment: 'No answer for a week.' });
  const outcome = form.querySelector('[data-dm="escalate-outcome"]');
  assert.equal(outcome.textContent, 'Refused: This move is possible only while the dispute is '
    + 'between buyer and seller');
  assert.equal(outcome.hidden, false);
  assert.equal(reloaded, 0);
});

test('cancelling needs the confirmation first, then sends and reloads', async () => {
  const { api, calls } = fakeApi(202);
  let reloaded = 0;
  const panel = movesPanel({ dispute: dispute(), side: 'BUYER', appealable: false,
    labels: english, words: pageWords(english, 'en'), api, reload: () => { reloaded++; } });
  const form = panel.querySelector('[data-dm="cancel"]');
  await submit(form);
  assert.equal(calls.length, 0);
  assert.equal(form.querySelector('[data-dm="cancel-outcome"]').textContent,
    'Tick the box to confirm first.');
  form.querySelector('[name="confirmCancel"]').checked = true;
  await submit(form);
  assert.deepEqual(calls.map((c) => [c.path, c.init.method]), [['/api/disputes/D-1/cancel', 'POST']]);
  assert.equal(reloaded, 1, 'the dispute is shown again, saying it is cancelled');
});

test('a message goes with its files; where messages do not exist yet, the page says so', async () => {
  const { api, calls } = fakeApi(404, 'Not Found');
  const ctx = { dispute: dispute(), side: 'SELLER', labels: english,
    words: pageWords(english, 'en'), api, reload: () => {}, evidenceIds: () => 'e1,e2' };
  const form = conversationPanel(ctx, []).querySelector('[data-dm="message"]');
  form.querySelector('textarea').value = '  Can you send a photo?  ';
  await submit(form);
  assert.deepEqual(JSON.parse(calls[0].init.body),
    { message: 'Can you send a photo?', evidenceIds: ['e1', 'e2'] });
  assert.equal(form.querySelector('[data-dm="message-outcome"]').textContent,
    'Messages are not available for this dispute yet.');
});

test('the countdowns follow the clock', () => {
  const words = pageWords(english, 'en');
  const root = el('div', {}, disputeTable([dispute()], { userId: 'buyer1' }, english, words, NOW));
  tick(root, words, NOW + DAY);
  assert.equal(root.querySelector('[data-dm="time-left"]').textContent, '2 days 4 hours left');
});
