/*
 * Dispute mediation in Tasklist's header, for the logged-in user (a navbar action: Tasklist
 * renders it only after the login, and again after each one):
 * - buyers and sellers get a link to their disputes page (/disputes/), whatever's move it is;
 * - the body is marked with what the engine gate lets this user do, and styles/user-styles.css
 *   hides the rest: nobody but an administrator may create tasks, change a task's groups or
 *   dates or comment through the engine, and a party does not claim or hand over tasks. The
 *   server refuses all of these anyway; hiding them spares people a control that cannot work.
 */
const MARKS = ['dm-no-engine-edits', 'dm-party'];

async function json(path) {
  const response = await fetch(path, { credentials: 'same-origin',
    headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

export default {
  id: 'dispute-mediation-my-disputes',
  pluginPoint: 'tasklist.navbar.action',
  priority: 300,
  render(node) {
    const body = document.body;
    body.classList.remove(...MARKS);
    json('/api/me').then(async (me) => {
      if (!me) {
        return;
      }
      if (!me.admin) {
        body.classList.add('dm-no-engine-edits');
      }
      if (!me.party) {
        return;
      }
      body.classList.add('dm-party');
      const labels = await json('/api/labels?lang=' + encodeURIComponent(me.locale || 'en'));
      const link = document.createElement('a');
      link.href = '/disputes/';
      link.className = 'dm-my-disputes';
      link.textContent = (labels && labels['Page.MY_DISPUTES']) || 'My disputes';
      node.textContent = '';
      node.appendChild(link);
    }, () => null);
  }
};
