// A team case (one with accounts): who is logged in, the login form, and the one-time invitation form (the token comes
// in the address's fragment, #/invite/TOKEN, which the browser never sends to a server).
import { api, banner, visible, setSession, $ } from './dom.js';

/** Asks the server who is logged in. Resolves to the session ({ team, user, role }), or null when the page must stop here (login shown). */
export async function startSession() {
  let s;
  try { s = await api('/api/session'); } catch (e) { if (e.status !== 401) banner('Cannot reach the case: ' + e.message); return null; }
  setSession(!!s.team, s.csrf);
  if (!s.team) return s;
  if (!s.user || location.hash.startsWith('#/invite/')) { showLogin(); return null; }
  $('user-info').hidden = false;
  $('user-info').textContent = visible(`${s.user} (${s.role})`);
  $('logout-btn').hidden = false;
  $('logout-btn').addEventListener('click', async () => {
    try { await api('/api/logout', { body: {} }); } catch { /* logged out either way */ }
    location.reload();
  });
  return s;
}

function showLogin() {
  document.querySelector('main').hidden = true;
  $('login').hidden = false;
  const invite = location.hash.startsWith('#/invite/') ? location.hash.slice('#/invite/'.length) : null;
  const form = invite ? $('invite-form') : $('login-form');
  form.hidden = false;
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      if (invite) {
        if ($('invite-password').value !== $('invite-password2').value) { banner('The two passwords differ.'); return; }
        await api('/api/invitations/accept', { body: { token: invite, password: $('invite-password').value }, quiet401: true });
      } else {
        await api('/api/login', { body: { name: $('login-name').value, password: $('login-password').value }, quiet401: true });
      }
    } catch (e) {
      banner(e.status === 429 ? 'Too many attempts: wait a few minutes.' : e.message);
      return;
    }
    // Logged in: the page starts again without the invitation in the address.
    history.replaceState(null, '', '/');
    location.reload();
  });
  document.body.dataset.login = invite ? 'invite' : 'login';
}
