import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { api, csrfToken, at, useCsrfToken } from '../assets/api.js';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  delete globalThis.document;
});

function answer(status, body) {
  return { ok: status < 400, status, statusText: 'Status ' + status, json: async () => body };
}

test('the CSRF token comes from the webapps cookie', () => {
  assert.equal(csrfToken('a=1; XSRF-TOKEN=abc%3D; b=2'), 'abc=');
  assert.equal(csrfToken('a=1'), '');
});

test('calls carry the session, the CSRF token and ask for JSON', async () => {
  globalThis.document = { cookie: 'XSRF-TOKEN=t0k' };
  let seen;
  globalThis.fetch = async (path, init) => { seen = { path, init }; return answer(200, { ok: 1 }); };
  assert.deepEqual(await api('/api/disputes'), { ok: 1 });
  assert.equal(seen.init.credentials, 'same-origin');
  assert.equal(seen.init.headers['X-XSRF-TOKEN'], 't0k');
  assert.equal(seen.init.headers.Accept, 'application/json');
});

test('a refusal throws the server\'s words and status', async () => {
  globalThis.fetch = async () => answer(409, { detail: 'The platform reviews this dispute' });
  await assert.rejects(api('/api/disputes/D-1/escalate', { method: 'POST' }),
    { message: 'The platform reviews this dispute', status: 409 });
  globalThis.fetch = async () => ({ ok: false, status: 502, statusText: 'Bad Gateway',
    json: async () => { throw new SyntaxError('not JSON'); } });
  await assert.rejects(api('/api/x'), { message: '502 Bad Gateway' });
});

test('no content and an accepted move are null; ids are escaped into paths', async () => {
  globalThis.fetch = async () => answer(204);
  assert.equal(await api('/api/evidence/1', { method: 'DELETE' }), null);
  globalThis.fetch = async () => ({ ok: true, status: 202, statusText: 'Accepted',
    json: async () => { throw new SyntaxError('Unexpected end of JSON input'); } });
  assert.equal(await api('/api/disputes/D-1/cancel', { method: 'POST' }), null);
  assert.equal(at('/api/disputes', 'D-1/../x'), '/api/disputes/D-1%2F..%2Fx');
});

test('a page outside /camunda sends the token it was handed; the cookie wins where it is', async () => {
  let seen;
  globalThis.fetch = async (path, init) => { seen = init; return answer(200, {}); };
  globalThis.document = { cookie: '' };
  useCsrfToken('h3ader');
  await api('/api/disputes/D-1/cancel', { method: 'POST' });
  assert.equal(seen.headers['X-XSRF-TOKEN'], 'h3ader');
  globalThis.document = { cookie: 'XSRF-TOKEN=c00kie' };
  await api('/api/disputes/D-1/cancel', { method: 'POST' });
  assert.equal(seen.headers['X-XSRF-TOKEN'], 'c00kie');
  useCsrfToken(null);
});
