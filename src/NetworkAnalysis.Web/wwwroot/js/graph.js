// The cluster graph: Cytoscape.js over ads and identifiers. Labels are drawn on a canvas, so ad text never becomes markup.
import { el, clear, api, enc, visible, $ } from './dom.js';

// Colours come from the server (/api/info palette: the Reporting charts' ChartPalette), so an identifier type has one
// colour in the graph, the legend and every SVG chart.
export class ClusterGraph {
  constructor(container, callbacks, palette, legend) {
    this.container = container;
    this.callbacks = callbacks; // { onAd(id), onPathPick(key) }
    this.palette = palette || { ad: '#4c6ef5', types: {} };
    this.legend = legend;
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
      // Size follows the ads that name the identifier, within a small range (10 to 22 px), so no circle swamps the labels.
      const size = MIN_SIZE + 2 * Math.round(Math.min(MAX_SIZE - MIN_SIZE, Math.sqrt(e.ads) * 2) / 2);
      nodes.push(withPosition({ group: 'nodes', data: { id, kind: 'entity', label: shorten(visible(e.label)), full: e.type + ': ' + visible(e.label), hub: e.hub ? 1 : 0, size },
        classes: `entity t-${this.palette.types[e.type] ? e.type : 'other'} s${size}${e.hub ? ' hub' : ''}` }, e));
    }
    for (const id of ads) {
      const a = this.ads.get(id), outside = a.clusterId !== this.clusterId;
      nodes.push(withPosition({ group: 'nodes', data: { id, kind: 'ad', label: shorten(visible(a.label)), full: 'ad ' + visible(a.label), outside: outside ? 1 : 0 }, classes: outside ? 'ad outside' : 'ad' }, a, this.near(id)));
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
    delete this.container.dataset.cut; // new elements carry no marks
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
        container: this.container, style: style(this.palette), layout: { name: 'null' },
        textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1, minZoom: 0.05, maxZoom: 4,
      });
      this.bind();
    }
    this.boxes = null;
    this.cy.batch(() => { this.cy.elements().remove(); this.cy.add(elements); });
    const placed = this.serverLayout && elements.every(x => x.group !== 'nodes' || x.position);
    const name = this.layoutName === 'auto' ? (placed ? 'preset' : count <= 400 ? 'cose' : 'concentric') : this.layoutName;
    // fit: false, then fitToNodes(): Cytoscape's own fit measures every element's rendered box (labels included),
    // which costs more on a big graph than the layout itself; node positions and sizes are enough to frame the graph.
    const options = { name, animate: false, fit: false };
    if (name === 'cose') Object.assign(options, { numIter: 600, randomize: true, nodeDimensionsIncludeLabels: false });
    if (name === 'concentric') Object.assign(options, { concentric: n => n.degree(), levelWidth: () => 2, minNodeSpacing: 4 });
    const done = () => {
      if (count <= SPREAD_LABELS) this.spreadLabels();
      this.fitToNodes(20);
      this.drawLegend();
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
    if (this.boxes) {
      // Small graphs: the label boxes measured by spreadLabels(), so long labels are framed too.
      for (const b of this.boxes) { x1 = Math.min(x1, b.x1); x2 = Math.max(x2, b.x2); y1 = Math.min(y1, b.y1); y2 = Math.max(y2, b.y2); }
    } else {
      nodes.forEach(n => {
        const p = n.position(), r = (n.data('kind') === 'ad' ? AD_SIZE : n.data('size') || MIN_SIZE) / 2;
        x1 = Math.min(x1, p.x - r); x2 = Math.max(x2, p.x + r); y1 = Math.min(y1, p.y - r); y2 = Math.max(y2, p.y + r + (this.labelsHidden ? 0 : 12));
      });
    }
    const w = this.cy.width(), h = this.cy.height();
    this.needsFit = !w || !h; // drawn while its tab was hidden: framed when the tab shows again (resized())
    if (this.needsFit) return;
    // Never blown up past FIT_MAX_ZOOM (a 14-node cluster stays at a readable scale), and a labelled graph is never shrunk
    // below LABEL_MIN_ZOOM, where its labels would be too small to read (it is centred; the rest is a pan away).
    const fit = Math.min((w - 2 * padding) / Math.max(1, x2 - x1), (h - 2 * padding) / Math.max(1, y2 - y1));
    const floor = this.labelsHidden ? this.cy.minZoom() : LABEL_MIN_ZOOM;
    const zoom = Math.max(floor, Math.min(FIT_MAX_ZOOM, fit));
    this.cy.viewport({ zoom, pan: { x: (w - zoom * (x1 + x2)) / 2, y: (h - zoom * (y1 + y2)) / 2 } });
  }

  // Small graphs (up to SPREAD_LABELS nodes): moves nodes apart until no two boxes of node plus label overlap. Boxes are
  // measured once in model coordinates (label sizes do not change as nodes move), then separated along the axis of least
  // overlap, a few hundred sweeps at most: a 150-node graph is 11,175 pairs a sweep.
  spreadLabels() {
    const nodes = this.cy.nodes().toArray();
    const items = nodes.map(n => {
      const p = n.position(), b = n.boundingBox({ includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false });
      return { n, x: p.x, y: p.y, l: b.x1 - p.x - GAP, r: b.x2 - p.x + GAP, t: b.y1 - p.y - GAP, b: b.y2 - p.y + GAP };
    });
    // Force layouts leave far more room than the labels need: draw the layout in about the room its boxes take (boxes
    // cover about a third of it), keeping its shape, before separating them, so the graph is framed at a readable zoom.
    let area = 0, x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity, cx = 0, cy = 0;
    for (const it of items) {
      area += (it.r - it.l) * (it.b - it.t);
      x1 = Math.min(x1, it.x); x2 = Math.max(x2, it.x); y1 = Math.min(y1, it.y); y2 = Math.max(y2, it.y);
      cx += it.x / items.length; cy += it.y / items.length;
    }
    const scale = Math.sqrt(3 * area / Math.max(1, (x2 - x1) * (y2 - y1)));
    if (scale < 1) for (const it of items) { it.x = cx + (it.x - cx) * scale; it.y = cy + (it.y - cy) * scale; }
    for (let sweep = 0; sweep < 400; sweep++) {
      let moved = false;
      for (let i = 0; i < items.length; i++) {
        const a = items[i];
        for (let j = i + 1; j < items.length; j++) {
          const c = items[j];
          const ox = Math.min(a.x + a.r, c.x + c.r) - Math.max(a.x + a.l, c.x + c.l);
          const oy = Math.min(a.y + a.b, c.y + c.b) - Math.max(a.y + a.t, c.y + c.t);
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          if (ox < oy) { const d = (ox / 2 + 0.5) * (a.x <= c.x ? 1 : -1); a.x -= d; c.x += d; }
          else { const d = (oy / 2 + 0.5) * (a.y <= c.y ? 1 : -1); a.y -= d; c.y += d; }
        }
      }
      if (!moved) break;
    }
    this.cy.batch(() => { for (const it of items) it.n.position({ x: it.x, y: it.y }); });
    this.boxes = items.map(it => ({ x1: it.x + it.l, x2: it.x + it.r, y1: it.y + it.t, y2: it.y + it.b }));
  }

  // The legend: one swatch per identifier type drawn, in the palette's colours, plus ads and the hub marking.
  drawLegend() {
    if (!this.legend) return;
    clear(this.legend);
    const types = [...new Set(this.cy.nodes('.entity').map(n => this.entities.get(n.id())?.type).filter(Boolean))].sort();
    // Colours are set through the CSSOM: the page's Content-Security-Policy forbids style attributes.
    const item = (colour, text, attrs) => {
      const swatch = el('span', { class: 'swatch' });
      swatch.style.backgroundColor = colour;
      return el('li', attrs, swatch, el('span', { text }));
    };
    this.legend.append(item(this.palette.ad, 'ad', { class: 'legend-ad' }));
    for (const t of types) this.legend.append(item(this.palette.types[t] || OTHER, t, { dataset: { type: t } }));
    if (this.cy.nodes('.hub').nonempty()) this.legend.append(item('transparent', 'hub (dashed red ring): never merges clusters', { class: 'legend-hub' }));
  }

  updateLabels() {
    const hide = this.big && this.cy.zoom() < LABEL_ZOOM;
    if (hide === this.labelsHidden) return;
    this.labelsHidden = hide;
    this.cy.batch(() => { if (hide) this.cy.nodes().removeClass('labelled'); else this.cy.nodes().addClass('labelled'); });
  }

  bind() {
    this.cy.on('zoom', () => this.updateLabels());
    // Cytoscape caches where its container is on the page and refreshes that only when something scrolls or the
    // container resizes. Text that arrives above the graph later (the status line wrapping, the cluster's details)
    // moves the graph without either, and every hover and click then lands on the wrong node. Forget the cached place
    // before Cytoscape's own handlers (registered on the window, bubbling) read it: a capturing listener runs first.
    const forget = () => { const r = this.cy && this.cy.renderer(); if (r && r.invalidateContainerClientCoordsCache) r.invalidateContainerClientCoordsCache(); };
    for (const type of ['mousemove', 'mousedown', 'mouseup', 'wheel', 'touchstart']) window.addEventListener(type, forget, { capture: true, passive: true });
    // The full value (labels are shortened) as the canvas's tooltip while the pointer is on a node.
    this.cy.on('mouseover', 'node', ev => { this.container.title = ev.target.data('full') || ''; });
    this.cy.on('mouseout', 'node', () => { this.container.title = ''; });
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

  /** The identifier (type:value, as decisions name it) of an entity node, or null. */
  identifierOf(nodeId) {
    const e = this.entities.get(nodeId);
    return e ? e.type + ':' + e.label : null;
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
    this.cy.elements().removeClass('path cut');
    for (let i = 0; i < result.path.length; i++) {
      this.cy.getElementById(result.path[i]).addClass('path');
      if (i > 0) this.cy.edges().filter(e => (e.source().id() === result.path[i - 1] && e.target().id() === result.path[i]) ||
        (e.target().id() === result.path[i - 1] && e.source().id() === result.path[i])).addClass('path');
    }
    return result.explanation || `linked through ${result.path.filter(id => id.startsWith('e:')).length} shared identifier(s)`;
  }

  // Marks nodes (and the links between given pairs) of the cluster's structure; ads not drawn in the identifiers view are
  // pinned first. Returns how many of the nodes are drawn; the container's data-cut lists them (what the browser tests read).
  async highlight(nodeIds, pairs) {
    if (!this.cy) return 0;
    let pinned = false;
    for (const id of nodeIds) if (id.startsWith('a:') && this.ads.has(id) && !this.pinned.has(id)) { this.pinned.add(id); pinned = true; }
    if (pinned) await this.render();
    this.cy.elements().removeClass('cut path');
    const marked = this.cy.collection();
    for (const id of nodeIds) marked.merge(this.cy.getElementById(id));
    for (const [a, b] of pairs) marked.merge(this.cy.edges().filter(e => (e.source().id() === a && e.target().id() === b) || (e.source().id() === b && e.target().id() === a)));
    marked.addClass('cut');
    const nodes = this.cy.nodes('.cut');
    this.container.dataset.cut = nodes.map(n => n.id()).join(' ');
    if (nodes.nonempty()) this.cy.animate({ center: { eles: nodes } }, { duration: 200 });
    return nodes.length;
  }

  // decorate(entity): an extra node at the end of each row (the identifier's decision buttons), or null.
  entityList(listNode, onToggle, onSelect, decorate) {
    clear(listNode);
    const sorted = [...this.clusterEntities].map(id => this.entities.get(id)).sort((a, b) => b.ads - a.ads || a.label.localeCompare(b.label));
    for (const e of sorted.slice(0, 1000)) {
      const expanded = this.expanded.has(e.id);
      listNode.append(el('li', { dataset: { node: e.id } },
        el('span', { class: 'type type-' + e.type, text: e.type }),
        el('span', { class: 'value', text: e.label }),
        el('span', { class: 'muted', text: e.ads + ' ads' }),
        e.phone ? el('span', { class: 'muted phone-region', title: 'libphonenumber offline geocoder', text: phoneRegion(e.phone) }) : null,
        e.hub ? el('span', { class: 'hub', text: 'hub (' + e.clusters + ' clusters)' }) : null,
        el('button', { type: 'button', class: 'linkish expand', text: expanded ? 'collapse' : 'expand', onclick: () => onToggle(e.id) }),
        el('button', { type: 'button', class: 'linkish', text: 'show', onclick: () => onSelect(e.id) }),
        decorate ? decorate(e) : null));
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
const SPREAD_LABELS = 150;
const FIT_MAX_ZOOM = 1.5;
const LABEL_MIN_ZOOM = 0.85;
const MIN_SIZE = 10, MAX_SIZE = 22, AD_SIZE = 10, GAP = 1;
const LABEL_CHARS = 20;
const OTHER = '#777777';

// "Nevada (US) · fixed line or mobile": where a phone number belongs and its type (text only, never markup).
function phoneRegion(p) {
  const place = !p.location ? p.region : (p.location === p.region ? p.location : `${p.location} (${p.region})`);
  return `${place || 'region unknown'} · ${p.numberType}`;
}

// Long values (photo hashes, long e-mails) keep their start and end: "d1c4e9a0b3…9f02aa"; the full value is the tooltip.
function shorten(s) {
  const t = String(s ?? '');
  return t.length > LABEL_CHARS ? t.slice(0, LABEL_CHARS - 8) + '…' + t.slice(-7) : t;
}

function withPosition(node, item, fallback) {
  if (item && item.x != null && item.y != null) node.position = { x: item.x, y: item.y };
  else if (fallback) node.position = fallback;
  return node;
}

// Styles hang on classes set when the elements are created (type, size step, hub, ad, labelled) rather than on data
// mappers: Cytoscape parses a mapped property again for every element, a class's properties once.
function style(palette) {
  return [
    { selector: 'node', style: { 'font-size': 10, 'min-zoomed-font-size': 7, 'text-valign': 'bottom', 'text-margin-y': 2, 'color': '#333' } },
    { selector: 'node.labelled', style: { 'label': 'data(label)' } },
    { selector: 'node.entity', style: { 'background-color': OTHER } },
    ...Object.entries(palette.types).map(([type, colour]) => ({ selector: 'node.t-' + type, style: { 'background-color': colour } })),
    ...Array.from({ length: (MAX_SIZE - MIN_SIZE) / 2 + 1 }, (_, i) => MIN_SIZE + 2 * i).map(size => ({ selector: 'node.s' + size, style: { 'width': size, 'height': size } })),
    { selector: 'node.hub', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#a33' } },
    { selector: 'node.ad', style: { 'shape': 'round-rectangle', 'background-color': palette.ad, 'width': AD_SIZE, 'height': AD_SIZE, 'font-size': 9, 'min-zoomed-font-size': 7 } },
    { selector: 'node.outside', style: { 'background-color': '#f0b429' } },
    { selector: 'edge', style: { 'width': 1, 'line-color': '#c5ccd6', 'curve-style': 'haystack' } },
    { selector: 'edge[co = 1]', style: { 'width': 'mapData(weight, 1, 20, 1, 6)', 'line-color': '#aab4c2' } },
    { selector: ':selected', style: { 'border-width': 3, 'border-color': '#111' } },
    { selector: 'node.path', style: { 'background-color': '#d62828', 'border-width': 3, 'border-color': '#7a0f0f', 'z-index': 10 } },
    { selector: 'edge.path', style: { 'line-color': '#d62828', 'width': 4, 'z-index': 10 } },
    { selector: 'node.cut', style: { 'border-width': 4, 'border-color': '#7b2cbf', 'border-style': 'double', 'z-index': 11 } },
    { selector: 'edge.cut', style: { 'line-color': '#7b2cbf', 'width': 4, 'z-index': 11 } },
  ];
}
