/*
 * The service's API, called with the Tasklist login session and the webapps' CSRF token. A
 * refusal throws an Error with the server's own words (the problem's detail) and its status.
 */

export function csrfToken(cookie) {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(cookie || '');
  return match ? decodeURIComponent(match[1]) : '';
}

let givenToken = '';

/**
 * The token for a page outside /camunda, which cannot read the webapps' cookie (its path is
 * /camunda): GET /api/me hands the session's token to its own page.
 */
export function useCsrfToken(token) {
  givenToken = token || '';
}

export async function api(path, options) {
  const init = Object.assign({ method: 'GET', credentials: 'same-origin' }, options || {});
  const cookie = globalThis.document ? globalThis.document.cookie : '';
  init.headers = Object.assign({ Accept: 'application/json',
    'X-XSRF-TOKEN': csrfToken(cookie) || givenToken }, init.headers || {});
  const response = await globalThis.fetch(path, init);
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try {
      const problem = await response.json();
      message = problem.detail || problem.message || message;
    } catch (ignored) {
      // The body is not JSON: keep the status line.
    }
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  // The moves (escalate, cancel, …) answer 202 Accepted without a body, as 204 has none.
  return response.status === 202 || response.status === 204 ? null : response.json();
}

/** A path segment: ids go into URLs escaped. */
export function at(path, ...ids) {
  return ids.reduce((url, id) => url + '/' + encodeURIComponent(id), path);
}
