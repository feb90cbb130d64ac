import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument } from './fake-dom.js';
import { el } from '../assets/dom.js';
import { DisputeForm } from '../assets/form.js';
import { STEPS } from '../assets/boot.js';
import { labelsFrom } from '../assets/labels.js';
import { eligibilityError } from '../assets/steps-dispute.js';

beforeEach(fakeDocument);

const ORDERS = [
  { orderId: 'ORD-1001', title: 'USB-C cable', amount: '49.90', currency: 'USD', sellerId: 's1' },
  { orderId: 'ORD-1002', title: 'E-book', amount: '9.99', currency: 'USD', sellerId: 's1' }
];

/** The start form with its order field, and an API whose answers the test gives. */
function openDisputeForm(answer) {
  const input = el('input', { name: 'orderId' });
  const root = el('form', { name: 'OpenDispute' },
    el('div', { className: 'form-group', 'data-field': 'orderId' },
      el('label', { className: 'control-label' }, 'Order'), input,
      el('div', { 'data-df': 'order' }), el('div', { 'data-df': 'eligibility' })),
    el('div', { 'data-df': 'errors', hidden: true }));
  const asked = [];
  const api = (path) => {
    asked.push(path);
    return answer(path);
  };
  const camForm = { formElement: [root], variableManager: { variables: {}, variable: () => null },
    on() {} };
  const form = new DisputeForm(camForm, STEPS.OpenDispute, labelsFrom({}), api);
  form.context.orders = ORDERS;
  root.classList.add('df-ready');
  return { form, root, input, asked };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

test('the form waits for the answer, then refuses an ineligible order with the reason in words', async () => {
  let reply;
  const { form, root, input, asked } = openDisputeForm(() => new Promise((r) => { reply = r; }));
  input.value = 'ORD-1002';
  form.changed();
  assert.deepEqual(asked, ['/api/orders/ORD-1002/eligibility']);
  assert.equal(form.submit(), false, 'nothing is sent while the answer is awaited');
  assert.match(root.querySelector('[data-df="errors"]').textContent, /checking whether a dispute/);

  reply({ eligible: false, reason: 'DIGITAL_ITEM',
    message: 'Digital items cannot be disputed. Write to the seller about the order instead.' });
  await settled();
  const shown = root.querySelector('[data-df="eligibility"]');
  assert.match(shown.textContent, /^Digital items cannot be disputed/);
  assert.ok(shown.querySelector('.alert-warning'));
  assert.equal(form.submit(), false);
  assert.match(root.querySelector('[data-field="orderId"] .df-error').textContent,
    /Digital items cannot be disputed/);
  form.changed();
  assert.equal(asked.length, 1, 'one question per chosen order');
});

test('an eligible order is not held back by the check', async () => {
  const { form, root, input } = openDisputeForm(async () => ({ eligible: true, reason: null,
    message: 'A dispute can be opened for this order.' }));
  input.value = 'ORD-1001';
  form.changed();
  await settled();
  assert.equal(root.querySelector('[data-df="eligibility"]').textContent,
    'A dispute can be opened for this order.');
  assert.equal(eligibilityError(form.context.eligibility, 'ORD-1001'), null);
  const orderErrors = STEPS.OpenDispute.validate({ orderId: 'ORD-1001' }, form.context)
    .filter((e) => e.field === 'orderId');
  assert.deepEqual(orderErrors, []);
});

test('an answer for an order no longer chosen is dropped, and a failed check leaves it to the server', async () => {
  const replies = {};
  const { form, input } = openDisputeForm((path) => new Promise((resolve, reject) => {
    replies[path] = { resolve, reject };
  }));
  input.value = 'ORD-1002';
  form.changed();
  input.value = 'ORD-1001';
  form.changed();
  replies['/api/orders/ORD-1002/eligibility'].resolve({ eligible: false, reason: 'DIGITAL_ITEM',
    message: 'Digital items cannot be disputed.' });
  await settled();
  assert.equal(form.context.eligibility, undefined, 'the stale answer is not kept');
  replies['/api/orders/ORD-1001/eligibility'].reject(Object.assign(new Error('down'), { status: 503 }));
  await settled();
  assert.deepEqual(form.context.eligibility, { orderId: 'ORD-1001', failed: true });
  assert.equal(eligibilityError(form.context.eligibility, 'ORD-1001'), null);
});

test('an answer about another order never passes for the chosen one', () => {
  assert.equal(eligibilityError(null, ''), null);
  assert.match(eligibilityError({ orderId: 'ORD-1', eligible: true }, 'ORD-2'), /checking/);
  assert.equal(eligibilityError({ orderId: 'ORD-2', eligible: false, message: 'No.' }, 'ORD-2'),
    'No.');
});
