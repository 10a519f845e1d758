// The principal's what-if: variants of a day from a form, run as a scenario, read as a comparison.

import { api, el, say, show, alertBox, capitalize } from './core.js';

export async function whatIfView() {
  const datasets = await api('/api/datasets');
  const base = el('select', { id: 'base', class: 'form-select' },
    datasets.map(d => el('option', { value: d.name, selected: d.name === 'small' }, d.name)));
  const limit = el('input', { id: 'time-limit', class: 'form-control', value: '10s', size: 6 });
  const variants = el('div', { class: 'row g-3', id: 'variants' });
  const form = el('form', { 'aria-labelledby': 'what-if-title' },
    el('h1', { id: 'what-if-title', class: 'h3' }, 'What if…'),
    el('p', {}, 'Plan a day of the school as it is and as it would be, side by side: who gains, who loses.'),
    el('div', { class: 'row g-2 mb-3' },
      el('div', { class: 'col-auto' }, el('label', { for: 'base', class: 'form-label' }, 'The day'), base),
      el('div', { class: 'col-auto' }, el('label', { for: 'time-limit', class: 'form-label' }, 'Solving time per plan'),
        limit)),
    variants,
    el('button', { type: 'submit', class: 'btn btn-primary mt-3', id: 'run' }, 'Run the what-if'));
  const outcome = el('div', { id: 'what-if-outcome', class: 'mt-3' });
  show(form, outcome);
  const fill = async () => {
    const day = await api(`/api/datasets/${encodeURIComponent(base.value)}`);
    variants.replaceChildren(...['A', 'B'].map(letter => variantFields(letter, day)));
  };
  base.addEventListener('change', fill);
  await fill();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const scenario = { format: 'regroup/scenario', version: 1, id: `what-if-${Date.now()}`,
      name: `What if, on ${base.value}`, base: base.value, timeLimit: limit.value,
      variants: ['A', 'B'].map(letter => variantOf(letter)).filter(v => v.changes.length > 0) };
    if (scenario.variants.length === 0) {
      outcome.replaceChildren(alertBox('Change something in a variant: an adult away or a space closed.'));
      return;
    }
    try {
      const job = await api('/api/scenarios', { method: 'POST', body: scenario });
      followScenario(job.id, outcome);
    } catch (e) {
      outcome.replaceChildren(alertBox(e.message));
    }
  });
}

function variantFields(letter, day) {
  const adults = (day.staff || []).map(st => el('div', { class: 'form-check' },
    el('input', { class: 'form-check-input', type: 'checkbox', id: `away-${letter}-${st.id}`, value: st.id,
      name: `away-${letter}` }),
    el('label', { class: 'form-check-label', for: `away-${letter}-${st.id}` }, `${st.name} (${st.role})`)));
  return el('fieldset', { class: 'col-md-6 border rounded p-2' },
    el('legend', { class: 'h6' }, `Variant ${letter}`),
    el('label', { for: `name-${letter}`, class: 'form-label' }, 'Name'),
    el('input', { id: `name-${letter}`, class: 'form-control mb-2', value: `variant ${letter}` }),
    el('label', { for: `close-${letter}`, class: 'form-label' }, 'Close a space'),
    el('select', { id: `close-${letter}`, class: 'form-select mb-2' }, el('option', { value: '' }, 'none'),
      (day.spaces || []).map(sp => el('option', { value: sp.id }, sp.name || sp.id))),
    el('div', { class: 'form-label' }, 'Adults away'),
    el('div', { class: 'adults' }, adults));
}

function variantOf(letter) {
  const changes = [...document.querySelectorAll(`input[name=away-${letter}]:checked`)]
    .map(box => ({ type: 'remove-staff', staffId: box.value }));
  const closed = document.getElementById(`close-${letter}`).value;
  if (closed) changes.push({ type: 'close-space', spaceId: closed });
  return { name: document.getElementById(`name-${letter}`).value || `variant ${letter}`, changes };
}

function followScenario(id, outcome) {
  const line = el('p', { id: 'what-if-progress' }, 'Queued…');
  outcome.replaceChildren(line);
  const poll = async () => {
    try {
      const job = await api(`/api/scenarios/${id}`);
      line.textContent = `${capitalize(job.status.toLowerCase())}: ${job.plansSolved} of ${job.plans} plans solved`;
      if (job.status === 'DONE') {
        outcome.append(el('a', { id: 'what-if-report', class: 'btn btn-success', href: `/api/scenarios/${id}` },
          'Open the comparison'));
        say('The what-if is done');
      } else if (job.status === 'FAILED') {
        outcome.append(alertBox(job.failure || 'The what-if failed'));
      } else {
        setTimeout(poll, 1000);
      }
    } catch (e) {
      outcome.append(alertBox(e.message));
    }
  };
  poll();
}
