/*
 * The page My disputes (/disputes/) for buyers and sellers, behind Tasklist's login: the list of
 * their disputes (#) and one dispute's case file (#D-…) with the moves open now and the
 * conversation. The case file is the one the task forms show (casefile.js); the page adds only
 * what a party does outside a task.
 */
import { api, at, useCsrfToken } from './api.js';
import { el } from './dom.js';
import { labelsFrom } from './labels.js';
import { disputeFile } from './casefile.js';
import { dateTime, timeLeft } from './format.js';
import { Uploads } from './uploads.js';
import { pageWords, disputeTable, sideOf, appealableNow } from './party-list.js';
import { movesPanel, conversationPanel, TASKLIST } from './party-moves.js';

/** Whether the webapps' session is logged in, asked where a refusal brings no login prompt. */
async function loggedIn() {
  const response = await globalThis.fetch('/camunda/api/admin/auth/user/default',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok;
}

/** The dispute the address names (#D-…), or null for the list. */
export function chosenDispute(hash) {
  const id = decodeURIComponent(String(hash || '').replace(/^#\/?/, ''));
  return id ? id : null;
}

/** Brings every countdown on the page to now, in the page's language. */
export function tick(root, words, now = Date.now()) {
  root.querySelectorAll('[data-df="deadline"]').forEach((banner) => {
    const time = banner.querySelector('time');
    const due = time.getAttribute('datetime');
    time.textContent = dateTime(due, words.lang);
    banner.querySelector('[data-df="time-left"]').textContent = timeLeft(due, now, words.time);
  });
  root.querySelectorAll('[data-due]').forEach((cell) => {
    cell.textContent = timeLeft(cell.getAttribute('data-due'), now, words.time);
  });
}

function status(page, message, failed) {
  const node = page.root.querySelector('[data-dm="status"]');
  node.hidden = !message;
  node.className = failed ? 'alert alert-danger' : 'df-loading';
  node.textContent = message || '';
}

async function caseFile(page, disputeId) {
  const { labels, words, me } = page;
  const path = at('/api/disputes', disputeId);
  const [file, evidence] = await Promise.all([api(path), api(path + '/evidence')]);
  const order = await api(at('/api/orders', file.dispute.orderId)).catch(() => null);
  const listedEntry = page.disputes.find((d) => d.disputeId === disputeId);
  const ctx = {
    dispute: file.dispute, side: sideOf(file.dispute, me.userId), labels, words, api,
    appealable: Boolean(listedEntry) && appealableNow(listedEntry),
    reload: (notice) => show(page, notice)
  };
  const [banner, ...rest] = disputeFile({ dispute: file.dispute, order, task: null,
    offers: file.offers || [], decisions: file.decisions || [], evidence,
    timeline: file.timeline || [] }, labels);
  const view = el('div', { className: 'dispute-form df-ready', 'data-dm': 'casefile' },
    banner, movesPanel(ctx), conversationPanel(ctx, file.timeline), rest);
  const slot = view.querySelector('[data-df="uploads"]');
  if (slot) {
    const uploads = new Uploads(slot, await api('/api/evidence/limits'), api, disputeId);
    uploads.render();
    ctx.evidenceIds = () => uploads.evidenceIds();
  }
  return view;
}

/** Shows what the address names: the list, or one dispute; notice: what a move just did. */
async function show(page, notice) {
  const main = page.root.querySelector('[data-dm="main"]');
  const disputeId = chosenDispute(globalThis.location.hash);
  const back = page.root.querySelector('[data-dm="back"]');
  back.hidden = !disputeId;
  try {
    page.disputes = await api('/api/disputes');
    const view = disputeId ? await caseFile(page, disputeId)
      : disputeTable(page.disputes, page.me, page.labels, page.words);
    main.textContent = '';
    main.appendChild(view);
    tick(page.root, page.words);
    status(page, null);
    const said = page.root.querySelector('[data-dm="notice"]');
    said.hidden = !notice;
    said.textContent = notice || '';
  } catch (error) {
    main.textContent = '';
    status(page, page.words.text('FAILED', error.message), true);
  }
}

/** Starts the page in root (index.html's body). */
export async function start(root) {
  const page = { root, disputes: [] };
  if (!(await loggedIn())) {
    status(page, null);
    root.querySelector('[data-dm="main"]').appendChild(el('p', { className: 'alert alert-info' },
      el('a', { href: TASKLIST, 'data-dm': 'login' }, 'Log in to Tasklist to see your disputes.')));
    return;
  }
  page.me = await api('/api/me');
  // The page cannot read the webapps' CSRF cookie (its path is /camunda); the moves send this.
  useCsrfToken(page.me.csrfToken);
  const lang = page.me.locale || globalThis.navigator.language || 'en';
  page.labels = labelsFrom(await api('/api/labels?lang=' + encodeURIComponent(lang)));
  page.words = pageWords(page.labels, lang);
  document.documentElement.lang = lang;
  document.title = page.words.text('MY_DISPUTES');
  root.querySelector('[data-dm="title"]').textContent = page.words.text('MY_DISPUTES');
  root.querySelector('[data-dm="back"]').textContent = '\u2190 ' + page.words.text('BACK');
  root.querySelector('[data-dm="tasklist"]').textContent = page.words.text('TASKLIST');
  root.querySelector('[data-dm="user"]').textContent = page.me.userId;
  status(page, page.words.text('LOADING'));
  globalThis.addEventListener('hashchange', () => show(page));
  // The countdowns follow the clock; the data is fetched again on each visit or move.
  setInterval(() => tick(root, page.words), 30000);
  await show(page);
}
