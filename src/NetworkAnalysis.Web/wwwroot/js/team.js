// A team case (one with accounts): who is logged in, the login form, and the one-time invitation form (the token comes
// in the address's fragment, #/invite/TOKEN, which the browser never sends to a server).
import { el, clear, api, banner, visible, setSession, $ } from './dom.js';

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

/** An admin's account panel: the accounts with Remove, and a form that invites a new one and shows its one-time link. */
export function initUsersPanel() {
  $('users-panel').hidden = false;
  $('user-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      const added = await api('/api/users', { body: { name: $('user-name').value, role: $('user-role').value } });
      $('user-name').value = '';
      $('user-link').textContent = visible(`One-time link for ${added.name} (${added.role}), valid until ${added.expiresAt}: ${location.origin}${added.link}`);
    } catch (e) { banner(e.message); }
    loadUsers();
  });
  loadUsers();
}

async function loadUsers() {
  let users;
  try { users = await api('/api/users'); } catch (e) { banner(e.message); return; }
  const list = clear($('user-list'));
  for (const u of users) {
    const state = u.removedAt ? `removed by ${u.removedBy}` : u.passwordSet ? 'active' : 'invited';
    list.append(el('li', { class: 'user', dataset: { name: u.name } }, el('span', { text: `${u.name} · ${u.role} · ${state} ` }),
      u.removedAt ? null : el('button', { type: 'button', class: 'user-remove', text: 'Remove', onclick: () => remove(u.name) })));
  }
}

async function remove(name) {
  try { await api('/api/users/' + encodeURIComponent(name) + '/remove', { body: {} }); } catch (e) { banner(e.message); }
  loadUsers();
}
