import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { STEPS } from '../assets/boot.js';
import { REASONS, PROBLEM_DETAILS, REQUESTED_RESOLUTIONS } from '../assets/claim.js';
import { appealable } from '../assets/steps-contact-appeal.js';

const forms = new URL('../', import.meta.url);
const bundles = new URL('../../src/main/resources/i18n/', import.meta.url);

function keys(file) {
  return new Set(readFileSync(new URL(file, bundles), 'utf8').split('\n')
    .filter((line) => /^[A-Z]/.test(line)).map((line) => line.split('=')[0]));
}

function sent(step, values, context) {
  return Object.keys(STEPS[step].submit(values, context || {}));
}

function problems(step, values, context) {
  return STEPS[step].validate(values, context || {}).map((e) => e.field);
}

test('every form names a step, and every step has a form', () => {
  const names = readdirSync(forms).filter((f) => f.endsWith('.html'))
    .map((f) => /<form [^>]*name="(\w+)"/.exec(readFileSync(new URL(f, forms), 'utf8'))[1]);
  assert.deepEqual(names.sort(), Object.keys(STEPS).sort());
});

test('every code a form offers has a label in every language', () => {
  const offered = [REASONS, PROBLEM_DETAILS, REQUESTED_RESOLUTIONS];
  readdirSync(forms).filter((f) => f.endsWith('.html')).forEach((f) => {
    const html = readFileSync(new URL(f, forms), 'utf8');
    offered.push(...[...html.matchAll(/data-codes="([^"]+)"/g)].map((m) => m[1]));
  });
  const wanted = offered.flatMap((codes) => {
    const [kind, list] = codes.split(':');
    return list.trim().split(/\s+/).map((code) => kind.trim() + '.' + code);
  });
  for (const bundle of ['labels.properties', 'labels_de.properties']) {
    const known = keys(bundle);
    assert.deepEqual(wanted.filter((key) => !known.has(key)), [], bundle);
  }
});

test('the seller\'s response sends only what the chosen answer needs', () => {
  const dispute = { orderAmount: '49.90' };
  assert.deepEqual(sent('RespondToDispute', { sellerResponse: 'ACCEPT', offerResolution: 'PARTIAL_REFUND',
    offerAmount: '20.00', sellerComment: '' }), ['sellerResponse']);
  assert.deepEqual(sent('RespondToDispute', { sellerResponse: 'COUNTER_OFFER',
    offerResolution: 'FULL_REFUND', offerAmount: '20.00' }), ['sellerResponse', 'offerResolution']);
  assert.deepEqual(problems('RespondToDispute', { sellerResponse: 'COUNTER_OFFER',
    offerResolution: 'PARTIAL_REFUND', offerAmount: '49.90' }, { dispute }), ['offerAmount']);
  assert.deepEqual(problems('RespondToDispute', { sellerResponse: 'REJECT', sellerComment: '' },
    { dispute }), ['sellerComment']);
});

test('the buyer\'s answer carries a claim only when revising it', () => {
  const claim = { reason: 'DAMAGED', itemReceived: 'false', description: 'x'.repeat(25),
    requestedResolution: 'REPLACEMENT' };
  assert.deepEqual(sent('ReviewSellerResponse', { buyerDecision: 'ESCALATE', ...claim }),
    ['buyerDecision']);
  assert.deepEqual(sent('ReviewSellerResponse', { buyerDecision: 'REVISE_CLAIM', ...claim }),
    ['buyerDecision', 'reason', 'itemReceived', 'description', 'requestedResolution']);
  assert.deepEqual(problems('ReviewSellerResponse', { buyerDecision: 'CANCEL', confirmCancel: false },
    { dispute: {} }), ['confirmCancel']);
});

test('the mediator\'s decision: an amount only for a partial refund, a request only for evidence', () => {
  const base = { decisionRationale: 'Photos show it.', decisionAmount: '10.00',
    evidenceRequestedFrom: 'BUYER', evidenceRequest: 'A photo.' };
  const basis = { basis: { rules: ['DAMAGED_IN_TRANSIT'], evidenceIds: [] } };
  assert.deepEqual(sent('DecideDispute', { ...base, platformDecision: 'FULL_REFUND' }, basis),
    ['platformDecision', 'decisionRationale', 'decisionRules']);
  assert.deepEqual(sent('DecideDispute', { ...base, platformDecision: 'PARTIAL_REFUND' }, basis),
    ['platformDecision', 'decisionRationale', 'decisionRules', 'decisionAmount']);
  assert.deepEqual(sent('DecideDispute', { ...base, platformDecision: 'REQUEST_EVIDENCE' }, basis),
    ['platformDecision', 'decisionRationale', 'evidenceRequestedFrom', 'evidenceRequest']);
  assert.deepEqual(problems('DecideDispute', { ...base, platformDecision: 'REJECT_CLAIM' },
    { dispute: {}, basis: { rules: [], evidenceIds: [] } }), ['decisionRules']);
  assert.deepEqual(problems('DecideDispute', { ...base, platformDecision: 'REQUEST_EVIDENCE' },
    { dispute: {}, basis: { rules: [], evidenceIds: [] } }), []);
  assert.deepEqual(problems('DecideDispute', { platformDecision: '' }, { dispute: {} }),
    ['platformDecision', 'decisionRationale']);
});

test('a settled contact opens no dispute and sends no claim', () => {
  const claim = { reason: 'DAMAGED', itemReceived: 'false', description: 'x'.repeat(25),
    requestedResolution: 'FULL_REFUND' };
  assert.deepEqual(STEPS.ConfirmIssueResolved.submit({ issueResolved: 'true', openDispute: 'true',
    ...claim }), { issueResolved: { type: 'Boolean', value: true },
    openDispute: { type: 'Boolean', value: false } });
  assert.deepEqual(sent('ConfirmIssueResolved', { issueResolved: 'false', openDispute: 'true',
    ...claim }), ['issueResolved', 'openDispute', 'reason', 'itemReceived', 'description',
    'requestedResolution']);
  assert.deepEqual(problems('ConfirmIssueResolved', { issueResolved: 'false', openDispute: 'true',
    ...claim, description: 'short' }), ['description']);
});

test('an overturn must change the outcome; an uphold sends no new one', () => {
  const dispute = { resolution: 'PARTIAL_REFUND', refundAmount: '20.00', orderAmount: '49.90' };
  const basis = { rules: ['APPEAL_NEW_EVIDENCE'], evidenceIds: [12] };
  assert.deepEqual(problems('ReviewAppeal', { appealDecision: 'OVERTURN', resolution: 'PARTIAL_REFUND',
    refundAmount: '20.00', appealRationale: 'Same.' }, { dispute, basis }), ['resolution']);
  assert.deepEqual(problems('ReviewAppeal', { appealDecision: 'OVERTURN', resolution: 'PARTIAL_REFUND',
    refundAmount: '30.00', appealRationale: 'More.' }, { dispute, basis }), []);
  assert.deepEqual(problems('ReviewAppeal', { appealDecision: 'UPHOLD', appealRationale: 'Right.' },
    { dispute, basis: { rules: [], evidenceIds: [] } }), ['decisionRules']);
  assert.deepEqual(sent('ReviewAppeal', { appealDecision: 'UPHOLD', resolution: 'FULL_REFUND',
    refundAmount: '30.00', appealRationale: 'Right.' }, { basis }),
  ['appealDecision', 'appealRationale', 'decisionRules', 'decisionEvidenceIds']);
  assert.deepEqual(sent('ReviewAppeal', { appealDecision: 'OVERTURN', resolution: 'FULL_REFUND',
    refundAmount: '30.00', appealRationale: 'Wrong.' }, { basis }),
  ['appealDecision', 'appealRationale', 'decisionRules', 'decisionEvidenceIds', 'resolution']);
});

test('only decided disputes not appealed yet can be appealed', () => {
  const disputes = [
    { disputeId: 'D-1', status: 'CLOSED', closureReason: 'PLATFORM_DECISION' },
    { disputeId: 'D-2', status: 'CLOSED', closureReason: 'CANCELLED_BY_BUYER' },
    { disputeId: 'D-3', status: 'CLOSED', closureReason: 'INELIGIBLE' },
    { disputeId: 'D-4', status: 'CLOSED', closureReason: 'AGREEMENT', appealId: 'A-1' },
    { disputeId: 'D-5', status: 'IN_MEDIATION' }
  ];
  assert.deepEqual(appealable(disputes).map((d) => d.disputeId), ['D-1']);
});

test('the other steps send exactly their one or two answers', () => {
  assert.deepEqual(sent('ContactSeller', { orderId: 'ORD-1', buyerMessage: 'Hi', extra: 'x' }),
    ['orderId', 'buyerMessage']);
  assert.deepEqual(sent('ReplyToBuyer', { sellerMessage: 'Hello' }), ['sellerMessage']);
  assert.deepEqual(sent('ProvideEvidence', { evidenceNote: 'Attached.' }), ['evidenceNote']);
  assert.deepEqual(sent('ShipReturn', { returnTrackingNumber: 'RR123456789DE' }),
    ['returnTrackingNumber']);
  assert.deepEqual(sent('ConfirmReturnReceived', { confirmReceived: true }), []);
  assert.deepEqual(problems('ConfirmReturnReceived', { confirmReceived: false }), ['confirmReceived']);
  assert.deepEqual(sent('AppealDispute', { disputeId: 'D-1', appealStatement: 'x'.repeat(30) }),
    ['disputeId', 'appealStatement']);
  assert.deepEqual(sent('OpenDispute', { orderId: 'ORD-1', reason: 'DAMAGED', itemReceived: 'false',
    description: 'x'.repeat(25), requestedResolution: 'FULL_REFUND', requestedAmount: '5.00' }),
  ['orderId', 'reason', 'itemReceived', 'description', 'requestedResolution']);
});
