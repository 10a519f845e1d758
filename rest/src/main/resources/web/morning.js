// The district's morning: every school's day planned as a job of the cluster, followed live school by school.

import { api, el, say, show, alertBox, capitalize } from './core.js';

/** Tomorrow in this computer's time zone, as YYYY-MM-DD (a morning is planned the evening before). */
function tomorrow() {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const LABELS = {
  waiting: 'waiting', solving: 'solving', published: 'published', drafted: 'draft — not published',
  'carried-forward': 'carried forward — check it', failed: 'no plan',
};
const BADGES = {
  waiting: 'text-bg-secondary', solving: 'text-bg-info', published: 'text-bg-success', drafted: 'text-bg-warning',
  'carried-forward': 'text-bg-warning', failed: 'text-bg-danger',
};

let following = null;

export async function morningView() {
  const date = el('input', { id: 'morning-date', type: 'date', class: 'form-control', value: tomorrow() });
  const deadline = el('input', { id: 'morning-deadline', type: 'time', class: 'form-control', value: '06:30' });
  const limit = el('input', { id: 'morning-time-limit', class: 'form-control', value: '30s', size: 6 });
  const publish = el('input', { id: 'morning-publish', type: 'checkbox', class: 'form-check-input', checked: true });
  const outcome = el('div', { id: 'morning-outcome', class: 'mt-3' });
  const form = el('form', { 'aria-labelledby': 'morning-title' },
    el('h1', { id: 'morning-title', class: 'h3' }, "The district's morning"),
    el('p', {}, 'Plan every school\'s day by the deadline, on whichever server has a free core. A school without a '
      + 'feasible plan by then keeps its last published plan, carried forward and repaired for the day\'s absences.'),
    el('div', { class: 'row g-2 align-items-end mb-3' },
      el('div', { class: 'col-auto' }, el('label', { for: 'morning-date', class: 'form-label' }, 'School day'), date),
      el('div', { class: 'col-auto' }, el('label', { for: 'morning-deadline', class: 'form-label' },
        'Plans due by'), deadline),
      el('div', { class: 'col-auto' }, el('label', { for: 'morning-time-limit', class: 'form-label' },
        'Solving time per school'), limit),
      el('div', { class: 'col-auto form-check ms-2 mb-2' }, publish,
        el('label', { for: 'morning-publish', class: 'form-check-label' }, 'Publish each plan')),
      el('div', { class: 'col-auto' },
        el('button', { type: 'submit', class: 'btn btn-primary', id: 'morning-plan' }, 'Plan the morning'),
        ' ',
        el('button', { type: 'button', class: 'btn btn-outline-secondary', id: 'morning-show' }, 'Show progress'))));
  show(form, outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const view = await api(`/api/district/mornings/${date.value}`, { method: 'POST',
        body: { deadline: deadline.value, timeLimit: limit.value, autoPublish: publish.checked } });
      render(view, outcome);
      follow(date.value, outcome);
    } catch (e) {
      outcome.replaceChildren(alertBox(e.message));
    }
  });
  document.getElementById('morning-show').addEventListener('click', async () => {
    try {
      render(await api(`/api/district/mornings/${date.value}`), outcome);
      follow(date.value, outcome);
    } catch (e) {
      outcome.replaceChildren(alertBox(e.message));
    }
  });
}

/** Live progress (Server-Sent Events): each change of a school's part, then the end. */
function follow(date, outcome) {
  if (following) following.close();
  following = new EventSource(`/api/district/mornings/${date}/events`);
  const update = (event) => render(JSON.parse(event.data), outcome);
  following.addEventListener('progress', update);
  following.addEventListener('done', (event) => {
    update(event);
    following.close();
    following = null;
    say('Every school has its plan.');
  });
  following.onerror = () => { if (following) following.close(); following = null; };
}

function render(view, outcome) {
  const counts = Object.entries(view.counts || {}).map(([status, n]) => `${n} ${LABELS[status] || status}`);
  const rows = (view.schools || []).map(s => el('tr', { 'data-school': s.schoolId },
    el('th', { scope: 'row' }, s.schoolId),
    el('td', {}, el('span', { class: `badge ${BADGES[s.status] || 'text-bg-light'}`, 'data-status': s.status },
      LABELS[s.status] || s.status)),
    el('td', {}, s.version ? `v${s.version}` : '–'),
    el('td', {}, s.score || '–'),
    el('td', {}, s.node || '–'),
    el('td', {}, String(s.attempts)),
    el('td', {}, s.note ? capitalize(s.note) : '')));
  outcome.replaceChildren(
    el('h2', { class: 'h5', id: 'morning-summary' }, `${view.day}: ${counts.join(', ')}${view.done ? ' — done' : ''}`),
    el('table', { class: 'table table-sm align-middle', id: 'morning-schools' },
      el('caption', {}, 'Each school\'s plan: its version, score (hard/medium/soft), the server that planned it and '
        + 'how many runs it took (more than one: a server stopped and another took over).'),
      el('thead', {}, el('tr', {}, ...['School', 'Status', 'Version', 'Score', 'Server', 'Runs', 'For the scheduler']
        .map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows)));
}
