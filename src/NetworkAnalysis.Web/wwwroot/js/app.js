// The workbench page: search, cluster list, cluster view (graph, timeline, movement, map, structure, review, export) and the ad view.
import { el, clear, api, enc, banner, visible, $ } from './dom.js';
import { ClusterGraph } from './graph.js';
import { showAd } from './ad.js';
import { initDecisions, loadDecisions, proposeIdentifier, identifierControls } from './decisions.js';
import { startSession, initUsersPanel } from './team.js';
import { initReview, loadReview } from './review.js';

const state = { info: null, page: 0, pageSize: 50, cluster: null, graph: null, structure: null, hitClusters: [] };

async function start() {
  // Registered before anything awaits, so an early submit never falls back to a page load.
  $('search-form').addEventListener('submit', ev => { ev.preventDefault(); if (state.info) search($('search').value); });
  if (typeof cytoscape === 'undefined') {
    banner('Cytoscape.js did not load (GET /lib/cytoscape.min.js failed). Run `npm ci` in the repository root, then rebuild netan; the graph is unavailable until then.');
  }
  // A team case shows its login form instead of the workbench until someone logs in.
  if (!await startSession()) return;
  try {
    state.info = await api('/api/info');
  } catch (e) {
    if (e.status !== 401) banner('Cannot reach the case: ' + e.message);
    return;
  }
  const i = state.info;
  $('case-info').textContent = visible(`${i.casePath}: ${i.counts.ads.toLocaleString()} ads, ${i.counts.clusters.toLocaleString()} clusters · analyst ${i.analyst}${i.readOnly ? ' · read-only' : ''}`);
  if (i.readOnly) for (const id of ['status', 'tag-input', 'note-input', 'note-btn']) $(id).disabled = true;
  // A reviewer of a team case: the write forms are hidden, not only disabled (the server refuses them with 403 anyway).
  if (i.team && i.readOnly) for (const id of ['tag-form', 'note-form', 'decision-form']) $(id).hidden = true;
  if (!i.can.export) for (const kind of ['referral', 'graphml', 'neo4j']) $('export-' + kind).hidden = true;
  initReview({ can: i.can, onChange: () => loadAudit() });
  if (i.can.manageUsers) initUsersPanel();
  if (typeof cytoscape !== 'undefined') {
    state.graph = new ClusterGraph($('graph'), {
      onAd: id => showAd(id, openCluster),
      onEntity: id => selectEntity(id),
      onToggle: id => toggleEntity(id),
      onPathPick: key => { const f = $('path-from'); if (!f.value || $('path-to').value) { f.value = key; $('path-to').value = ''; } else $('path-to').value = key; },
    }, i.palette, $('graph-legend'));
  }
  wire();
  initDecisions({ readOnly: i.readOnly, onChange: () => { loadAudit(); loadReview(state.cluster); }, context: { ads: clusterAds, identifiers: clusterIdentifiers, clusters: knownClusters, truncated: () => !!state.graph?.truncated } });
  // The cluster list and a cluster named in the address load side by side (neither needs the other).
  await Promise.all([loadClusters(), route()]);
  document.body.dataset.ready = '1';
}

function wire() {
  for (const id of ['sort', 'status-filter']) $(id).addEventListener('change', () => { state.page = 0; loadClusters(); });
  for (const id of ['min-size', 'city-filter']) $(id).addEventListener('change', () => { state.page = 0; loadClusters(); });
  $('prev').addEventListener('click', () => { if (state.page > 0) { state.page--; loadClusters(); } });
  $('next').addEventListener('click', () => { state.page++; loadClusters(); });
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));
  $('layout').addEventListener('change', ev => state.graph?.setLayout(ev.target.value));
  $('view-mode').addEventListener('change', ev => state.graph?.setMode(ev.target.value));
  $('hide-hubs').addEventListener('change', ev => state.graph?.setHideHubs(ev.target.checked));
  $('path-btn').addEventListener('click', async () => {
    if (!state.graph) return;
    $('path-status').textContent = 'searching…';
    try { $('path-status').textContent = visible(await state.graph.highlightPath($('path-from').value.trim(), $('path-to').value.trim())); }
    catch (e) { $('path-status').textContent = visible(e.message); }
  });
  $('link-btn').addEventListener('click', linkStrength);
  $('status').addEventListener('change', ev => annotate({ status: ev.target.value }));
  $('tag-form').addEventListener('submit', ev => { ev.preventDefault(); const t = $('tag-input').value.trim(); if (t) annotate({ addTag: t }).then(() => { $('tag-input').value = ''; }); });
  $('note-form').addEventListener('submit', ev => { ev.preventDefault(); const n = $('note-input').value; if (n.trim()) annotate({ note: n }).then(() => { $('note-input').value = ''; }); });
  window.addEventListener('hashchange', route);
}

async function route() {
  const m = /^#\/cluster\/([^?]+)(?:\?(.*))?$/.exec(location.hash);
  if (!m) return;
  const params = new URLSearchParams(m[2] || '');
  const view = params.get('view') === 'full' ? 'full' : undefined;
  const maxAds = /^\d+$/.test(params.get('maxAds') || '') ? Number(params.get('maxAds')) : undefined;
  // ?layout=client makes the browser lay out even big graphs itself (the benchmark's comparison run).
  if (state.graph) state.graph.clientLayout = params.get('layout') === 'client';
  await showCluster(decodeURIComponent(m[1]), view, maxAds);
}

export function openCluster(id, view) {
  const hash = '#/cluster/' + enc(id) + (view ? '?view=' + view : '');
  if (location.hash === hash) return showCluster(id, view);
  location.hash = hash;
  return null;
}

async function search(q) {
  const list = clear($('hits'));
  $('search-results').hidden = false;
  if (!q.trim()) return;
  list.append(el('li', { class: 'muted', text: 'Searching…' }));
  let hits;
  try { hits = await api('/api/search?q=' + enc(q)); } catch (e) { clear(list).append(el('li', { text: e.message })); return; }
  clear(list);
  state.hitClusters = hits.filter(h => h.clusterId).map(h => ({ id: h.clusterId, label: 'search: ' + (h.kind === 'entity' ? `${h.entityType} ${h.label}` : h.label) }));
  if (!hits.length) list.append(el('li', { class: 'muted', text: 'Nothing matches.' }));
  for (const h of hits) {
    const label = h.kind === 'entity' ? `${h.entityType} ${h.label}` : h.label;
    const detail = h.kind === 'entity' ? `${h.ads} ads in ${h.clusters} cluster(s)` : (h.kind === 'ad' ? 'ad' : 'text match');
    list.append(el('li', { class: 'hit hit-' + h.kind },
      el('button', { type: 'button', class: 'hit-open', text: label, onclick: () => openHit(h) }),
      el('span', { class: 'muted', text: ' ' + detail }),
      h.snippet ? el('span', { class: 'snippet', text: h.snippet }) : null));
  }
}

async function openHit(h) {
  if (h.adId) showAd(h.adId, openCluster);
  if (h.clusterId) {
    state.pendingEntity = h.entityId ? 'e:' + h.entityId : null;
    await openCluster(h.clusterId);
  }
}

async function loadClusters() {
  const q = new URLSearchParams({
    sort: $('sort').value, minSize: $('min-size').value || '1', city: $('city-filter').value, status: $('status-filter').value,
    offset: String(state.page * state.pageSize), limit: String(state.pageSize),
  });
  let page;
  try { page = await api('/api/clusters?' + q); } catch (e) { banner(e.message); return; }
  const body = clear(document.querySelector('#cluster-table tbody'));
  for (const c of page.items) {
    body.append(el('tr', { dataset: { cluster: c.id }, class: c.id === state.cluster ? 'current' : null, onclick: () => openCluster(c.id) },
      el('td', { text: c.id, title: c.id }), el('td', { text: c.size }), el('td', { text: (c.lastSeen || '').slice(0, 10) }),
      el('td', { text: c.cities[0] || '', title: c.cities.join(', ') }), el('td', { text: c.risk === null ? '–' : c.risk.toFixed(2) }),
      el('td', { text: c.status })));
  }
  const from = page.total ? state.page * state.pageSize + 1 : 0;
  $('page-info').textContent = `${from}–${state.page * state.pageSize + page.items.length} of ${page.total.toLocaleString()}` +
    ($('sort').value === 'risk' && !page.riskAvailable ? ' (no risk scores yet: sorted by size)' : '');
  $('next').disabled = (state.page + 1) * state.pageSize >= page.total;
  $('prev').disabled = state.page === 0;
}

async function showCluster(id, view, maxAds) {
  state.cluster = id;
  for (const tr of document.querySelectorAll('#cluster-table tbody tr')) tr.classList.toggle('current', tr.dataset.cluster === id);
  // Charts load when their tab opens: a large cluster's SVG should not compete with the graph.
  $('timeline-img').removeAttribute('src');
  $('movement-img').removeAttribute('src');
  $('map-img').removeAttribute('src');
  state.structure = null;
  showEntityDetail(null);
  $('tabs').hidden = false;
  showTab('graph');
  // The graph's request goes out with the cluster's details, not after them (it is the slow one).
  let graphLoad = null;
  if (state.graph) {
    $('view-mode').value = view || 'entities';
    graphLoad = state.graph.load(id, $('view-mode').value, maxAds).then(d => d !== null, e => { banner(e.message); return false; });
  }
  let data;
  try { data = await api('/api/clusters/' + enc(id)); } catch (e) { banner(e.message); await graphLoad; return; }
  const c = data.cluster;
  $('cluster-title').textContent = visible('Cluster ' + c.id);
  $('cluster-meta').textContent = visible(`${c.size} ads · ${c.phones} phones · ${c.emails} e-mails · ${c.entities} identifiers · ` +
    `${(c.firstSeen || '?').slice(0, 10)} to ${(c.lastSeen || '?').slice(0, 10)} · ${c.cities.slice(0, 6).join(', ')}` +
    (c.risk === null ? '' : ` · risk ${c.risk.toFixed(2)}`));
  renderAnnotations(data.annotations);
  loadDecisions(id);
  loadReview(id);
  for (const kind of ['referral', 'graphml', 'neo4j']) $('export-' + kind).setAttribute('href', '/api/clusters/' + enc(id) + '/export/' + kind);
  if (graphLoad && await graphLoad && state.cluster === id) {
    refreshLists();
    if (state.structure === id) fillAdChoices();
    if (state.pendingEntity) { selectEntity(state.pendingEntity); state.pendingEntity = null; }
  }
  loadAudit();
}

function refreshLists() {
  state.graph.entityList($('entity-list'), toggleEntity, selectEntity, e => identifierControls(e.type + ':' + e.label, e.type));
  state.graph.adList($('ad-list'), id => showAd(id, openCluster));
}

async function toggleEntity(nodeId) {
  try { await state.graph.toggleExpand(nodeId); } catch (e) { banner(e.message); }
  refreshLists();
  selectEntity(nodeId);
}

function selectEntity(nodeId) {
  for (const li of document.querySelectorAll('#entity-list li')) li.classList.toggle('selected', li.dataset.node === nodeId);
  state.graph?.select(nodeId);
  showEntityDetail(nodeId);
  proposeIdentifier(state.graph?.identifierOf?.(nodeId));
}

// The identifier selected in the graph or the list: what it is, and its decision (or the buttons to make one).
function showEntityDetail(nodeId) {
  const box = clear($('entity-detail'));
  const e = nodeId && state.graph ? state.graph.entities.get(nodeId) : null;
  box.hidden = !e;
  if (!e) { delete box.dataset.node; return; }
  box.dataset.node = nodeId;
  box.append(el('span', { class: 'type type-' + e.type, text: e.type }), el('span', { class: 'value', text: e.label, title: e.label }),
    el('span', { class: 'muted', text: `${e.ads} ads · ${e.clusters} cluster(s)` }),
    ...(e.hub ? [el('span', { class: 'hub', text: 'hub in the current analysis' })] : []),
    identifierControls(e.type + ':' + e.label, e.type, { detail: true }));
}

// What the decision forms offer: the open cluster's ads and identifiers as the graph holds them, and clusters listed or found.
function clusterAds() {
  const g = state.graph;
  if (!g || g.clusterId !== state.cluster) return [];
  return [...g.clusterAds].map(id => g.ads.get(id)).map(a => ({ key: a.label, detail: [a.city, (a.postedAt || '').slice(0, 10)].filter(Boolean).join(' · ') }));
}

function clusterIdentifiers() {
  const g = state.graph;
  if (!g || g.clusterId !== state.cluster) return [];
  return [...g.clusterEntities].map(id => g.entities.get(id)).filter(e => e.type !== 'url')
    .sort((a, b) => b.ads - a.ads || a.label.localeCompare(b.label)).map(e => ({ identifier: e.type + ':' + e.label, ads: e.ads }));
}

function knownClusters() {
  const seen = new Map();
  for (const tr of document.querySelectorAll('#cluster-table tbody tr')) seen.set(tr.dataset.cluster, { id: tr.dataset.cluster, label: tr.children[1].textContent + ' ads' });
  for (const h of state.hitClusters) if (!seen.has(h.id)) seen.set(h.id, h);
  return [...seen.values()];
}

function showTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
  for (const t of ['graph', 'timeline', 'movement', 'map', 'structure', 'notes']) $('tab-' + t).hidden = t !== name;
  if ((name === 'timeline' || name === 'movement' || name === 'map') && state.cluster && !$(name + '-img').getAttribute('src')) {
    $(name + '-img').src = '/api/clusters/' + enc(state.cluster) + '/' + name + '.svg';
  }
  if (name === 'graph') state.graph?.resized();
  if (name === 'structure' && state.cluster && state.structure !== state.cluster) loadStructure(state.cluster);
}

// The Structure tab: what holds the cluster together (the same analysis as `netan show` and the referral report).
async function loadStructure(id) {
  state.structure = id;
  const points = clear($('structure-points')), bridges = clear($('structure-bridges'));
  clear($('link-cut'));
  $('link-status').textContent = '';
  $('structure-summary').textContent = 'Loading…';
  fillAdChoices();
  let s;
  try { s = await api('/api/clusters/' + enc(id) + '/structure'); } catch (e) { if (state.cluster === id) { $('structure-summary').textContent = visible(e.message); state.structure = null; } return; }
  if (state.cluster !== id) return;
  $('structure-summary').textContent = `${s.ads.toLocaleString()} ads, ${s.identifiers.toLocaleString()} linking identifiers, ${s.links.toLocaleString()} links, ${s.pieces} piece(s)` +
    (s.articulation_points.length || s.bridges.length ? '' : ': no single identifier, ad or link holds it together');
  for (const p of s.articulation_points.slice(0, 500)) {
    points.append(el('li', { dataset: { node: p.node || '' } },
      el('span', { class: 'muted', text: p.kind }),
      el('button', { type: 'button', class: 'linkish value cut-point', text: p.label, title: p.label, onclick: ev => highlight(ev, [p.node], [], `${p.kind === 'ad' ? 'ad ' : ''}${p.label} holds ${p.ads_cut_off} ad(s) to the rest`) }),
      el('span', { class: 'muted', text: `holds ${p.ads_cut_off} ad(s)` }),
      // An identifier holding the cluster together may be a booking line the hub rule missed: its hub buttons are here.
      p.kind === 'identifier' ? identifierControls(p.label, p.label.slice(0, p.label.indexOf(':'))) : null));
  }
  if (s.articulation_points.length > 500) points.append(el('li', { class: 'muted', text: `… and ${s.articulation_points.length - 500} more` }));
  for (const b of s.bridges.slice(0, 500)) {
    const text = b.weak ? `ad ${b.ad} ~ ad ${b.to}` : `ad ${b.ad} mentions ${b.to}`;
    bridges.append(el('li', { dataset: { node: b.to_node || '' } },
      el('button', { type: 'button', class: 'linkish value bridge', text, title: text, onclick: ev => highlight(ev, [b.ad_node, b.to_node], [[b.ad_node, b.to_node]], `bridge: ${text} holds ${b.ads_cut_off} ad(s) to the rest`) }),
      el('span', { class: 'muted', text: `holds ${b.ads_cut_off} ad(s)` })));
  }
  if (s.bridges.length > 500) bridges.append(el('li', { class: 'muted', text: `… and ${s.bridges.length - 500} more` }));
}

// Shows the graph with the picked nodes (and links) marked; ads not drawn in the identifiers view are brought in.
async function highlight(ev, nodes, links, what) {
  for (const li of document.querySelectorAll('#tab-structure li.selected')) li.classList.remove('selected');
  ev.currentTarget.closest('li')?.classList.add('selected');
  if (!state.graph) { banner('The graph is unavailable (Cytoscape.js did not load).'); return; }
  showTab('graph');
  const shown = await state.graph.highlight(nodes.filter(Boolean), links.filter(l => l[0] && l[1]));
  $('path-status').textContent = visible(shown ? 'Marked: ' + what : what + ' (not drawn: the graph shows the first ads only)');
}

// The ads of the cluster the graph holds, as choices for the link-strength question (text through visible(), values row IDs).
function fillAdChoices() {
  // (Until the cluster's graph has loaded there are none: the graph may still hold the previous cluster's.)
  const ads = state.graph && state.graph.clusterId === state.cluster ? [...state.graph.clusterAds].map(id => state.graph.ads.get(id)).slice(0, 2000) : [];
  for (const [sel, at] of [[$('link-from'), 0], [$('link-to'), 1]]) {
    clear(sel);
    for (const a of ads) sel.append(el('option', { value: String(a.rowId), text: a.label }));
    if (ads.length > at) sel.selectedIndex = at;
  }
  $('link-btn').disabled = ads.length < 2;
}

async function linkStrength() {
  const id = state.cluster, from = $('link-from').value, to = $('link-to').value, cut = clear($('link-cut'));
  $('link-status').textContent = 'counting…';
  let r;
  try { r = await api('/api/clusters/' + enc(id) + '/link?from=' + enc(from) + '&to=' + enc(to)); } catch (e) { $('link-status').textContent = visible(e.message); return; }
  if (state.cluster !== id) return;
  $('link-status').textContent = visible(r.explanation);
  for (const label of r.cut_identifiers) cut.append(el('li', { class: 'cut-identifier', text: label }));
  if (r.cut_nodes.length) {
    cut.append(el('li', {}, el('button', { type: 'button', class: 'linkish', text: 'show the cut in the graph',
      onclick: ev => highlight(ev, r.cut_nodes, [], `the link hangs on ${r.cut_identifiers.length} identifier(s)`) })));
  }
}

async function annotate(change) {
  try {
    renderAnnotations(await api('/api/clusters/' + enc(state.cluster) + '/annotations', { body: change }));
    loadReview(state.cluster);
    loadClusters();
    loadAudit();
  } catch (e) { banner(e.message); }
}

function renderAnnotations(a) {
  $('status').value = a.status;
  $('status-by').textContent = visible(a.statusBy ? `set by ${a.statusBy} at ${a.statusAt}` : '');
  const tags = clear($('tags'));
  for (const t of a.tags) {
    tags.append(el('li', {}, t, state.info.readOnly ? null : el('button', { type: 'button', title: 'remove tag', text: '×', onclick: () => annotate({ removeTag: t }) })));
  }
  const notes = clear($('notes'));
  for (const n of a.notes) notes.append(el('li', { class: 'note' }, el('div', { text: n.text }), el('span', { class: 'muted', text: `${n.who}, ${n.at}` })));
}

async function loadAudit() {
  const list = clear($('audit'));
  try {
    for (const e of await api('/api/audit?limit=15&target=' + enc(state.cluster))) list.append(el('li', { text: `${e.at} ${e.actor} ${e.action}` }));
  } catch { /* the audit trail is informative only */ }
}

start();
