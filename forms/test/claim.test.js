import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument } from './fake-dom.js';
import { el, fillOptions } from '../assets/dom.js';
import { placeClaimFields, claimErrors, claimVariables } from '../assets/claim.js';
import { labelsFrom } from '../assets/labels.js';

beforeEach(fakeDocument);

const CLAIM = {
  reason: 'DAMAGED', itemReceived: 'true', problemDetail: 'DOES_NOT_WORK',
  description: 'The plug arrived crushed and the cable charges nothing.',
  requestedResolution: 'FULL_REFUND', requestedAmount: '12.00'
};

test('the claim\'s fields are written once and placed where a form asks for them', () => {
  const form = el('form', {}, el('div', { 'data-df': 'claim-fields' }));
  placeClaimFields(form);
  fillOptions(form, labelsFrom({ 'Reason.DAMAGED': 'Item arrived damaged' }).label);
  assert.deepEqual([...new Set(form.querySelectorAll('[name]').map((f) => f.name))],
    ['reason', 'itemReceived', 'problemDetail', 'description', 'requestedResolution',
      'requestedAmount']);
  const reasons = form.querySelector('[name="reason"]').children;
  assert.deepEqual(reasons.map((o) => o.getAttribute('value')),
    ['', 'NOT_RECEIVED', 'DAMAGED', 'NOT_AS_DESCRIBED', 'QUALITY_PROBLEM', 'QUANTITY_PROBLEM']);
  assert.equal(reasons[2].textContent, 'Item arrived damaged');
  assert.equal(form.querySelector('[data-field="requestedAmount"]').getAttribute('data-show-when'),
    'requestedResolution=PARTIAL_REFUND');
  assert.equal(form.querySelector('[data-field="problemDetail"]').getAttribute('data-show-when'),
    'itemReceived=true');
});

test('a form without the slot gets no claim fields', () => {
  const form = el('form', {}, el('div', { 'data-df': 'casefile' }));
  placeClaimFields(form);
  assert.equal(form.querySelectorAll('[name]').length, 0);
});

test('the claim is checked as the server checks it', () => {
  const problems = (values, amount) => {
    const errors = [];
    claimErrors(errors, values, amount);
    return errors.map((e) => e.field);
  };
  assert.deepEqual(problems(CLAIM, '49.90'), []);
  assert.deepEqual(problems({}, '49.90'),
    ['reason', 'itemReceived', 'description', 'requestedResolution']);
  assert.deepEqual(problems({ ...CLAIM, problemDetail: '' }, '49.90'), ['problemDetail']);
  assert.deepEqual(problems({ ...CLAIM, itemReceived: 'false', problemDetail: '' }, '49.90'), []);
  assert.deepEqual(problems({ ...CLAIM, requestedResolution: 'PARTIAL_REFUND',
    requestedAmount: '60.00' }, '49.90'), ['requestedAmount']);
});

test('only the claim\'s answers are sent: a problem for a received item, an amount for a partial refund', () => {
  assert.deepEqual(claimVariables({ ...CLAIM, itemReceived: 'false' }), {
    reason: { type: 'String', value: 'DAMAGED' },
    itemReceived: { type: 'Boolean', value: false },
    description: { type: 'String', value: CLAIM.description },
    requestedResolution: { type: 'String', value: 'FULL_REFUND' }
  });
  const partial = claimVariables({ ...CLAIM, requestedResolution: 'PARTIAL_REFUND' });
  assert.deepEqual(partial.problemDetail, { type: 'String', value: 'DOES_NOT_WORK' });
  assert.deepEqual(partial.requestedAmount, { type: 'String', value: '12.00' });
});
