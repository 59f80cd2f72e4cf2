// Analysts' decisions on the open cluster: each listed with its effect and an Undo button, and a form to make one
// (merge with another cluster, split, not-same, hub or never-hub on an identifier) whose reason is required.
// Text from the case and from analysts goes in through el()/textContent only.
import { el, clear, api, enc, banner, $ } from './dom.js';

const HINTS = {
  merge: ['Other cluster ID', ''],
  split: ['Side A: ads or identifiers, comma-separated', 'Side B: ads or identifiers'],
  'not-same': ['Ad A (key or ID)', 'Ad B (key or ID)'],
  hub: ['Identifier (phone, e-mail, handle or type:value)', ''],
  'never-hub': ['Identifier (phone, e-mail, handle or type:value)', ''],
};

const state = { cluster: null, readOnly: false, onChange: () => {} };

export function initDecisions({ readOnly, onChange }) {
  state.readOnly = readOnly;
  state.onChange = onChange || state.onChange;
  $('decision-kind').addEventListener('change', hint);
  $('decision-form').addEventListener('submit', ev => { ev.preventDefault(); submit(); });
  if (readOnly) for (const id of ['decision-kind', 'decision-target', 'decision-other', 'decision-why', 'decision-btn']) $(id).disabled = true;
  hint();
}

/** Prefills the form with an identifier (e.g. the entity selected in the graph) for a hub or never-hub decision. */
export function proposeIdentifier(identifier) {
  if (state.readOnly || !identifier) return;
  if (!['hub', 'never-hub'].includes($('decision-kind').value)) { $('decision-kind').value = 'hub'; hint(); }
  $('decision-target').value = identifier;
}

export async function loadDecisions(cluster) {
  state.cluster = cluster;
  let items;
  try { items = await api('/api/clusters/' + enc(cluster) + '/decisions'); } catch (e) { banner(e.message); return; }
  if (state.cluster !== cluster) return;
  const list = clear($('decision-list'));
  if (!items.length) list.append(el('li', { class: 'muted', text: 'No analyst decision shapes this cluster.' }));
  for (const d of items) {
    list.append(el('li', { class: 'decision', dataset: { decision: String(d.id) } }, el('span', { text: `#${d.id} ${d.effect}` }),
      state.readOnly ? null : el('button', { type: 'button', class: 'undo', text: 'Undo', title: 'Undo this decision', onclick: () => undo(d.id) })));
  }
}

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
  if (!why) { banner('A decision needs a reason: say what you know that the ads do not.'); return; }
  const body = { kind, why };
  if (kind === 'hub' || kind === 'never-hub') body.identifier = target;
  else if (kind === 'merge') Object.assign(body, { cluster: state.cluster, other: target });
  else if (kind === 'split') Object.assign(body, { cluster: state.cluster, sideA: split(target), sideB: split(other) });
  else Object.assign(body, { adA: target, adB: other });
  try {
    await api('/api/decisions', { body });
  } catch (e) { banner(e.message); return; }
  banner('Decision recorded: the next `netan analyze` applies it.');
  for (const id of ['decision-target', 'decision-other', 'decision-why']) $(id).value = '';
  await loadDecisions(state.cluster);
  state.onChange();
}

async function undo(id) {
  try { await api('/api/decisions/' + enc(id) + '/undo', { body: {} }); } catch (e) { banner(e.message); return; }
  await loadDecisions(state.cluster);
  state.onChange();
}
