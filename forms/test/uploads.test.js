import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { fakeDocument } from './fake-dom.js';
import { el } from '../assets/dom.js';
import { fileProblem, Uploads } from '../assets/uploads.js';

beforeEach(fakeDocument);

const LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxDisputeBytes: 50 * 1024 * 1024,
  acceptedTypes: ['image/jpeg', 'application/pdf'], acceptedLabel: 'JPEG or PDF' };

test('a file that cannot pass is refused before it is sent', () => {
  assert.equal(fileProblem({ name: 'big.jpg', size: 11 * 1024 * 1024, type: 'image/jpeg' }, LIMITS),
    'big.jpg is larger than 10 MB, the limit per file.');
  assert.equal(fileProblem({ name: 'empty.pdf', size: 0, type: 'application/pdf' }, LIMITS),
    'empty.pdf is empty.');
  assert.equal(fileProblem({ name: 'a.exe', size: 10, type: 'application/x-msdownload' }, LIMITS),
    'a.exe is not an accepted kind of file (JPEG or PDF).');
  assert.equal(fileProblem({ name: 'photo', size: 10, type: '' }, LIMITS), null,
    'without a type the server decides by the content');
});

test('only files the store accepted are handed on; a refusal shows the server\'s words', async () => {
  const slot = el('div', { 'data-df': 'uploads' });
  const calls = [];
  const api = async (path) => {
    calls.push(path);
    if (path.includes('bad.jpg')) {
      throw new Error('bad.jpg is not a JPEG image');
    }
    return { id: 41 + calls.length, image: false, url: '/api/evidence/x' };
  };
  const uploads = new Uploads(slot, LIMITS, api, 'D-7');
  uploads.render();
  await uploads.upload({ name: 'a.pdf', size: 100, type: 'application/pdf' });
  await uploads.upload({ name: 'bad.jpg', size: 100, type: 'image/jpeg' });
  await uploads.upload({ name: 'b.pdf', size: 100, type: 'application/pdf' });
  await uploads.upload({ name: 'huge.pdf', size: 20 * 1024 * 1024, type: 'application/pdf' });
  assert.deepEqual(calls, ['/api/evidence?name=a.pdf&disputeId=D-7',
    '/api/evidence?name=bad.jpg&disputeId=D-7', '/api/evidence?name=b.pdf&disputeId=D-7']);
  assert.equal(uploads.evidenceIds(), '42,44');
  assert.equal(uploads.busy(), false);
  assert.deepEqual(slot.querySelectorAll('[data-df="upload-error"]').map((n) => n.textContent),
    ['bad.jpg is not a JPEG image', 'huge.pdf is larger than 10 MB, the limit per file.']);
});
