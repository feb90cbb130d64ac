import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument } from './fake-dom.js';
import { el } from '../assets/dom.js';
import { labelsFrom } from '../assets/labels.js';
import { renderCaseFile } from '../assets/casefile.js';
import { basisPickers, basisVariables, basisErrors, emptyBasis, prepareBasis, decisionPanel }
  from '../assets/panel-rules.js';

beforeEach(fakeDocument);

const SCRIPT = '<img src=x onerror=alert(1)>';
const RULES = [
  { id: 'INR_NO_DELIVERY_PROOF', title: 'Not received, no proof of delivery', text: 'Full refund.' },
  { id: 'DAMAGED_IN_TRANSIT', title: 'Damaged in transit', text: 'Photos show it.' },
  { id: 'CLAIM_UNSUPPORTED', title: 'Claim not supported', text: 'Rejected.' }
];
const EVIDENCE = [{ id: 12, fileName: 'box.png' }, { id: 13, fileName: SCRIPT }];

function click(box) {
  box.checked = !box.checked;
  box.dispatch('change', { target: box });
}

test('the mediator picks rules and evidence; they are sent in the order offered', () => {
  const basis = emptyBasis();
  const node = basisPickers(RULES, EVIDENCE, basis);
  const rule = (id) => node.querySelector('[data-rule="' + id + '"]');
  const file = (id) => node.querySelector('[data-evidence="' + id + '"]');
  assert.equal(node.querySelectorAll('[data-rule]').length, 3);
  assert.match(node.textContent, /Damaged in transit – Photos show it\./);

  click(rule('CLAIM_UNSUPPORTED'));
  click(rule('INR_NO_DELIVERY_PROOF'));
  click(rule('DAMAGED_IN_TRANSIT'));
  click(rule('CLAIM_UNSUPPORTED'));
  click(file('13'));
  click(file('12'));

  assert.deepEqual(basis, { rules: ['INR_NO_DELIVERY_PROOF', 'DAMAGED_IN_TRANSIT'],
    evidenceIds: [12, 13] });
  assert.deepEqual(basisVariables(basis, true), {
    decisionRules: { type: 'String', value: '["INR_NO_DELIVERY_PROOF","DAMAGED_IN_TRANSIT"]' },
    decisionEvidenceIds: { type: 'String', value: '[12,13]' }
  });
  // A file's name is text, never markup.
  assert.equal(node.querySelectorAll('img').length, 0);
  assert.ok(node.textContent.includes(SCRIPT));
});

test('a final decision needs a rule; a request for evidence sends none', () => {
  const errors = [];
  basisErrors(errors, emptyBasis(), true);
  assert.deepEqual(errors.map((e) => e.field), ['decisionRules']);
  const none = [];
  basisErrors(none, emptyBasis(), false);
  assert.deepEqual(none, []);
  assert.deepEqual(basisVariables({ rules: ['X'], evidenceIds: [] }, false), {});
  assert.deepEqual(Object.keys(basisVariables({ rules: ['X'], evidenceIds: [] }, true)),
    ['decisionRules']);
});

test('the pickers are filled from the catalogue in the page\'s language and the case file', async () => {
  const asked = [];
  const root = el('form', {}, el('div', { 'data-df': 'decision-basis' }));
  const form = { root, api: async (path) => { asked.push(path); return RULES; } };
  const context = { evidence: [] };
  await prepareBasis(form, context, 'de');
  assert.deepEqual(asked, ['/api/policy/rules?lang=de']);
  assert.deepEqual(context.basis, emptyBasis());
  assert.equal(root.querySelectorAll('[data-rule]').length, 3);
  assert.match(root.querySelector('[data-field="decisionEvidenceIds"]').textContent,
    /no evidence/);
});

test('the parties read each decision with its rules\' texts and the files relied on', () => {
  const labels = labelsFrom({ 'DecisionBasis.TITLE': 'What the decision rests on',
    'DecisionBasis.DISPUTE': 'Decision of the platform', 'DecisionBasis.APPEAL': 'Decision on the appeal',
    'PlatformDecision.PARTIAL_REFUND': 'Partial refund', 'AppealDecision.OVERTURN': 'Overturned' });
  const decisions = [
    { decisionId: 'D-1', stage: 'DISPUTE', decision: 'PARTIAL_REFUND',
      rules: [{ id: 'MINOR_DEFECT_PARTIAL', title: 'Minor defect', text: SCRIPT }],
      evidence: [{ evidenceId: 12, fileName: 'plug.png' }] },
    { decisionId: 'A-1', stage: 'APPEAL', decision: 'OVERTURN',
      rules: [{ id: 'APPEAL_NEW_EVIDENCE', title: 'Appeal with new evidence', text: 'Overturned.' }],
      evidence: [] }
  ];
  const node = decisionPanel(decisions, labels);
  const [first, second] = node.querySelectorAll('[data-df="decision"]');
  assert.match(first.textContent, /Decision of the platform: Partial refund/);
  assert.match(first.textContent, /Minor defect/);
  assert.ok(first.textContent.includes(SCRIPT));
  assert.equal(node.querySelectorAll('img').length, 0);
  assert.equal(first.querySelector('a').getAttribute('href'), '/api/evidence/12');
  assert.match(second.textContent, /Decision on the appeal: Overturned/);
  assert.match(second.textContent, /No evidence/);

  const root = el('form', {}, el('div', { 'data-df': 'casefile' }));
  renderCaseFile(root, { dispute: { disputeId: 'D-1', orderId: 'O', status: 'CLOSED',
    reason: 'DAMAGED', requestedResolution: 'FULL_REFUND', description: 'x' }, order: null,
  task: null, offers: [], evidence: [], timeline: [], decisions }, labels);
  assert.equal(root.querySelectorAll('[data-df="decision-rules"] li').length, 2);
});
