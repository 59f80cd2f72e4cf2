// Analysts' decisions on the open cluster: each listed with its effect and an Undo button; buttons where the analyst
// looks (an identifier: "Mark as hub" / "Never a hub"; the cluster: "Merge with…" / "Split…"; an ad: "Not the same
// poster as…"), each opening a small inline form whose reason is required; and a form to type a decision by hand.
// Text from the case and from analysts goes in through el()/textContent only.
import { el, clear, api, enc, banner, visible, $ } from './dom.js';

const HINTS = {
  merge: ['Other cluster ID', ''],
  split: ['Side A: ads or identifiers, comma-separated', 'Side B: ads or identifiers'],
  'not-same': ['Ad A (key or ID)', 'Ad B (key or ID)'],
  hub: ['Identifier (phone, e-mail, handle or type:value)', ''],
  'never-hub': ['Identifier (phone, e-mail, handle or type:value)', ''],
};

const NEED_REASON = 'A decision needs a reason: say what you know that the ads do not.';
const APPLIES = 'the next `netan analyze` applies it.';

// cluster: the open cluster; decisions: its active decisions once loaded (loaded names the cluster they belong to);
// context: what the page knows of the cluster (its ads and identifiers as the graph holds them, other clusters' IDs).
const state = {
  cluster: null, readOnly: false, onChange: () => {}, decisions: [], loaded: null, form: null,
  context: { ads: () => [], identifiers: () => [], clusters: () => [] },
};

export function initDecisions({ readOnly, onChange, context }) {
  state.readOnly = readOnly;
  state.onChange = onChange || state.onChange;
  Object.assign(state.context, context || {});
  $('decision-kind').addEventListener('change', hint);
  $('decision-form').addEventListener('submit', ev => { ev.preventDefault(); submit(); });
  if (readOnly) for (const id of ['decision-kind', 'decision-target', 'decision-other', 'decision-why', 'decision-btn']) $(id).disabled = true;
  $('cluster-actions').hidden = true;
  // Read-only: the cluster's buttons stay hidden and disabled (and the server refuses every write anyway).
  for (const id of ['merge-btn', 'split-btn']) $(id).disabled = readOnly;
  hint();
}

/** Prefills the form with an identifier (e.g. the entity selected in the graph) for a hub or never-hub decision. */
export function proposeIdentifier(identifier) {
  if (state.readOnly || !identifier) return;
  if (!['hub', 'never-hub'].includes($('decision-kind').value)) { $('decision-kind').value = 'hub'; hint(); }
  $('decision-target').value = identifier;
}

export async function loadDecisions(cluster) {
  if (state.cluster !== cluster) { closeForm(); clear($('cluster-action-form')); state.loaded = null; state.decisions = []; }
  state.cluster = cluster;
  renderClusterActions();
  let items;
  try { items = await api('/api/clusters/' + enc(cluster) + '/decisions'); } catch (e) { banner(e.message); return; }
  if (state.cluster !== cluster) return;
  state.decisions = items;
  state.loaded = cluster;
  const list = clear($('decision-list'));
  if (!items.length) list.append(el('li', { class: 'muted', text: 'No analyst decision shapes this cluster.' }));
  for (const d of items) {
    list.append(el('li', { class: 'decision', dataset: { decision: String(d.id), kind: d.kind } }, el('span', { text: `#${d.id} ${d.effect}` }),
      undoButton(d)));
  }
  refreshIdentifiers();
  document.dispatchEvent(new CustomEvent('decisions-rendered'));
}

function undoButton(d) {
  return state.readOnly ? null : el('button', { type: 'button', class: 'undo', text: 'Undo', title: 'Undo decision #' + d.id, onclick: () => undo(d.id) });
}

// ---- identifiers ---------------------------------------------------------------------------------------------------

// Where an identifier's form opens when not in place of its buttons (a narrow table cell): node -> host element.
const formHosts = new WeakMap();

/**
 * The decision controls of one identifier (type:value): the hub or never-hub decision that marks it (with Undo), or the
 * buttons to make one. Filled again whenever the cluster's decisions change. Options: `detail` shows the decision's full
 * effect; `cluster` shows controls only while that cluster's decisions are the page's; `formHost` is where the form opens.
 */
export function identifierControls(identifier, type, { detail = false, cluster = null, formHost = null } = {}) {
  const node = el('span', { class: 'decide-id', dataset: { identifier, type: type || '', detail: detail ? '1' : '', cluster: cluster || '' } });
  if (formHost) formHosts.set(node, formHost);
  fillIdentifier(node);
  return node;
}

function refreshIdentifiers() {
  for (const node of document.querySelectorAll('.decide-id')) if (!node.querySelector('form')) fillIdentifier(node);
}

function fillIdentifier(node) {
  clear(node);
  const { identifier, type, detail, cluster } = node.dataset;
  // Until the cluster's decisions are known (or when the node belongs to another cluster's view) no button that could repeat one.
  if (state.loaded !== state.cluster || (cluster && cluster !== state.cluster)) return;
  const d = state.decisions.find(x => (x.kind === 'hub' || x.kind === 'never-hub') && x.identifier === identifier);
  if (d) {
    node.append(el('span', { class: 'decided decided-' + d.kind, title: d.effect,
      text: detail ? d.effect : (d.kind === 'hub' ? 'decided: hub' : 'decided: never a hub') }), undoButton(d));
    return;
  }
  // A URL never links ads, so it cannot be a hub either way (the server refuses it too).
  if (state.readOnly || type === 'url') return;
  const host = formHosts.get(node);
  const open = (kind, ok, title) => openForm(host || node, {
    title, ok, build: () => ({ kind, identifier }), restore: () => { if (host) clear(host); fillIdentifier(node); },
  });
  node.append(
    el('button', { type: 'button', class: 'decide decide-hub', text: 'Mark as hub', title: 'Decide that ' + identifier + ' never links ads',
      onclick: () => open('hub', 'Mark as hub', `Mark ${identifier} as a hub: it will never link ads, whatever its counts.`) }),
    el('button', { type: 'button', class: 'decide decide-never-hub', text: 'Never a hub', title: 'Decide that ' + identifier + ' always links ads',
      onclick: () => open('never-hub', 'Never a hub', `Mark ${identifier} as never a hub: it will always link ads, whatever its counts.`) }));
}

// ---- the cluster: merge and split ---------------------------------------------------------------------------------

function renderClusterActions() {
  const bar = $('cluster-actions');
  bar.hidden = state.readOnly || !state.cluster;
  if (bar.hidden) return;
  const host = $('cluster-action-form');
  $('merge-btn').onclick = () => openMerge(host);
  $('split-btn').onclick = () => openSplit(host);
}

function openMerge(host) {
  const cluster = state.cluster;
  const choices = el('datalist', { id: 'merge-choices' },
    state.context.clusters().filter(c => c.id !== cluster).map(c => el('option', { value: c.id, label: c.label || '' })));
  const other = el('input', { id: 'merge-other', maxlength: 200, size: 34, list: 'merge-choices', autocomplete: 'off',
    placeholder: 'Other cluster ID (paste it or pick one)', 'aria-label': 'Other cluster' });
  openForm(host, {
    title: `Merge cluster ${cluster} with another cluster: every later analysis puts their ads in one cluster.`, ok: 'Merge',
    fields: [el('label', {}, 'with cluster ', other), choices],
    build: () => {
      const id = other.value.trim();
      if (!id) throw new Error('Name the other cluster: paste its ID or pick one from the list.');
      if (id === cluster) throw new Error('A cluster cannot be merged with itself: name another cluster.');
      return { kind: 'merge', cluster, other: id };
    },
  });
  other.focus();
}

function openSplit(host) {
  const cluster = state.cluster;
  const ads = state.context.ads();
  const identifiers = state.context.identifiers();
  const rows = [];
  const row = (value, kind, label, detail) => {
    const a = el('input', { type: 'checkbox', class: 'side-a', 'aria-label': 'side A: ' + value });
    const b = el('input', { type: 'checkbox', class: 'side-b', 'aria-label': 'side B: ' + value });
    // One row is on one side at most.
    a.addEventListener('change', () => { if (a.checked) b.checked = false; });
    b.addEventListener('change', () => { if (b.checked) a.checked = false; });
    rows.push({ value, a, b });
    return el('tr', { class: 'split-' + kind, dataset: { value } }, el('td', {}, a), el('td', {}, b),
      el('td', { class: 'value', text: label, title: value }), el('td', { class: 'muted', text: detail }));
  };
  const table = el('table', { class: 'split-table' },
    el('thead', {}, el('tr', {}, el('th', { text: 'A' }), el('th', { text: 'B' }), el('th', { text: 'Ad or identifier' }), el('th', {}))),
    el('tbody', {},
      ads.slice(0, 500).map(a => row(a.key, 'ad', 'ad ' + a.key, a.detail || '')),
      identifiers.slice(0, 500).map(i => row(i.identifier, 'identifier', i.identifier, `${i.ads} ads`))));
  const note = ads.length || identifiers.length
    ? (ads.length > 500 || identifiers.length > 500 || state.context.truncated?.()
      ? 'Only part of the cluster is listed: an identifier stands for every ad of the cluster that mentions it.' : null)
    : 'The cluster\'s ads are not loaded (the graph is unavailable): use the form under Analyst decisions.';
  openForm(host, {
    title: `Split cluster ${cluster}: tick the ads or identifiers of each side; they never share a cluster again.`, ok: 'Split',
    fields: [note ? el('p', { class: 'muted', text: note }) : null, el('div', { class: 'split-scroll' }, table)],
    build: () => {
      const sideA = rows.filter(r => r.a.checked).map(r => r.value), sideB = rows.filter(r => r.b.checked).map(r => r.value);
      if (!sideA.length || !sideB.length) throw new Error('Tick at least one ad or identifier for each side (A and B).');
      return { kind: 'split', cluster, sideA, sideB };
    },
  });
}

// ---- an ad: not the same poster -----------------------------------------------------------------------------------

/** The cluster whose decisions the page holds (the open cluster), or null. */
export function decisionsCluster() { return state.cluster; }

/** The ad view's decision button: "Not the same poster as…" another ad of its cluster. Null in read-only mode. */
export function adActions(ad) {
  if (state.readOnly || !ad.clusterId) return null;
  const host = el('div', { class: 'ad-actions' });
  const open = () => {
    const others = ad.clusterId === state.cluster ? state.context.ads().filter(a => a.key !== ad.key) : [];
    // The cluster's other ads to choose from; an ad the page does not hold (another cluster, a truncated graph) is typed.
    const other = others.length
      ? el('select', { id: 'not-same-other', 'aria-label': 'The other ad' }, others.slice(0, 2000).map(a => el('option', { value: a.key, text: a.key })))
      : el('input', { id: 'not-same-other', maxlength: 400, placeholder: 'the other ad (key or ID)', 'aria-label': 'The other ad' });
    openForm(host, {
      title: `Ad ${ad.key} and another ad are not the same poster's: no later analysis puts them in one cluster.`, ok: 'Not the same poster',
      fields: [el('label', {}, 'other ad ', other)],
      build: () => {
        const b = other.value.trim();
        if (!b) throw new Error('Choose the other ad.');
        return { kind: 'not-same', adA: ad.key, adB: b };
      },
      restore: fill,
    });
  };
  const fill = () => clear(host).append(el('button', { type: 'button', class: 'decide decide-not-same', text: 'Not the same poster as…', onclick: open }));
  fill();
  return host;
}

// ---- the inline form ----------------------------------------------------------------------------------------------

// Replaces the host's content with a form: a question, the fields, a required reason, the button and Cancel. Only one
// form is open at a time; closing it restores the host (restore(), or empties it).
function openForm(host, { title, ok, fields = [], build, restore }) {
  closeForm();
  const why = el('textarea', { class: 'confirm-why', rows: 2, maxlength: 2000, placeholder: 'Why (required): what you know that the ads do not', 'aria-label': 'Reason' });
  const message = el('p', { class: 'confirm-error', role: 'alert' });
  message.hidden = true;
  const okButton = el('button', { type: 'submit', class: 'confirm-ok', text: ok });
  const form = el('form', { class: 'confirm', novalidate: 'novalidate' },
    el('p', { class: 'confirm-title', text: title }), ...fields, why, message,
    el('div', { class: 'confirm-buttons' }, okButton, el('button', { type: 'button', class: 'confirm-cancel', text: 'Cancel', onclick: () => closeForm() })));
  const fail = text => { message.textContent = visible(text); message.hidden = false; banner(text); };
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const reason = why.value.trim();
    if (!reason) { fail(NEED_REASON); why.focus(); return; }
    let body;
    try { body = build(); } catch (e) { fail(e.message); return; }
    okButton.disabled = true;
    let made;
    try { made = await api('/api/decisions', { body: { ...body, why: reason } }); } catch (e) { okButton.disabled = false; fail(e.message); return; }
    closeForm();
    banner(`Decision #${made.id} recorded (${made.effect}); ${APPLIES}`, 'ok');
    await loadDecisions(state.cluster);
    state.onChange();
  });
  clear(host).append(form);
  state.form = { host, restore: restore || (() => clear(host)) };
  why.focus();
}

function closeForm() {
  const open = state.form;
  state.form = null;
  if (open) open.restore();
}

// ---- typed by hand ------------------------------------------------------------------------------------------------

function hint() {
  const [target, other] = HINTS[$('decision-kind').value];
  $('decision-target').placeholder = target;
  $('decision-other').placeholder = other;
  $('decision-other').hidden = !other;
}

function split(text) { return text.split(',').map(s => s.trim()).filter(Boolean); }

async function submit() {
  const kind = $('decision-kind').value;
  const target = $('decision-target').value.trim();
  const other = $('decision-other').value.trim();
  const why = $('decision-why').value.trim();
  if (!why) { banner(NEED_REASON); return; }
  const body = { kind, why };
  if (kind === 'hub' || kind === 'never-hub') body.identifier = target;
  else if (kind === 'merge') Object.assign(body, { cluster: state.cluster, other: target });
  else if (kind === 'split') Object.assign(body, { cluster: state.cluster, sideA: split(target), sideB: split(other) });
  else Object.assign(body, { adA: target, adB: other });
  try {
    await api('/api/decisions', { body });
  } catch (e) { banner(e.message); return; }
  banner('Decision recorded: ' + APPLIES, 'ok');
  for (const id of ['decision-target', 'decision-other', 'decision-why']) $(id).value = '';
  await loadDecisions(state.cluster);
  state.onChange();
}

async function undo(id) {
  try { await api('/api/decisions/' + enc(id) + '/undo', { body: {} }); } catch (e) { banner(e.message); return; }
  banner(`Decision #${id} undone: ${APPLIES}`, 'ok');
  await loadDecisions(state.cluster);
  state.onChange();
}
