import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument } from './fake-dom.js';
import { el } from '../assets/dom.js';
import { DisputeForm } from '../assets/form.js';
import { STEPS } from '../assets/boot.js';
import { labelsFrom } from '../assets/labels.js';
import { placeClaimFields } from '../assets/claim.js';
import { claimQuery, missingItems, chosenTypes, checklistPanel, showChecklist }
  from '../assets/panel-checklist.js';

beforeEach(fakeDocument);

const IMAGES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4', 'video/webm'];
const PAPERS = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];

/** The opening form's checklist for a damaged item and a partial refund, as the service answers it. */
const DAMAGED_PARTIAL = { disputeId: null, items: [
  { item: 'PHOTOS_ITEM_AND_PACKAGING', label: 'Photos of the item and its packaging',
    explanation: 'Clear photos of the damage.', suppliedBy: 'BUYER', evidenceTypes: ['JPEG', 'PNG'],
    mediaTypes: IMAGES, present: false, evidenceIds: [] },
  { item: 'CONDITION_AT_DISPATCH', label: 'What was sent', explanation: 'Photos before shipping.',
    suppliedBy: 'SELLER', evidenceTypes: ['JPEG', 'PDF'], mediaTypes: IMAGES, present: false,
    evidenceIds: [] },
  { item: 'AMOUNT_BASIS', label: 'What the amount is based on', explanation: 'A repair quote.',
    suppliedBy: 'BUYER', evidenceTypes: ['PDF', 'JPEG'], mediaTypes: PAPERS, present: false,
    evidenceIds: [] }] };

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

test('the checklist is asked once the reason and the resolution are chosen; a problem only for an item that arrived', () => {
  assert.equal(claimQuery({ reason: 'DAMAGED' }), null);
  assert.equal(claimQuery({ requestedResolution: 'FULL_REFUND' }), null);
  assert.equal(claimQuery({ reason: 'DAMAGED', requestedResolution: 'FULL_REFUND',
    itemReceived: 'false', problemDetail: 'DOES_NOT_WORK' }),
  '/api/evidence-checklist?reason=DAMAGED&requestedResolution=FULL_REFUND&itemReceived=false');
  assert.equal(claimQuery({ reason: 'DAMAGED', requestedResolution: 'PARTIAL_REFUND',
    itemReceived: 'true', problemDetail: 'DOES_NOT_WORK' }),
  '/api/evidence-checklist?reason=DAMAGED&requestedResolution=PARTIAL_REFUND&itemReceived=true'
    + '&problemDetail=DOES_NOT_WORK');
  assert.equal(claimQuery({ reason: 'A&B', requestedResolution: 'X=Y' }),
    '/api/evidence-checklist?reason=A%26B&requestedResolution=X%3DY&itemReceived=false');
});

test('an item is missing until a file of a fitting kind is there; the seller\'s items are never the buyer\'s', () => {
  assert.deepEqual(missingItems(DAMAGED_PARTIAL, 'BUYER', []).map((i) => i.item),
    ['PHOTOS_ITEM_AND_PACKAGING', 'AMOUNT_BASIS']);
  assert.deepEqual(missingItems(DAMAGED_PARTIAL, 'BUYER', ['video/mp4']).map((i) => i.item),
    ['AMOUNT_BASIS'], 'a video shows the damage, it is no quote');
  assert.deepEqual(missingItems(DAMAGED_PARTIAL, 'BUYER', ['image/jpeg']), []);
  assert.deepEqual(missingItems(DAMAGED_PARTIAL, 'SELLER', ['image/jpeg']), []);
  const present = { items: [Object.assign({}, DAMAGED_PARTIAL.items[2], { present: true })] };
  assert.deepEqual(missingItems(present, 'BUYER', []), []);
  assert.deepEqual(missingItems(null, 'BUYER', []), []);

  const uploads = { items: [
    { state: 'uploaded', file: { type: '' }, evidence: { contentType: 'application/pdf' } },
    { state: 'uploading', file: { type: 'image/png' }, evidence: null },
    { state: 'refused', file: { type: 'video/mp4' }, evidence: null }] };
  assert.deepEqual(chosenTypes(uploads), ['application/pdf', 'image/png'],
    'the type the store found, else the browser\'s; refused files do not count');
  assert.deepEqual(chosenTypes(null), []);
});

/** The opening form with its order, claim fields, the checklist's slot and fake uploads. */
function openingForm(answer) {
  const root = el('form', { name: 'OpenDispute' },
    el('div', { className: 'form-group', 'data-field': 'orderId' },
      el('input', { name: 'orderId' }), el('div', { 'data-df': 'order' }),
      el('div', { 'data-df': 'eligibility' })),
    el('div', { 'data-df': 'claim-fields' }), el('div', { 'data-df': 'uploads' }),
    el('div', { 'data-df': 'checklist' }),
    el('div', { 'data-df': 'errors', hidden: true }));
  placeClaimFields(root);
  const asked = [];
  const api = (path) => {
    asked.push(path);
    return answer(path);
  };
  const created = [];
  const camForm = { formElement: [root], on() {},
    variableManager: { variables: {}, variable: () => null, createVariable: (v) => created.push(v) } };
  const form = new DisputeForm(camForm, STEPS.OpenDispute, labelsFrom({}), api);
  form.context.orders = [{ orderId: 'ORD-7', title: 'Lamp', amount: '80.00', currency: 'EUR',
    sellerId: 's1' }];
  form.uploads = { items: [], evidenceIds: () => '', busy: () => false };
  root.classList.add('df-ready');
  return { form, root, asked, created };
}

function fillClaim(form) {
  form.setValue('orderId', 'ORD-7');
  form.setValue('reason', 'DAMAGED');
  form.setValue('itemReceived', 'true');
  form.setValue('problemDetail', 'OTHER');
  form.setValue('description', 'The lamp arrived with its shade crushed flat.');
  form.setValue('requestedResolution', 'PARTIAL_REFUND');
  form.setValue('requestedAmount', '30.00');
}

test('the buyer is warned of missing evidence as the claim is written, and the dispute still opens', async () => {
  const { form, root, asked, created } = openingForm(async (path) => (path.includes('eligibility')
    ? { eligible: true, reason: null, message: 'A dispute can be opened.' } : DAMAGED_PARTIAL));
  form.changed();
  assert.deepEqual(asked, [], 'nothing to ask before the claim is chosen');
  fillClaim(form);
  form.changed();
  await settled();
  const query = '/api/evidence-checklist?reason=DAMAGED&requestedResolution=PARTIAL_REFUND'
    + '&itemReceived=true&problemDetail=OTHER';
  assert.deepEqual(asked.filter((p) => p.startsWith('/api/evidence-checklist')), [query]);
  const items = root.querySelectorAll('[data-df="checklist-items"] li');
  assert.deepEqual(items.map((li) => li.getAttribute('data-item')),
    ['PHOTOS_ITEM_AND_PACKAGING', 'CONDITION_AT_DISPATCH', 'AMOUNT_BASIS']);
  assert.match(items[1].textContent, /Supplied by Seller/);
  const warning = () => root.querySelector('[data-df="checklist-missing"]');
  assert.match(warning().textContent,
    /not attached yet: Photos of the item and its packaging; What the amount is based on\./);

  assert.equal(form.submit(), true, 'a warning never holds the claim back');
  assert.ok(created.some((v) => v.name === 'reason' && v.value === 'DAMAGED'));

  form.uploads.items.push({ state: 'uploading', file: { type: 'image/jpeg' } });
  form.uploads.onChange();
  assert.equal(warning(), null,
    'a photo being uploaded answers the photos and, as a picture of a quote, the amount');
  form.uploads.items[0].file.type = 'video/mp4';
  form.uploads.onChange();
  assert.match(warning().textContent, /not attached yet: What the amount is based on\./);
  form.uploads.items.push({ state: 'uploaded', file: { type: '' },
    evidence: { contentType: 'application/pdf' } });
  form.uploads.onChange();
  assert.equal(warning(), null);

  form.changed();
  assert.equal(asked.filter((p) => p.startsWith('/api/evidence-checklist')).length, 1,
    'one question per claim');
  form.setValue('requestedResolution', 'FULL_REFUND');
  form.changed();
  assert.equal(root.querySelector('[data-df="checklist-items"]'), null,
    'the old checklist goes while the new one is asked');
});

test('a checklist for a claim no longer written is dropped, and a failed one leaves the form as it was', async () => {
  const replies = [];
  const { form, root } = openingForm((path) => (path.includes('eligibility')
    ? Promise.resolve({ eligible: true }) : new Promise((resolve, reject) => {
      replies.push({ resolve, reject });
    })));
  fillClaim(form);
  form.changed();
  form.setValue('requestedResolution', 'REPLACEMENT');
  form.changed();
  replies[0].resolve(DAMAGED_PARTIAL);
  await settled();
  assert.equal(root.querySelector('[data-df="checklist-items"]'), null);
  replies[1].reject(new Error('down'));
  await settled();
  assert.equal(root.querySelector('[data-df="checklist"]').textContent, '');
  assert.equal(form.submit(), true);
});

/** The dispute's checklist as the mediator and the seller get it: the seller's proof is there. */
const TICKED = { disputeId: 'D-9', items: [
  { item: 'TRACKING_OR_CARRIER_PROOF', label: 'Tracking or the carrier\'s proof of delivery',
    explanation: 'The tracking history.', suppliedBy: 'SELLER', evidenceTypes: ['PDF'],
    mediaTypes: PAPERS, present: true, evidenceIds: [12, 13] },
  { item: 'AMOUNT_BASIS', label: 'What the amount is based on', explanation: 'A quote.',
    suppliedBy: 'BUYER', evidenceTypes: ['PDF'], mediaTypes: PAPERS, present: false,
    evidenceIds: [] }] };

test('the mediator sees each item ticked, with the files that tick it, in the page\'s language', async () => {
  const root = el('form', {}, el('div', { 'data-df': 'checklist' }));
  const asked = [];
  const form = { root, labels: labelsFrom({ 'Checklist.PRESENT': 'Vorhanden',
    'Checklist.MISSING': 'Fehlt', 'Party.SELLER': 'Verkäufer', 'Party.BUYER': 'Käufer' }),
  api: async (path) => {
    asked.push(path);
    return TICKED;
  } };
  await showChecklist(form, { dispute: { disputeId: 'D 9' },
    evidence: [{ id: 12, fileName: 'carrier.pdf' }] }, 'PLATFORM');
  assert.deepEqual(asked, ['/api/disputes/D%209/checklist']);
  const [proof, basis] = root.querySelectorAll('[data-df="checklist-items"] li');
  assert.equal(proof.getAttribute('data-present'), 'true');
  assert.match(proof.querySelector('[data-df="check-state"]').textContent, /Vorhanden/);
  assert.match(proof.textContent, /Verkäufer/);
  assert.equal(proof.querySelector('[data-df="check-files"]').textContent, 'carrier.pdf, #13');
  assert.equal(basis.getAttribute('data-present'), 'false');
  assert.match(basis.querySelector('[data-df="check-state"]').textContent, /Fehlt/);
  assert.equal(basis.querySelector('[data-df="check-files"]'), null);
  assert.match(root.textContent, /look at the files before relying on them/);
});

test('the seller sees what would answer the claim, their own items marked; text stays text', () => {
  const hostile = { disputeId: 'D-9', items: [Object.assign({}, TICKED.items[0],
    { label: '<img src=x onerror=alert(1)>' })] };
  const node = checklistPanel(hostile, labelsFrom({}), 'SELLER', []);
  assert.match(node.textContent, /What would answer this claim/);
  const item = node.querySelector('[data-df="checklist-items"] li');
  assert.ok(item.classList.contains('df-check-mine'));
  assert.equal(item.querySelector('img'), null);
  assert.match(item.textContent, /<img src=x onerror=alert\(1\)>/);
  assert.equal(item.querySelector('[data-df="check-files"]'), null, 'file names are for the mediator');

  const none = checklistPanel({ disputeId: 'D-9', items: [] }, labelsFrom({}), 'SELLER');
  assert.match(none.textContent, /needs no particular evidence/);
});

test('a form without the slot, or a checklist that cannot load, leaves the step as it was', async () => {
  const bare = { root: el('form', {}), api: async () => { throw new Error('never asked'); } };
  await showChecklist(bare, { dispute: { disputeId: 'D-1' } }, 'SELLER');
  const root = el('form', {}, el('div', { 'data-df': 'checklist' }));
  await showChecklist({ root, labels: labelsFrom({}), api: async () => { throw new Error('503'); } },
    { dispute: { disputeId: 'D-1' } }, 'PLATFORM');
  assert.equal(root.textContent, '');
});
