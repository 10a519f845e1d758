// "Add to my calendar": a calendar feed of one person's published days (docs/api.md, "Calendar feeds"). The feed's
// address is its own credential, so it is shown once, with what it reveals and a way to revoke it.

import { state, api, el } from './core.js';

const feeds = () => `/api/schools/${encodeURIComponent(state.me.schoolId)}/calendar-feeds`;

/** A button that makes a feed for `person` ("adult" or "student") and shows its address to copy, or revokes it. */
export function calendarButton(person, kind, label = 'Add to my calendar') {
  const box = el('div', { class: 'calendar-feed no-print mt-2', 'data-person': person });
  const make = el('button', { class: 'btn btn-outline-primary btn-sm', type: 'button' }, label);
  make.addEventListener('click', async () => {
    make.disabled = true;
    try {
      const feed = await api(feeds(), { method: 'POST', body: { person, kind } });
      const address = el('input', { class: 'form-control form-control-sm calendar-url', readonly: true,
        value: feed.url, 'aria-label': 'Calendar address to copy' });
      const copy = el('button', { class: 'btn btn-outline-secondary btn-sm', type: 'button' }, 'Copy');
      copy.addEventListener('click', async () => {
        address.select();
        try { await navigator.clipboard.writeText(feed.url); copy.textContent = 'Copied'; }
        catch { copy.textContent = 'Select and copy'; }
      });
      const revoke = el('button', { class: 'btn btn-outline-danger btn-sm', type: 'button' }, 'Stop this feed');
      revoke.addEventListener('click', async () => {
        await api(`${feeds()}/${encodeURIComponent(feed.id)}`, { method: 'DELETE' });
        box.replaceChildren(el('p', { class: 'small' }, 'The feed is stopped: its address shows nothing now.'), make);
        make.disabled = false;
      });
      box.replaceChildren(
        el('p', { class: 'small mb-1' }, 'Paste this address in Google Calendar ("From URL") or Outlook ("Subscribe '
          + 'from web"). It updates when a new plan is published. Anyone with the address sees these days: keep it '
          + 'private, and stop the feed if it gets out.'),
        el('div', { class: 'input-group input-group-sm' }, address, copy, revoke));
    } catch (e) {
      box.replaceChildren(el('p', { class: 'small text-danger', role: 'alert' }, e.message), make);
      make.disabled = false;
    }
  });
  box.append(make);
  return box;
}
