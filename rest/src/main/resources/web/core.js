// Regroup's web interface: plain JavaScript over the HTTP API (docs/api.md), signed in with the browser session.
// Every change sends the session's CSRF token. Text is set with textContent only: no HTML is built from data.

export const state = { me: null, start: null };

export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.method && options.method !== 'GET' && state.me?.csrfToken) headers['X-CSRF-Token'] = state.me.csrfToken;
  const response = await fetch(path, {
    method: options.method || 'GET', headers, credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(data?.detail || response.statusText);
    error.status = response.status;
    throw error;
  }
  return data;
}

/** A new element: el('td', {class: 'x'}, 'text', child…). */
export function el(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

export function say(message) {
  document.getElementById('status').textContent = message;
}

export function show(...nodes) {
  const main = document.getElementById('main');
  main.replaceChildren(...nodes);
}

export function alertBox(message) {
  return el('div', { class: 'alert alert-danger', role: 'alert' }, message);
}

/** Today in the school's (this computer's) time zone, as YYYY-MM-DD. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function names(items) {
  return Object.fromEntries((items || []).map(x => [x.id, x]));
}

/** A list from the API: absent when empty (the documents leave empty lists out). */
export function list(items) {
  return items || [];
}

export function pretty(id) {
  return id ? capitalize(id.replaceAll('-', ' ')) : '';
}

export function capitalize(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/**
 * A day card's reasons by block id: each `why` line reads "Block B2 (09:00-09:45): …(…); why: in their ready set…";
 * what follows the session's description is the reason.
 */
export function whyByBlock(card) {
  return Object.fromEntries(list(card?.why).map(line => [line.match(/^Block (\S+) /)?.[1],
    line.split('); ').slice(1).join('); ').replace(/^why: /, '')]));
}
