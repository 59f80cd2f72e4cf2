// DOM and HTTP helpers. Every string from the case goes into the page through textContent (never innerHTML),
// so ad text stays text whatever it holds.

export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'href' || key === 'src') node.setAttribute(key, safeUrl(value));
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
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

export function banner(message) {
  const b = $('banner');
  b.textContent = message;
  b.hidden = !message;
}

export async function api(path, options = {}) {
  const init = { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...options };
  if (options.body !== undefined) {
    init.method = options.method || 'POST';
    init.headers = { ...init.headers, 'Content-Type': 'application/json', 'X-Netan-Request': '1' };
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    banner('This workbench needs its access token: open the URL that `netan serve` printed.');
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
