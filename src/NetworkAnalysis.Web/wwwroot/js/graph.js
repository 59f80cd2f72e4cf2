// The cluster graph: Cytoscape.js over ads and identifiers. Labels are drawn on a canvas, so ad text never becomes markup.
import { el, clear, api, enc, short, $ } from './dom.js';

const TYPE_COLOURS = { phone: '#3a7bd5', email: '#3fa34d', poster: '#e08a1e', image: '#8a5cc7', handle: '#c9487a', cashtag: '#c9487a', url: '#888888' };

export class ClusterGraph {
  constructor(container, callbacks) {
    this.container = container;
    this.callbacks = callbacks; // { onAd(id), onPathPick(key) }
    this.cy = null;
    this.reset();
  }

  reset() {
    this.clusterId = null;
    this.ads = new Map();        // node id -> ad data
    this.entities = new Map();   // node id -> entity data
    this.links = new Map();      // edge id -> { source, target }
    this.clusterAds = new Set();
    this.clusterEntities = new Set();
    this.expanded = new Map();   // entity node id -> Set of ad node ids it brought in
    this.pinned = new Set();     // ad node ids shown for an evidence path
    this.mode = 'entities';
    this.hideHubs = false;
    this.layoutName = 'auto';
    this.serverLayout = false;
  }

  async load(clusterId, mode, maxAds) {
    const started = performance.now();
    this.container.dataset.ready = '0';
    const query = [maxAds ? 'maxAds=' + enc(maxAds) : null, this.clientLayout ? 'layout=client' : null].filter(Boolean).join('&');
    const ticket = this.ticket = (this.ticket || 0) + 1;
    const data = await api('/api/clusters/' + enc(clusterId) + '/graph' + (query ? '?' + query : ''));
    if (ticket !== this.ticket) return null; // another cluster was opened while this one loaded
    this.container.dataset.fetchMs = String(Math.round(performance.now() - started));
    this.reset();
    this.clusterId = clusterId;
    this.truncated = data.truncated;
    this.totalAds = data.totalAds;
    this.serverLayout = data.layout === 'server';
    this.merge(data, true);
    this.mode = mode || 'entities';
    await this.render(started);
    return data;
  }

  merge(data, inCluster) {
    for (const a of data.ads) {
      if (!this.ads.has(a.id)) this.ads.set(a.id, a);
      if (inCluster) this.clusterAds.add(a.id);
    }
    for (const e of data.entities) {
      if (!this.entities.has(e.id)) this.entities.set(e.id, e);
      if (inCluster) this.clusterEntities.add(e.id);
    }
    for (const l of data.edges) this.links.set(l.id, l);
  }

  async toggleExpand(entityNodeId) {
    if (this.expanded.has(entityNodeId)) {
      this.expanded.delete(entityNodeId);
      this.render();
      return false;
    }
    const entity = this.entities.get(entityNodeId);
    const data = await api('/api/entities/' + enc(entity.rowId) + '/ads?limit=200&cluster=' + enc(this.clusterId));
    this.merge(data, false);
    this.expanded.set(entityNodeId, new Set(data.ads.map(a => a.id)));
    this.render();
    return true;
  }

  visible() {
    const entities = new Set([...this.clusterEntities].filter(id => !(this.hideHubs && this.entities.get(id).hub)));
    for (const id of this.expanded.keys()) entities.add(id);
    const ads = new Set(this.mode === 'full' ? this.clusterAds : []);
    for (const set of this.expanded.values()) for (const id of set) ads.add(id);
    for (const id of this.pinned) ads.add(id);
    return { ads, entities };
  }

  elements() {
    const { ads, entities } = this.visible();
    const nodes = [];
    for (const id of entities) {
      const e = this.entities.get(id);
      const size = 14 + 2 * Math.round(Math.min(26, Math.sqrt(e.ads) * 3) / 2);
      nodes.push(withPosition({ group: 'nodes', data: { id, kind: 'entity', label: short(e.label, 28), hub: e.hub ? 1 : 0, size },
        classes: `entity t-${TYPE_COLOURS[e.type] ? e.type : 'other'} s${size}${e.hub ? ' hub' : ''}` }, e));
    }
    for (const id of ads) {
      const a = this.ads.get(id), outside = a.clusterId !== this.clusterId;
      nodes.push(withPosition({ group: 'nodes', data: { id, kind: 'ad', label: short(a.label, 30), outside: outside ? 1 : 0 }, classes: outside ? 'ad outside' : 'ad' }, a, this.near(id)));
    }
    const edges = [];
    for (const [id, l] of this.links) {
      if (ads.has(l.source) && entities.has(l.target)) edges.push({ group: 'edges', data: { id, source: l.source, target: l.target } });
    }
    if (this.mode === 'entities') edges.push(...this.coMentions(entities));
    return nodes.concat(edges);
  }

  // An ad brought in by expanding an identifier has no server position: put it on a ring around that identifier.
  near(adId) {
    for (const [entityId, set] of this.expanded) {
      if (!set.has(adId)) continue;
      const e = this.entities.get(entityId);
      if (e == null || e.x == null) return null;
      const i = [...set].indexOf(adId), angle = (i / set.size) * 2 * Math.PI, r = 40 + 6 * Math.sqrt(set.size);
      return { x: e.x + r * Math.cos(angle), y: e.y + r * Math.sin(angle) };
    }
    return null;
  }

  // In the identifiers view, two identifiers are joined when one ad of the cluster names both.
  coMentions(entities) {
    const byAd = new Map();
    for (const l of this.links.values()) {
      if (!this.clusterAds.has(l.source) || !entities.has(l.target)) continue;
      if (!byAd.has(l.source)) byAd.set(l.source, []);
      byAd.get(l.source).push(l.target);
    }
    const pairs = new Map();
    for (const list of byAd.values()) {
      list.sort();
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
        const key = list[i] + '|' + list[j];
        pairs.set(key, (pairs.get(key) || 0) + 1);
      }
    }
    return [...pairs].map(([key, n]) => {
      const [source, target] = key.split('|');
      return { group: 'edges', data: { id: 'c:' + key, source, target, weight: n, co: 1 } };
    });
  }

  // Draws the visible part of the graph; the promise settles once it is laid out and framed.
  render(started) {
    const t0 = started ?? performance.now();
    this.container.dataset.ready = '0';
    const elements = this.elements();
    const count = elements.reduce((n, x) => n + (x.group === 'nodes' ? 1 : 0), 0);
    // Big graphs: no labels until zoomed in (measuring 2,000 labels costs more than drawing the graph). The class is set
    // on the new elements themselves, so Cytoscape styles each element once instead of restyling them all afterwards.
    this.big = count > BIG_GRAPH;
    this.labelsHidden = this.big;
    if (!this.big) for (const x of elements) if (x.group === 'nodes') x.classes += ' labelled';
    if (!this.cy) {
      // Created empty, then filled like every later render: elements passed to the constructor go through a layout
      // (by default a grid, with a fit over every label's box; even 'preset' sets each position again), only for the
      // layout below to place them.
      this.cy = cytoscape({
        container: this.container, style: STYLE, layout: { name: 'null' },
        textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1, minZoom: 0.05, maxZoom: 4,
      });
      this.bind();
    }
    this.cy.batch(() => { this.cy.elements().remove(); this.cy.add(elements); });
    const placed = this.serverLayout && elements.every(x => x.group !== 'nodes' || x.position);
    const name = this.layoutName === 'auto' ? (placed ? 'preset' : count <= 400 ? 'cose' : 'concentric') : this.layoutName;
    // fit: false, then fitToNodes(): Cytoscape's own fit measures every element's rendered box (labels included),
    // which costs more on a big graph than the layout itself; node positions and sizes are enough to frame the graph.
    const options = { name, animate: false, fit: false };
    if (name === 'cose') Object.assign(options, { numIter: 600, randomize: true, nodeDimensionsIncludeLabels: false });
    if (name === 'concentric') Object.assign(options, { concentric: n => n.degree(), levelWidth: () => 2, minNodeSpacing: 4 });
    const done = () => {
      this.fitToNodes(20);
      this.updateLabels();
      const ms = Math.round(performance.now() - t0);
      Object.assign(this.container.dataset, { ready: '1', nodes: String(count), edges: String(this.cy.edges().length), ms: String(ms) });
      const note = this.truncated ? ` (first ${this.clusterAds.size} of ${this.totalAds} ads)` : '';
      $('graph-status').textContent = `${count} nodes, ${this.cy.edges().length} links, ${ms} ms${note}`;
    };
    // Every node already stands where the server put it: running the preset layout would only set each position again.
    if (name === 'preset' && placed) { done(); return Promise.resolve(); }
    const layout = this.cy.layout(options);
    const stopped = new Promise(resolve => layout.one('layoutstop', () => { done(); resolve(); }));
    layout.run();
    return stopped;
  }

  // Frames every node (centre +- half its size; labels hang below, so a little more room at the bottom).
  fitToNodes(padding) {
    const nodes = this.cy.nodes();
    if (nodes.empty()) return;
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    nodes.forEach(n => {
      const p = n.position(), r = (n.data('kind') === 'ad' ? 10 : n.data('size') || 14) / 2;
      x1 = Math.min(x1, p.x - r); x2 = Math.max(x2, p.x + r); y1 = Math.min(y1, p.y - r); y2 = Math.max(y2, p.y + r + (this.labelsHidden ? 0 : 12));
    });
    const w = this.cy.width(), h = this.cy.height();
    this.needsFit = !w || !h; // drawn while its tab was hidden: framed when the tab shows again (resized())
    if (this.needsFit) return;
    const zoom = Math.max(this.cy.minZoom(), Math.min(this.cy.maxZoom(), Math.min((w - 2 * padding) / Math.max(1, x2 - x1), (h - 2 * padding) / Math.max(1, y2 - y1))));
    this.cy.viewport({ zoom, pan: { x: (w - zoom * (x1 + x2)) / 2, y: (h - zoom * (y1 + y2)) / 2 } });
  }

  updateLabels() {
    const hide = this.big && this.cy.zoom() < LABEL_ZOOM;
    if (hide === this.labelsHidden) return;
    this.labelsHidden = hide;
    this.cy.batch(() => { if (hide) this.cy.nodes().removeClass('labelled'); else this.cy.nodes().addClass('labelled'); });
  }

  bind() {
    this.cy.on('zoom', () => this.updateLabels());
    this.cy.on('tap', 'node[kind = "ad"]', ev => {
      const ad = this.ads.get(ev.target.id());
      if (ev.originalEvent && ev.originalEvent.shiftKey) this.callbacks.onPathPick(ad.label);
      else this.callbacks.onAd(ad.rowId);
    });
    this.cy.on('tap', 'node[kind = "entity"]', ev => this.callbacks.onEntity(ev.target.id()));
    this.cy.on('dbltap', 'node[kind = "entity"]', ev => this.callbacks.onToggle(ev.target.id()));
  }

  // The container changed size (its tab was shown again).
  resized() {
    if (!this.cy) return;
    this.cy.resize();
    if (this.needsFit) this.fitToNodes(20);
  }

  setLayout(name) { this.layoutName = name; if (this.clusterId) this.render(); }
  setMode(mode) { this.mode = mode; if (this.clusterId) this.render(); }
  setHideHubs(on) { this.hideHubs = on; if (this.clusterId) this.render(); }

  select(nodeId) {
    if (!this.cy) return;
    this.cy.$(':selected').unselect();
    const n = this.cy.getElementById(nodeId);
    if (n.nonempty()) { n.select(); this.cy.animate({ center: { eles: n } }, { duration: 200 }); }
  }

  adByKey(key) {
    for (const a of this.ads.values()) if (a.label === key) return a;
    return null;
  }

  async highlightPath(fromKey, toKey) {
    const from = this.adByKey(fromKey), to = this.adByKey(toKey);
    if (!from || !to) return 'both ads must be in this cluster (use their keys)';
    const result = await api('/api/clusters/' + enc(this.clusterId) + '/path?from=' + enc(from.rowId) + '&to=' + enc(to.rowId));
    if (!result.found) return result.explanation || 'no chain of shared identifiers links these ads';
    for (const id of result.path) if (id.startsWith('a:') && this.ads.has(id)) this.pinned.add(id);
    await this.render();
    this.cy.elements().removeClass('path');
    for (let i = 0; i < result.path.length; i++) {
      this.cy.getElementById(result.path[i]).addClass('path');
      if (i > 0) this.cy.edges().filter(e => (e.source().id() === result.path[i - 1] && e.target().id() === result.path[i]) ||
        (e.target().id() === result.path[i - 1] && e.source().id() === result.path[i])).addClass('path');
    }
    return result.explanation || `linked through ${result.path.filter(id => id.startsWith('e:')).length} shared identifier(s)`;
  }

  entityList(listNode, onToggle, onSelect) {
    clear(listNode);
    const sorted = [...this.clusterEntities].map(id => this.entities.get(id)).sort((a, b) => b.ads - a.ads || a.label.localeCompare(b.label));
    for (const e of sorted.slice(0, 1000)) {
      const expanded = this.expanded.has(e.id);
      listNode.append(el('li', { dataset: { node: e.id } },
        el('span', { class: 'type type-' + e.type, text: e.type }),
        el('span', { class: 'value', text: e.label }),
        el('span', { class: 'muted', text: e.ads + ' ads' }),
        e.hub ? el('span', { class: 'hub', text: 'hub (' + e.clusters + ' clusters)' }) : null,
        el('button', { type: 'button', class: 'linkish expand', text: expanded ? 'collapse' : 'expand', onclick: () => onToggle(e.id) }),
        el('button', { type: 'button', class: 'linkish', text: 'show', onclick: () => onSelect(e.id) })));
    }
  }

  adList(listNode, onAd) {
    clear(listNode);
    const ads = [...this.clusterAds].map(id => this.ads.get(id));
    for (const a of ads.slice(0, 500)) {
      listNode.append(el('li', {}, el('button', { type: 'button', class: 'linkish ad-link', text: a.label, onclick: () => onAd(a.rowId) }),
        el('span', { class: 'muted', text: [a.city, (a.postedAt || '').slice(0, 10)].filter(Boolean).join(' · ') })));
    }
    if (ads.length > 500) listNode.append(el('li', { class: 'muted', text: `… and ${ads.length - 500} more` }));
  }
}

const BIG_GRAPH = 600;
const LABEL_ZOOM = 1.2;

function withPosition(node, item, fallback) {
  if (item && item.x != null && item.y != null) node.position = { x: item.x, y: item.y };
  else if (fallback) node.position = fallback;
  return node;
}

// Styles hang on classes set when the elements are created (type, size step, hub, ad, labelled) rather than on data
// mappers: Cytoscape parses a mapped property again for every element, a class's properties once.
const STYLE = [
  { selector: 'node', style: { 'font-size': 9, 'min-zoomed-font-size': 7, 'text-valign': 'bottom', 'color': '#333' } },
  { selector: 'node.labelled', style: { 'label': 'data(label)' } },
  { selector: 'node.entity', style: { 'background-color': '#777' } },
  ...Object.entries(TYPE_COLOURS).map(([type, colour]) => ({ selector: 'node.t-' + type, style: { 'background-color': colour } })),
  ...Array.from({ length: 14 }, (_, i) => 14 + 2 * i).map(size => ({ selector: 'node.s' + size, style: { 'width': size, 'height': size } })),
  { selector: 'node.hub', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#a33' } },
  { selector: 'node.ad', style: { 'shape': 'round-rectangle', 'background-color': '#9aa5b1', 'width': 10, 'height': 10, 'font-size': 7, 'min-zoomed-font-size': 9 } },
  { selector: 'node.outside', style: { 'background-color': '#f0b429' } },
  { selector: 'edge', style: { 'width': 1, 'line-color': '#c5ccd6', 'curve-style': 'haystack' } },
  { selector: 'edge[co = 1]', style: { 'width': 'mapData(weight, 1, 20, 1, 6)', 'line-color': '#aab4c2' } },
  { selector: ':selected', style: { 'border-width': 3, 'border-color': '#111' } },
  { selector: 'node.path', style: { 'background-color': '#d62828', 'border-width': 3, 'border-color': '#7a0f0f', 'z-index': 10 } },
  { selector: 'edge.path', style: { 'line-color': '#d62828', 'width': 4, 'z-index': 10 } },
];
