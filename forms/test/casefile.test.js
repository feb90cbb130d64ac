import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument } from './fake-dom.js';
import { el } from '../assets/dom.js';
import { renderCaseFile, deadlineBanner } from '../assets/casefile.js';
import { labelsFrom } from '../assets/labels.js';
import { readFileSync } from 'node:fs';

beforeEach(fakeDocument);

/** The case file's fixed words of one bundle of the service (CaseFile.*). */
function caseFileWords(file) {
  const text = readFileSync(new URL('../../src/main/resources/i18n/' + file, import.meta.url),
    'utf8');
  return Object.fromEntries(text.split('\n').filter((line) => line.startsWith('CaseFile.'))
    .map((line) => [line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)]));
}

const labels = labelsFrom({ ...caseFileWords('labels.properties'), 'Reason.DAMAGED': 'Item arrived damaged', 'Party.BUYER': 'Buyer',
  'TimelineEvent.OPENED': 'Dispute opened', 'DisputeStatus.AWAITING_SELLER': 'Seller to respond' });
const SCRIPT = '<script>window.injected = true</script> size 40, not 42';

function context() {
  return {
    dispute: { disputeId: 'D-1', orderId: 'ORD-1', status: 'AWAITING_SELLER', orderAmount: '49.9',
      currency: 'USD', buyerId: 'buyer1', sellerId: 'seller1', reason: 'DAMAGED',
      itemReceived: true, requestedResolution: 'PARTIAL_REFUND', requestedAmount: '20',
      description: SCRIPT },
    order: null, task: null, offers: [], evidence: [],
    timeline: [{ occurredAt: '2026-03-01T10:00:00Z', actor: 'buyer1', actorRole: 'BUYER',
      eventType: 'OPENED', detail: SCRIPT }]
  };
}

test('the case file shows the claim in words and what people wrote as text', () => {
  const root = el('form', {}, el('div', { 'data-df': 'casefile' }));
  renderCaseFile(root, context(), labels);
  assert.equal(root.querySelector('[data-df="description"]').textContent, SCRIPT);
  assert.equal(root.querySelectorAll('script').length, 0);
  assert.match(root.querySelector('.df-claim').textContent, /Item arrived damaged/);
  assert.match(root.querySelector('.df-claim').textContent, /Partial refund of 20.00 USD/);
  assert.match(root.querySelector('.df-order').textContent, /49.90 USD/);
  assert.match(root.querySelector('[data-df="timeline"]').textContent, /Dispute opened \(buyer1\)/);
  assert.match(root.querySelector('.df-heading').textContent, /Seller to respond/);
  assert.match(root.querySelector('.df-evidence').textContent, /No evidence yet/);
});

test('a German reader gets the case file in German, every fixed word from the bundle', () => {
  const german = caseFileWords('labels_de.properties');
  const english = caseFileWords('labels.properties');
  assert.deepEqual(Object.keys(german).sort(), Object.keys(english).sort());
  const root = el('form', {}, el('div', { 'data-df': 'casefile' }));
  renderCaseFile(root, context(), labelsFrom(german));
  assert.match(root.querySelector('.df-claim').textContent, /^Anliegen des Käufers/);
  assert.match(root.querySelector('.df-claim').textContent, /Artikel erhaltenJa/);
  assert.match(root.querySelector('.df-claim').textContent, / über 20.00 USD/);
  assert.match(root.querySelector('.df-heading').textContent, /^Streitfall D-1/);
  assert.match(root.querySelector('.df-evidence').textContent, /Noch keine Nachweise/);
  assert.match(root.querySelector('.df-timeline-panel').textContent, /^Verlauf/);
  assert.doesNotMatch(root.textContent, /Buyer's claim|Deadline|Timeline|No evidence| days? ago/);
});

test('the mediator reads why a party escalated, their words as text', () => {
  const root = el('form', {}, el('div', { 'data-df': 'casefile' }));
  const escalated = context();
  Object.assign(escalated.dispute, { status: 'IN_MEDIATION', escalationReason: 'BUYER_REQUESTED',
    escalationRequestReason: 'UNFAIR_REJECTION', escalationComment: SCRIPT });
  renderCaseFile(root, escalated, labelsFrom({
    'EscalationRequestReason.UNFAIR_REJECTION': 'The claim was rejected unfairly' }));
  const claim = root.querySelector('.df-claim').textContent;
  assert.match(claim, /The claim was rejected unfairly/);
  assert.ok(claim.includes(SCRIPT));
  assert.equal(root.querySelectorAll('script').length, 0);
});

test('the deadline shows the time left and is marked once passed', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const passed = deadlineBanner('Dispute D-1', 'x', '2026-03-10T10:00:00Z', true, now);
  assert.ok(passed.classList.contains('df-overdue'));
  assert.equal(passed.querySelector('[data-df="time-left"]').textContent,
    'overdue by 2 hours 0 minutes');
  const none = deadlineBanner('Dispute D-1', 'x', null, true, now);
  assert.equal(none.getAttribute('data-df'), null);
});
