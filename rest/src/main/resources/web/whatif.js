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
  const days = { current: null };
  show(form, outcome);
  const fill = async () => {
    // the day for its adults (an added one is like one of them); its directory for the modalities as planned
    const [day, directory] = await Promise.all([api(`/api/datasets/${encodeURIComponent(base.value)}`),
      api(`/api/datasets/${encodeURIComponent(base.value)}/directory`)]);
    variants.replaceChildren(...['A', 'B'].map(letter => variantFields(letter, day, directory.modalities || [])));
    days.current = day;
  };
  base.addEventListener('change', fill);
  await fill();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const halfRatio = ['A', 'B'].find(letter => (document.getElementById(`ratio-modality-${letter}`).value === '')
      !== (document.getElementById(`ratio-max-${letter}`).value === ''));
    if (halfRatio) {
      outcome.replaceChildren(alertBox(`Variant ${halfRatio}: to change a group size, choose the modality and give `
        + 'its largest group.'));
      return;
    }
    const scenario = { format: 'regroup/scenario', version: 1, id: `what-if-${Date.now()}`,
      name: `What if, on ${base.value}`, base: base.value, timeLimit: limit.value,
      variants: ['A', 'B'].map(letter => variantOf(letter, days.current)).filter(v => v.changes.length > 0) };
    if (scenario.variants.length === 0) {
      outcome.replaceChildren(alertBox('Change something in a variant: an adult away, a space closed, an adult '
        + 'added or a group size changed.'));
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

function variantFields(letter, day, modalities) {
  const staff = day.staff || [];
  const adults = staff.map(st => el('div', { class: 'form-check' },
    el('input', { class: 'form-check-input', type: 'checkbox', id: `away-${letter}-${st.id}`, value: st.id,
      name: `away-${letter}` }),
    el('label', { class: 'form-check-label', for: `away-${letter}-${st.id}` }, `${st.name || st.id} (${st.role})`)));
  const field = (id, label, control, hint) => [
    el('label', { for: id, class: 'form-label' }, label), control,
    hint ? el('div', { class: 'form-text mb-2', id: `${id}-hint` }, hint) : null];
  return el('fieldset', { class: 'col-md-6 border rounded p-2' },
    el('legend', { class: 'h6' }, `Variant ${letter}`),
    field(`name-${letter}`, 'Name', el('input', { id: `name-${letter}`, class: 'form-control mb-2',
      value: `variant ${letter}` })),
    field(`close-${letter}`, 'Close a space', el('select', { id: `close-${letter}`, class: 'form-select mb-2' },
      el('option', { value: '' }, 'none'), (day.spaces || []).map(sp => el('option', { value: sp.id }, sp.name || sp.id)))),
    el('div', { class: 'form-label' }, 'Adults away'),
    el('div', { class: 'adults mb-2' }, adults),
    field(`add-like-${letter}`, 'Add an adult like', el('select', { id: `add-like-${letter}`, class: 'form-select',
      'aria-describedby': `add-like-${letter}-hint` }, el('option', { value: '' }, 'nobody'),
      staff.map(st => el('option', { value: st.id }, `${st.name || st.id} (${st.role})`))),
      'Same role, qualifications, modalities, caps and cost; works every block.'),
    field(`add-name-${letter}`, 'Their name', el('input', { id: `add-name-${letter}`, class: 'form-control mb-2',
      value: 'New adult', maxlength: 80 })),
    field(`ratio-modality-${letter}`, 'Change a group size', el('select', { id: `ratio-modality-${letter}`,
      class: 'form-select' }, el('option', { value: '' }, 'none'),
      modalities.map(m => el('option', { value: m.id }, `${m.name} (${m.minSize}–${m.maxSize} students now)`)))),
    field(`ratio-max-${letter}`, 'Largest group', el('input', { id: `ratio-max-${letter}`, type: 'number', min: 1,
      max: 200, class: 'form-control mb-2', 'aria-describedby': `ratio-max-${letter}-hint` }),
      'Students in one group, at most; no smaller than the modality\'s smallest group.'));
}

/** A new id for an added adult: the one copied, then "-new", numbered when that is taken. */
function newStaffId(like, staff) {
  const taken = new Set(staff.map(st => st.id));
  let id = `${like.id}-new`;
  for (let n = 2; taken.has(id); n++) id = `${like.id}-new${n}`;
  return id;
}

function variantOf(letter, day) {
  const value = id => document.getElementById(id).value;
  const changes = [...document.querySelectorAll(`input[name=away-${letter}]:checked`)]
    .map(box => ({ type: 'remove-staff', staffId: box.value }));
  const closed = value(`close-${letter}`);
  if (closed) changes.push({ type: 'close-space', spaceId: closed });
  const like = (day?.staff || []).find(st => st.id === value(`add-like-${letter}`));
  if (like) {
    // Like them in what they can do; not their advisees (a student has one advisor) nor their part-time blocks.
    const { advisees, availableBlocks, ...copy } = like;
    changes.push({ type: 'add-staff', staff: { ...copy, id: newStaffId(like, day.staff),
      name: value(`add-name-${letter}`).trim() || 'New adult' } });
  }
  const modality = value(`ratio-modality-${letter}`);
  const max = value(`ratio-max-${letter}`);
  if (modality && max !== '') changes.push({ type: 'modality-rules', modalityId: modality, maxSize: Number(max) });
  return { name: value(`name-${letter}`) || `variant ${letter}`, changes };
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
