// The ad view: text with entity spans marked, re-crawl history, photos blurred until clicked, mentions, source and provenance.
import { el, clear, api, enc, visible, $ } from './dom.js';
import { adActions, identifierControls, decisionsCluster } from './decisions.js';

export async function showAd(id, onCluster) {
  const view = $('ad-view');
  clear(view).append(el('p', { class: 'muted', text: 'Loading…' }));
  let ad;
  try {
    ad = await api('/api/ads/' + enc(id));
  } catch (e) {
    clear(view).append(el('p', { class: 'muted', text: 'Cannot load the ad: ' + e.message }));
    return;
  }
  clear(view);
  view.dataset.adId = String(ad.id);
  view.append(el('h3', { text: ad.key }));
  const facts = el('dl');
  const fact = (name, value) => { if (value !== null && value !== undefined && value !== '') facts.append(el('dt', { text: name }), el('dd', { text: value })); };
  fact('Posted', ad.postedAt);
  fact('City', [ad.city, ad.region, ad.country].filter(Boolean).join(', '));
  fact('Poster', ad.poster);
  fact('Price', ad.price);
  fact('Age', ad.age);
  view.append(facts);
  if (ad.clusterId) {
    view.append(el('p', {}, 'Cluster ', el('button', { class: 'linkish', type: 'button', text: ad.clusterId, onclick: () => onCluster(ad.clusterId) })));
    const actions = adActions(ad);
    if (actions) view.append(actions);
  }
  view.append(el('div', { class: 'text', id: 'ad-text' }, ...spans(ad.text, ad.mentions)));
  if (ad.history && ad.history.length) {
    // Later captures that changed the ad; their identifiers link too (as mentions without a span).
    view.append(el('h3', { text: 'Re-crawl history' }));
    view.append(el('ul', { id: 'ad-history' }, ad.history.map(h => el('li', {},
      el('span', { class: 'muted', text: 'v' + h.version + (h.seenAt ? ' · ' + h.seenAt : '') + ' · ' + h.source + ': ' }),
      h.changes.join('; ')))));
  }
  if (ad.images.length) {
    view.append(el('h3', { text: 'Photos (click to unblur)' }));
    view.append(el('div', { class: 'photos' }, ad.images.map(img => el('figure', {},
      el('img', {
        class: 'blurred', alt: 'photo ' + (img.index + 1), src: '/api/ads/' + enc(ad.id) + '/images/' + img.index,
        onclick: ev => ev.currentTarget.classList.toggle('blurred'),
      }),
      el('figcaption', { text: img.local ? img.name : img.name + ' (not a local file; not fetched)' })))));
  }
  view.append(el('h3', { text: 'Identifiers in this ad' }));
  // An ad of the open cluster: each identifier with its decision or its hub buttons (the cluster's decisions are known).
  const decide = ad.clusterId && ad.clusterId === decisionsCluster();
  const formHost = el('div', { class: 'decide-form-host' });
  view.append(el('table', { id: 'ad-mentions' }, el('tbody', {}, ad.mentions.flatMap(m => [el('tr', {},
    el('td', {}, el('span', { class: 'type type-' + m.type, text: m.type })),
    el('td', { text: m.value, title: m.value }),
    el('td', { text: m.raw, title: 'as written' }),
    el('td', { text: m.extractor + ' ' + Number(m.confidence).toFixed(2) })),
    // The panel is narrow: the decision (or its buttons) goes on a line of its own under the identifier.
    decide ? el('tr', { class: 'mention-decide' }, el('td', { colspan: 4 }, identifierControls(m.type + ':' + m.value, m.type, { cluster: ad.clusterId, formHost }))) : null]))), formHost);
  view.append(el('h3', { text: 'Source' }));
  const src = el('dl');
  src.append(el('dt', { text: 'File' }), el('dd', { text: ad.source.path }));
  src.append(el('dt', { text: 'Line' }), el('dd', { text: ad.source.line }));
  src.append(el('dt', { text: 'SHA-256' }), el('dd', { text: ad.source.sha256 }));
  src.append(el('dt', { text: 'Format' }), el('dd', { text: ad.source.format }));
  src.append(el('dt', { text: 'Ingested' }), el('dd', { text: ad.source.ingestedAt }));
  view.append(src);
}

// Splits the text at non-overlapping mention spans; each span becomes a <mark> whose content is set as text.
export function spans(text, mentions) {
  const parts = [];
  const marks = mentions.filter(m => m.start !== null && m.end !== null && m.start >= 0 && m.end <= text.length && m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    if (m.start > at) parts.push(document.createTextNode(visible(text.slice(at, m.start))));
    parts.push(el('mark', { class: 'type-' + m.type, title: m.type + ': ' + m.value, text: text.slice(m.start, m.end) }));
    at = m.end;
  }
  if (at < text.length) parts.push(document.createTextNode(visible(text.slice(at))));
  return parts;
}
