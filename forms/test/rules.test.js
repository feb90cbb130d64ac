import { test } from 'node:test';
import assert from 'node:assert/strict';
import { required, text, partialAmount, trackingNumber, decimalOk } from '../assets/rules.js';

function errors(check, values, ...args) {
  const found = [];
  check(found, values, ...args);
  return found;
}

test('a partial refund is a decimal above 0 and below the order amount', () => {
  assert.match(errors(partialAmount, {}, 'offerAmount', '49.90')[0].message, /required/);
  assert.match(errors(partialAmount, { a: '12.345' }, 'a', '49.90')[0].message, /such as 12.50/);
  assert.match(errors(partialAmount, { a: '12,50' }, 'a', '49.90')[0].message, /such as 12.50/);
  assert.match(errors(partialAmount, { a: '0' }, 'a', '49.90')[0].message, /above 0/);
  assert.equal(errors(partialAmount, { a: '49.90' }, 'a', '49.90')[0].message,
    'must be above 0 and below the order amount 49.90');
  assert.deepEqual(errors(partialAmount, { a: '20.00' }, 'a', '49.90'), []);
  assert.deepEqual(errors(partialAmount, { a: '49.89' }, 'a', '49.90'), []);
});

test('decimals have at most two places', () => {
  assert.ok(decimalOk('12'));
  assert.ok(decimalOk('12.5'));
  assert.ok(!decimalOk('12.'));
  assert.ok(!decimalOk('-1'));
});

test('text between its limits; optional text only has a maximum', () => {
  assert.equal(errors(text, { d: '' }, 'd', 20, 2000)[0].message, 'is required');
  assert.equal(errors(text, { d: 'short' }, 'd', 20, 2000)[0].message,
    'must be 20 to 2000 characters (now 5)');
  assert.deepEqual(errors(text, { d: 'x'.repeat(20) }, 'd', 20, 2000), []);
  assert.deepEqual(errors(text, {}, 'c', 0, 4000), []);
  assert.equal(errors(text, { c: 'x'.repeat(4001) }, 'c', 0, 4000)[0].message,
    'must be at most 4000 characters');
});

test('a required choice, an unchecked box included', () => {
  assert.equal(errors(required, { box: false }, 'box', 'confirm it')[0].message, 'confirm it');
  assert.equal(errors(required, { choice: '' }, 'choice')[0].message, 'is required');
  assert.deepEqual(errors(required, { box: true }, 'box'), []);
});

test('a tracking number is 6 to 40 letters, digits or dashes', () => {
  assert.equal(errors(trackingNumber, { t: 'no' }, 't')[0].message,
    'must be 6 to 40 letters, digits or dashes');
  assert.equal(errors(trackingNumber, { t: '' }, 't')[0].message, 'is required');
  assert.deepEqual(errors(trackingNumber, { t: 'RR123456789DE' }, 't'), []);
  assert.equal(errors(trackingNumber, { t: 'RR 1234567' }, 't').length, 1);
});
