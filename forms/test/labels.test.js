import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelsFrom, loadLabels, spelledOut } from '../assets/labels.js';

const bundle = {
  'Resolution.FULL_REFUND': 'Full refund',
  'Party.BUYER': 'Buyer',
  'EscalationReason.SELLER_NO_RESPONSE': 'The seller did not respond in time'
};

test('a code reads as its label, by field name or by kind', () => {
  const { label } = labelsFrom(bundle);
  assert.equal(label('resolution', 'FULL_REFUND'), 'Full refund');
  assert.equal(label('requestedResolution', 'FULL_REFUND'), 'Full refund');
  assert.equal(label('Resolution', 'FULL_REFUND'), 'Full refund');
  assert.equal(label('role', 'BUYER'), 'Buyer');
  assert.equal(label('resolution', ''), '');
});

test('a code the bundle does not know is spelled out, not hidden', () => {
  assert.equal(labelsFrom(bundle).label('reason', 'NOT_AS_DESCRIBED'), 'Not as described');
  assert.equal(spelledOut('BUYER_SILENT'), 'Buyer silent');
});

test('a timeline detail shows free text as written and a code in words', () => {
  const { detail } = labelsFrom(bundle);
  assert.equal(detail('SELLER_NO_RESPONSE'), 'The seller did not respond in time');
  assert.equal(detail('<b>Size 40</b>, not 42'), '<b>Size 40</b>, not 42');
  assert.equal(detail('UNKNOWN_CODE'), 'Unknown code');
});

test('labels are asked for in the page language; without them the forms still work', async () => {
  const asked = [];
  const labels = await loadLabels(async (path) => { asked.push(path); return bundle; }, 'de');
  assert.deepEqual(asked, ['/api/labels?lang=de']);
  assert.equal(labels.label('role', 'BUYER'), 'Buyer');
  const refused = await loadLabels(async () => { throw new Error('401'); }, '');
  assert.equal(refused.label('role', 'BUYER'), 'Buyer');
  assert.equal(refused.label('resolution', 'FULL_REFUND'), 'Full refund');
});
