// Review of the open cluster: its referral's sign-off (each version kept, and whether it changed since), comments, and
// challenges of its decisions. Text from the case goes in through el()/textContent only.
import { el, clear, api, enc, banner, $ } from './dom.js';

const state = { cluster: null, can: { comment: false, signOff: false }, comments: [], onChange: () => {} };

export function initReview({ can, onChange }) {
  state.can = can;
  state.onChange = onChange || state.onChange;
  $('signoff-form').hidden = !can.signOff;
  $('comment-form').hidden = !can.comment;
  $('signoff-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      await api('/api/clusters/' + enc(state.cluster) + '/signoff', { body: { note: $('signoff-note').value } });
      $('signoff-note').value = '';
      banner('Referral signed off.', 'ok');
    } catch (e) { banner(e.message); }
    loadReview(state.cluster);
    state.onChange();
  });
  $('comment-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const text = $('comment-input').value;
    if (!text.trim()) return;
    try { await api('/api/clusters/' + enc(state.cluster) + '/comments', { body: { text } }); $('comment-input').value = ''; } catch (e) { banner(e.message); }
    loadReview(state.cluster);
    state.onChange();
  });
  // The decisions list is drawn by decisions.js; each time it is, its challenges and Challenge buttons are added here.
  document.addEventListener('decisions-rendered', decorateDecisions);
}

export async function loadReview(cluster) {
  state.cluster = cluster;
  let s, comments;
  try {
    [s, comments] = await Promise.all([api('/api/clusters/' + enc(cluster) + '/signoff'), api('/api/clusters/' + enc(cluster) + '/comments')]);
  } catch (e) { banner(e.message); return; }
  if (state.cluster !== cluster) return;
  const line = $('signoff-state');
  line.className = 'signoff-state';
  if (!s.latest) line.textContent = 'Not signed off.';
  else if (s.changedSinceSignOff) {
    line.textContent = `Changed since sign-off (version ${s.latest.version} by ${s.latest.who} on ${s.latest.at}): new version needed.`;
    line.classList.add('changed');
  } else {
    line.textContent = `Signed off: version ${s.latest.version} by ${s.latest.who} on ${s.latest.at} (SHA-256 ${s.latest.sha256.slice(0, 16)}…).`;
    line.classList.add('signed');
  }
  line.dataset.state = !s.latest ? 'none' : s.changedSinceSignOff ? 'changed' : 'signed';
  $('signoff-btn').disabled = !!s.latest && !s.changedSinceSignOff;
  $('signoff-btn').textContent = s.latest ? 'Sign off a new version' : 'Sign off this version';
  const versions = clear($('signoff-versions'));
  $('signoff-content').hidden = true;
  for (const v of s.versions) {
    versions.append(el('li', { class: 'signoff-version', dataset: { version: String(v.version) } },
      el('span', { text: `Version ${v.version}: ${v.who}, ${v.at}${v.note ? ' — ' + v.note : ''} ` }),
      el('button', { type: 'button', class: 'linkish', text: 'show what was signed', onclick: () => showVersion(cluster, v.version) })));
  }
  state.comments = comments;
  const list = clear($('comments'));
  for (const c of comments.filter(x => x.kind === 'comment')) {
    list.append(el('li', { class: 'comment' }, el('div', { text: c.text }), el('span', { class: 'muted', text: `${c.who}, ${c.at}` })));
  }
  decorateDecisions();
}

async function showVersion(cluster, version) {
  try {
    const v = await api('/api/clusters/' + enc(cluster) + '/signoff/' + version);
    const box = $('signoff-content');
    box.textContent = JSON.stringify(JSON.parse(v.content), null, 2);
    box.dataset.version = String(version);
    box.hidden = false;
  } catch (e) { banner(e.message); }
}

function decorateDecisions() {
  for (const li of document.querySelectorAll('#decision-list li.decision')) {
    for (const old of li.querySelectorAll('.challenge, .challenge-btn, .challenge-form')) old.remove();
    const id = Number(li.dataset.decision);
    for (const c of state.comments.filter(x => x.kind === 'challenge' && x.decision === id)) {
      li.append(el('div', { class: 'challenge', text: `challenged by ${c.who} on ${c.at.slice(0, 10)}: ${c.text}` }));
    }
    if (state.can.comment) li.append(el('button', { type: 'button', class: 'challenge-btn', text: 'Challenge', onclick: () => openChallenge(li, id) }));
  }
}

function openChallenge(li, id) {
  if (li.querySelector('.challenge-form')) return;
  const text = el('input', { class: 'challenge-why', maxlength: '4000', placeholder: 'What is wrong with this decision?', 'aria-label': 'Challenge' });
  const form = el('form', { class: 'challenge-form' }, text, el('button', { type: 'submit', class: 'challenge-ok', text: 'Challenge' }));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    if (!text.value.trim()) { banner('A challenge needs a reason.'); return; }
    try { await api('/api/clusters/' + enc(state.cluster) + '/comments', { body: { text: text.value, decision: id } }); } catch (e) { banner(e.message); return; }
    loadReview(state.cluster);
    state.onChange();
  });
  li.append(form);
  text.focus();
}
