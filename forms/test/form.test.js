import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument } from './fake-dom.js';
import { el } from '../assets/dom.js';
import { shown, refusalErrors, keepFetched, DisputeForm } from '../assets/form.js';
import { STEPS } from '../assets/boot.js';
import { labelsFrom } from '../assets/labels.js';

beforeEach(fakeDocument);

test('data-show-when: every condition must hold, each with one of its values', () => {
  assert.ok(shown('platformDecision=PARTIAL_REFUND', { platformDecision: 'PARTIAL_REFUND' }));
  assert.ok(!shown('platformDecision=PARTIAL_REFUND', {}));
  assert.ok(shown('buyerDecision=ESCALATE|REVISE_CLAIM', { buyerDecision: 'REVISE_CLAIM' }));
  assert.ok(!shown('issueResolved=false;openDispute=true', { issueResolved: 'false' }));
  assert.ok(shown('issueResolved=false; openDispute=true',
    { issueResolved: 'false', openDispute: 'true' }));
});

test('the engine\'s refusal lands at the fields it names', () => {
  const fields = ['offerResolution', 'offerAmount', 'sellerComment'];
  assert.deepEqual(refusalErrors('Invalid answer: offerAmount must be below 49.90; '
    + 'sellerComment is required', fields), [
    { field: 'offerAmount', message: 'must be below 49.90' },
    { field: 'sellerComment', message: 'is required' }]);
  assert.deepEqual(refusalErrors('Task is already completed', fields),
    [{ field: null, message: 'Task is already completed' }]);
});

test('variables fetched to show the case file are marked unchanged, the answers are not', () => {
  const variables = {
    disputeId: { value: 'D-1', originalValue: undefined },
    sellerResponse: { value: 'ACCEPT', originalValue: undefined },
    evidenceIds: { value: '7', originalValue: undefined }
  };
  keepFetched(variables, ['sellerResponse']);
  assert.equal(variables.disputeId.originalValue, 'D-1');
  assert.equal(variables.disputeId.defaultValue, 'D-1');
  assert.equal(variables.sellerResponse.originalValue, undefined);
  assert.equal(variables.evidenceIds.originalValue, undefined);
});

/** A camForm as Tasklist hands it to the form's script, with its variable manager. */
function camForm(root, variables) {
  const manager = {
    variables,
    variable: (name) => manager.variables[name],
    createVariable: (variable) => { manager.variables[variable.name] = variable; }
  };
  return { formElement: [root], variableManager: manager, on() {} };
}

function shipReturnForm() {
  const input = el('input', { name: 'returnTrackingNumber' });
  const root = el('form', { name: 'ShipReturn' },
    el('div', { className: 'form-group', 'data-field': 'returnTrackingNumber' },
      el('label', { className: 'control-label' }, 'Tracking number'), input),
    el('div', { 'data-df': 'errors', hidden: true }));
  return { root, input };
}

test('a complete answer hands Tasklist the step\'s answers only, with the files as transient ids', () => {
  const { root, input } = shipReturnForm();
  const variables = { disputeId: { name: 'disputeId', value: 'D-1' } };
  const form = new DisputeForm(camForm(root, variables), STEPS.ShipReturn, labelsFrom({}), null);
  assert.equal(form.submit(), false, 'nothing is sent before the case file is loaded');
  root.classList.add('df-ready');
  input.value = ' RR123456789DE ';
  form.uploads = { busy: () => false, evidenceIds: () => '5,6' };
  root.appendChild(el('div', { 'data-df': 'uploads' }));
  assert.equal(form.submit(), true);
  assert.deepEqual(variables.returnTrackingNumber, { name: 'returnTrackingNumber', type: 'String',
    value: 'RR123456789DE', valueInfo: {}, isDirty: true });
  assert.equal(variables.disputeId.originalValue, 'D-1', 'the fetched id is not sent');
  assert.deepEqual(variables.evidenceIds.valueInfo, { transient: true });
  assert.equal(variables.evidenceIds.value, '5,6');
});

test('a wrong answer keeps the form open and says why next to the field', () => {
  const { root, input } = shipReturnForm();
  const variables = {};
  const form = new DisputeForm(camForm(root, variables), STEPS.ShipReturn, labelsFrom({}), null);
  root.classList.add('df-ready');
  input.value = 'no';
  assert.equal(form.submit(), false);
  assert.deepEqual(variables, {});
  const group = root.querySelector('[data-field="returnTrackingNumber"]');
  assert.ok(group.classList.contains('has-error'));
  assert.equal(group.querySelector('.df-error').textContent,
    'must be 6 to 40 letters, digits or dashes');
  assert.equal(root.querySelector('[data-df="errors"]').hidden, false);
  assert.match(root.querySelector('[data-df="errors"]').textContent,
    /Tracking number: must be 6 to 40/);
});

test('a hidden field counts as empty', () => {
  const amount = el('input', { name: 'requestedAmount' });
  amount.value = '12.00';
  const group = el('div', { 'data-show-when': 'requestedResolution=PARTIAL_REFUND' }, amount);
  const root = el('form', {}, group);
  const form = new DisputeForm(camForm(root, {}), { validate: () => [] }, labelsFrom({}), null);
  assert.equal(form.value('requestedAmount'), '12.00');
  form.applyVisibility();
  assert.equal(group.hidden, true);
  assert.equal(form.value('requestedAmount'), '');
  assert.equal(form.values().requestedAmount, '');
});
