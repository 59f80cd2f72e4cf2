// DOM and HTTP helpers. Every string from the case goes into the page through textContent (never innerHTML),
// so ad text stays text whatever it holds, and through visible(), so it shows what it holds.

// Invisible formatting characters (Unicode category Cf: bidirectional controls such as U+202E, zero-width space and
// joiners, word joiner, soft hyphen, BOM, tags; plus fillers that draw nothing) become markers such as ⟦U+202E⟧, the
// rule of NetworkAnalysis.Core.Text.VisibleText on the server. A zero-width joiner between two emoji builds one emoji
// and is kept.
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFFA0]/gu;
const emojiPart = cp => cp !== undefined && ((cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp === 0xFE0F);

export function visible(value) {
  const s = String(value ?? '');
  return s.replace(INVISIBLE, (c, at) => {
    if (c === '\u200D') {
      const before = at > 0 ? s.codePointAt(at >= 2 && /[\uDC00-\uDFFF]/.test(s[at - 1]) ? at - 2 : at - 1) : undefined;
      if (emojiPart(before) && emojiPart(s.codePointAt(at + 1))) return c;
    }
    return '\u27E6U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0') + '\u27E7';
  });
}

export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = visible(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'href' || key === 'src') node.setAttribute(key, safeUrl(value));
    else node.setAttribute(key, key === 'title' || key === 'alt' ? visible(value) : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(visible(child)));
  }
  return node;
}

// Only our own API paths become links or image sources.
export function safeUrl(url) {
  const s = String(url);
  return s.startsWith('/') && !s.startsWith('//') ? s : '#';
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function $(id) { return document.getElementById(id); }

/** Shows a message above the page: an error, or with tone 'ok' a confirmation (e.g. a decision recorded). */
export function banner(message, tone) {
  const b = $('banner');
  b.textContent = visible(message);
  b.hidden = !message;
  b.classList.toggle('ok', tone === 'ok');
}

// A team case's session: its CSRF token goes with every write (the server refuses a write without it).
const session = { team: false, csrf: null };

export function setSession(team, csrf) { session.team = team; session.csrf = csrf || null; }

export async function api(path, options = {}) {
  const init = { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...options };
  if (options.body !== undefined) {
    init.method = options.method || 'POST';
    init.headers = { ...init.headers, 'Content-Type': 'application/json', 'X-Netan-Request': '1' };
    if (session.csrf) init.headers['X-Netan-Csrf'] = session.csrf;
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  if (response.status === 401 && !options.quiet401) {
    banner(session.team ? 'Your session has ended: reload the page to log in again.'
      : 'This workbench needs its access token: open the URL that `netan serve` printed.');
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(data.error || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return data;
}

export function enc(s) { return encodeURIComponent(String(s)); }

export function short(s, n) {
  const t = String(s ?? '');
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}
