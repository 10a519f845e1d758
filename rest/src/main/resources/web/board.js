// The scheduler's board: the day's groups as a grid, a student's day, moves, mid-day changes, publishing.

import { state, api, el, say, show, alertBox, today, names, list, pretty, capitalize } from './core.js';

const board = { school: null, day: null, version: null, problem: null, plan: null, view: 'adults', events: null };

export async function boardView() {
  const schools = await api('/api/schools');
  const school = el('select', { id: 'school', class: 'form-select' }, schools.map(s => el('option', { value: s }, s)));
  const day = el('input', { id: 'day', type: 'date', class: 'form-control', value: board.day || today() });
  const canPlan = ['district-admin', 'school-admin'].includes(state.me.role);
  const controls = el('form', { class: 'row g-2 align-items-end no-print', 'aria-label': 'Which day' },
    el('div', { class: 'col-auto' }, el('label', { for: 'school', class: 'form-label' }, 'School'), school),
    el('div', { class: 'col-auto' }, el('label', { for: 'day', class: 'form-label' }, 'Day'), day),
    el('div', { class: 'col-auto' }, el('button', { type: 'submit', class: 'btn btn-secondary' }, 'Show')),
    canPlan ? el('div', { class: 'col-auto' }, el('button', { id: 'plan', type: 'button', class: 'btn btn-primary',
      onclick: () => planDay(school.value, day.value) }, 'Plan the day')) : null);
  controls.addEventListener('submit', (event) => { event.preventDefault(); loadDay(school.value, day.value); });
  show(el('h1', { class: 'h3' }, 'Board'), controls,
    el('div', { id: 'progress', class: 'progress-line my-2' }),
    el('div', { id: 'day-view' }));
  if (schools.length === 0) {
    document.getElementById('day-view').append(el('p', {}, 'No school yet: load one with POST /api/schools/{id}.'));
  } else {
    loadDay(school.value, day.value);
  }
}

async function loadDay(school, day) {
  board.school = school; board.day = day;
  const target = document.getElementById('day-view');
  const base = `/api/schools/${encodeURIComponent(school)}/days/${day}`;
  try {
    const versions = await api(`${base}/plans`);
    if (versions.length === 0) {
      target.replaceChildren(el('p', {}, `No plan for ${day} yet.`));
      return;
    }
    // the scheduler works on the newest version (a draft after an override); teachers read the published one
    const chosen = versions.reduce((a, b) => (b.version > a.version ? b : a));
    const [version, problem, unplaced] = await Promise.all([
      api(`${base}/plans/${chosen.version}`), api(`${base}/problem`),
      api(`${base}/unplaced?version=${chosen.version}`).catch(() => null)]);
    board.version = chosen.version; board.problem = problem; board.plan = version.plan;
    renderDay(target, versions, version, unplaced);
  } catch (e) {
    target.replaceChildren(alertBox(e.message));
  }
}

function renderDay(target, versions, version, unplaced) {
  const plan = version.plan;
  const staff = names(board.problem.staff);
  const spaces = names(board.problem.spaces);
  const students = names(board.problem.students);
  const modalities = names(board.problem.modalities);
  const canPublish = ['district-admin', 'school-admin'].includes(state.me.role) && version.status === 'draft';
  const summary = el('div', { class: 'd-flex flex-wrap gap-3 align-items-center mb-2' },
    el('span', {}, `Version ${version.version} of ${versions.length}`),
    el('span', { class: 'badge text-bg-' + (version.status === 'published' ? 'success' : 'secondary') },
      version.status === 'published' ? 'Published' : capitalize(version.status)),
    el('span', {}, `Score ${plan?.score ?? '—'}`),
    el('span', {}, plan?.workable ? 'Workable: everyone placed in a proper group' : 'Not workable'),
    canPublish ? el('button', { id: 'publish', type: 'button', class: 'btn btn-success btn-sm no-print',
      onclick: () => publish(version.version) }, `Publish version ${version.version}`) : null);
  if (!plan) {
    target.replaceChildren(summary, el('p', {}, 'This version has no plan yet.'));
    return;
  }
  // columns: adults (who leads) or spaces (where); a group without one goes to a last column
  const byRoom = board.view === 'spaces';
  const keyOf = session => (byRoom ? session.spaceId : session.staffId) || '—';
  const cells = new Map();
  for (const block of list(plan.blocks)) {
    for (const session of list(block.sessions)) {
      const key = `${block.blockId}|${keyOf(session)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(session);
    }
  }
  const known = (byRoom ? board.problem.spaces : board.problem.staff || []).map(x => x.id)
    .filter(id => list(plan.blocks).some(b => list(b.sessions).some(s => keyOf(s) === id)) || !byRoom);
  const columns = list(plan.blocks).some(b => list(b.sessions).some(s => keyOf(s) === '—')) ? [...known, '—'] : known;
  const head = el('tr', {}, el('th', { scope: 'col', class: 'block' }, 'Block'),
    columns.map(id => el('th', { scope: 'col' }, id === '—' ? (byRoom ? 'No room' : 'No adult (online, independent)')
      : `${(byRoom ? spaces[id]?.name : staff[id]?.name) || id}`)));
  const rows = list(plan.blocks).map(block => el('tr', {},
    el('th', { scope: 'row', class: 'block' }, `${block.start?.slice(0, 5) || ''}–${block.end?.slice(0, 5) || ''}`,
      el('br'), el('small', { class: 'text-body-secondary' }, block.blockId)),
    columns.map(id => el('td', {}, (cells.get(`${block.blockId}|${id}`) || []).map(session =>
      groupCard(session, spaces, students, modalities, staff, byRoom))))));
  const view = el('select', { id: 'columns', class: 'form-select form-select-sm w-auto d-inline-block ms-2' },
    el('option', { value: 'adults', selected: !byRoom }, 'adults'), el('option', { value: 'spaces', selected: byRoom },
      'rooms'));
  view.addEventListener('change', () => { board.view = view.value; renderDay(target, versions, version, unplaced); });
  summary.append(el('span', { class: 'no-print' }, el('label', { for: 'columns' }, 'Columns:'), view));
  const table = el('table', { class: 'table table-sm table-bordered mb-0', id: 'grid' },
    el('caption', { class: 'visually-hidden' }, `Groups of ${board.day} by block and adult`),
    el('thead', {}, head), el('tbody', {}, rows));
  const missing = (unplaced?.unplaced || plan.unplaced || []);
  const unplacedList = el('section', { class: 'mt-3', 'aria-labelledby': 'unplaced-title' },
    el('h2', { id: 'unplaced-title', class: 'h5' }, `Without a seat (${missing.length})`),
    missing.length === 0 ? el('p', {}, 'Everyone has a seat in every block they attend.')
      : el('ul', {}, missing.map(u => el('li', {}, `${students[u.studentId]?.name || u.studentId} in ${u.blockId}: `
        + (u.reasons || []).join('; ')))));
  const byName = new Map((board.problem.students || []).map(st => [`${st.name} (${st.id})`, st.id]));
  const search = el('input', { id: 'student-search', class: 'form-control', list: 'student-names',
    placeholder: 'Name or id' });
  const find = el('form', { class: 'row g-2 align-items-end mt-3 no-print', 'aria-label': 'Find a student' },
    el('div', { class: 'col-auto' }, el('label', { for: 'student-search', class: 'form-label' }, 'Find a student'),
      search, el('datalist', { id: 'student-names' }, [...byName.keys()].map(n => el('option', { value: n })))),
    el('div', { class: 'col-auto' }, el('button', { type: 'submit', class: 'btn btn-secondary' }, 'Show their day')));
  find.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = byName.get(search.value) || search.value.trim();
    if (id) studentDay(id, version.version);
  });
  const changed = el('section', { id: 'changes', class: 'mt-3' });
  target.replaceChildren(summary, el('div', { class: 'board border rounded' }, table), find,
    el('section', { id: 'student-day', class: 'mt-2' }), unplacedList, changed,
    ['district-admin', 'school-admin'].includes(state.me.role) ? midDayForm(plan, staff, spaces, students) : null);
  if (version.version > 1) {
    whatChanged(changed, version.version - 1, version.version, staff, students);
  }
}

/** The moves between two versions, in words. */
async function whatChanged(target, from, to, staff, students) {
  try {
    const diff = await api(`/api/schools/${encodeURIComponent(board.school)}/days/${board.day}/diff?from=${from}&to=${to}`);
    const times = Object.fromEntries(list(board.plan.blocks).map(b => [b.blockId, b.start?.slice(0, 5)]));
    target.replaceChildren(el('h2', { class: 'h5', id: 'changes-title' },
      `Changed since version ${from}: ${list(diff.moves).length} student-block${list(diff.moves).length === 1 ? '' : 's'}, `
      + `${list(diff.newRosters).length} adult${list(diff.newRosters).length === 1 ? '' : 's'} with a new roster`),
    el('ul', { 'aria-labelledby': 'changes-title' }, list(diff.moves).slice(0, 50).map(m => el('li', {},
      `${students[m.studentId]?.name || m.studentId} at ${times[m.blockId] || m.blockId}: from `
      + `${staff[m.staffBefore]?.name || 'no adult'} to ${staff[m.staffAfter]?.name || 'no adult'}`))));
  } catch (e) {
    target.replaceChildren(alertBox(e.message));
  }
}

/** Something happened during the day, from a block on: adults gone, a room closed, students gone home. */
function midDayForm(plan, staff, spaces, students) {
  const from = el('select', { id: 'change-from', class: 'form-select' },
    list(plan.blocks).map(b => el('option', { value: b.blockId }, `${b.start?.slice(0, 5)} (${b.blockId})`)));
  const away = el('select', { id: 'change-staff', class: 'form-select', multiple: true, size: 4 },
    Object.values(staff).map(st => el('option', { value: st.id }, st.name || st.id)));
  const closed = el('select', { id: 'change-space', class: 'form-select' }, el('option', { value: '' }, 'none'),
    Object.values(spaces).map(sp => el('option', { value: sp.id }, sp.name || sp.id)));
  const gone = el('select', { id: 'change-students', class: 'form-select', multiple: true, size: 4 },
    Object.values(students).map(st => el('option', { value: st.id }, st.name || st.id)));
  const form = el('form', { class: 'row g-2 align-items-end', 'aria-labelledby': 'midday-title' },
    el('div', { class: 'col-md-2' }, el('label', { for: 'change-from', class: 'form-label' }, 'From block'), from),
    el('div', { class: 'col-md-3' }, el('label', { for: 'change-staff', class: 'form-label' }, 'Adults gone'), away),
    el('div', { class: 'col-md-2' }, el('label', { for: 'change-space', class: 'form-label' }, 'Room closed'), closed),
    el('div', { class: 'col-md-3' }, el('label', { for: 'change-students', class: 'form-label' }, 'Students gone home'),
      gone),
    el('div', { class: 'col-md-2' }, el('button', { type: 'submit', class: 'btn btn-warning' }, 'Re-plan the rest')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const picked = select => [...select.selectedOptions].map(o => o.value);
    try {
      const started = await api(`/api/schools/${encodeURIComponent(board.school)}/days/${board.day}/changes`
        + `?timeLimit=10s`, { method: 'POST', body: { fromBlock: from.value, staffAbsent: picked(away),
        spacesClosed: closed.value ? [closed.value] : [], studentsGone: picked(gone) } });
      follow(started, `Re-planning from ${from.value}: version ${started.version}…`);
    } catch (e) {
      form.append(alertBox(e.message));
    }
  });
  return el('details', { class: 'mt-3 no-print' }, el('summary', { id: 'midday-title' }, 'Something changed during the day'),
    form);
}

/** One student's day on the board: each block, and for each a ranked list of where else they could go. */
function studentDay(studentId, version) {
  const target = document.getElementById('student-day');
  const students = names(board.problem.students);
  const staff = names(board.problem.staff);
  const spaces = names(board.problem.spaces);
  const day = (board.plan.students || []).find(d => d.studentId === studentId);
  if (!day) {
    target.replaceChildren(alertBox(`No student ${studentId} in this plan.`));
    return;
  }
  const canMove = ['district-admin', 'school-admin'].includes(state.me.role);
  const times = Object.fromEntries(list(board.plan.blocks).map(b => [b.blockId, `${b.start?.slice(0, 5)}–${b.end?.slice(0, 5)}`]));
  const rows = list(day.blocks).map(entry => el('tr', {},
    el('th', { scope: 'row' }, times[entry.blockId] || entry.blockId),
    el('td', {}, entry.status === 'placed' ? (entry.focus?.name || 'Own skills') : `${capitalize(entry.status)}`
      + (entry.note ? `: ${entry.note}` : '')),
    el('td', {}, pretty(entry.modality)),
    el('td', {}, staff[entry.staffId]?.name || ''),
    el('td', {}, spaces[entry.spaceId]?.name || entry.spaceId || ''),
    el('td', {}, canMove && entry.sessionId ? el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm',
      'data-block': entry.blockId, onclick: () => alternatives(studentId, entry.blockId, version) },
    'Move…') : '')));
  target.replaceChildren(el('h2', { class: 'h5', id: 'student-day-title' },
    `${students[studentId]?.name || studentId}'s day`, el('button', { type: 'button', id: 'show-profile',
      class: 'btn btn-outline-secondary btn-sm ms-2', onclick: () => profileView(studentId) }, 'Learner profile')),
  el('table', { class: 'table table-sm', 'aria-labelledby': 'student-day-title' },
    el('thead', {}, el('tr', {}, ['Block', 'Works on', 'How', 'With', 'Where', ''].map(h =>
      el('th', { scope: 'col' }, h)))), el('tbody', {}, rows)),
  el('div', { id: 'alternatives' }));
}

/** A student's learner profile for staff: goals, accommodations, and the skill map by grade, each skill's state in words. */
async function profileView(studentId) {
  const target = document.getElementById('alternatives');
  try {
    const profile = await api(`/api/schools/${encodeURIComponent(board.school)}/students/${encodeURIComponent(studentId)}`
      + '/profile');
    const skillNames = names(board.problem.skills);
    const byGrade = {};
    for (const skill of list(profile.skills)) {
      const grade = skill.skillId.split('.')[0];
      (byGrade[grade] = byGrade[grade] || []).push(skill);
    }
    const state = skill => (skill.mastered ? 'mastered' : skill.ready ? 'ready' : 'not yet');
    const accommodations = board.problem.students?.find(st => st.id === studentId)?.accommodations || {};
    target.replaceChildren(el('section', { id: 'profile', 'aria-labelledby': 'profile-title' },
      el('h3', { class: 'h6', id: 'profile-title' }, `Learner profile: ${profile.name || studentId}, grade `
        + `${profile.grade ?? '—'}`),
      el('p', {}, `Goals: ${list(profile.goals).map(g => g.skill ? (skillNames[g.skill]?.name || g.skill) : g.strand)
        .join('; ') || 'none'}. Accommodations: ${Object.entries(accommodations).filter(([, v]) => v)
        .map(([k, v]) => (v === true ? pretty(k) : `${pretty(k)} ${v}`)).join('; ') || 'none'}.`),
      el('p', {}, `${list(profile.skills).filter(x => x.mastered).length} mastered, ${list(profile.readySet).length} `
        + `ready to learn (mastery at or above ${profile.masteryThreshold} counts as mastered).`),
      ...Object.entries(byGrade).map(([grade, skills]) => el('div', { class: 'mb-2' },
        el('div', { class: 'fw-semibold' }, `Grade ${grade}`),
        el('ul', { class: 'list-inline mb-0' }, skills.map(k => el('li', {
          class: `list-inline-item badge skill skill-${state(k).replace(' ', '-')}`,
          title: `${skillNames[k.skillId]?.name || k.skillId}: ${state(k)}, mastery ${k.mastery.toFixed(2)}`,
        }, `${k.skillId} ${state(k) === 'mastered' ? '✓' : state(k) === 'ready' ? '→' : '·'}`)))))));
  } catch (e) {
    target.replaceChildren(alertBox(e.message));
  }
}

async function alternatives(studentId, blockId, version) {
  const target = document.getElementById('alternatives');
  const staff = names(board.problem.staff);
  const spaces = names(board.problem.spaces);
  const base = `/api/schools/${encodeURIComponent(board.school)}/days/${board.day}/placements/`
    + `${encodeURIComponent(studentId)}/${encodeURIComponent(blockId)}`;
  try {
    const view = await api(`${base}/alternatives?version=${version}`);
    target.replaceChildren(el('h3', { class: 'h6' }, `Where else in ${blockId}, best first (score change)`),
      el('ol', { id: 'alternative-list' }, list(view.alternatives).slice(0, 8).map(a => el('li', { class: 'mb-1' },
        `${a.focus?.name || 'Own skills'} · ${pretty(a.modality)} · ${staff[a.staffId]?.name || 'no adult'} · `
        + `${spaces[a.spaceId]?.name || a.spaceId || ''} — ${a.scoreChange}`
        + (a.reasons?.length ? ` (${a.reasons.join('; ')})` : ''),
        el('button', { type: 'button', class: 'btn btn-primary btn-sm ms-2', 'data-session': a.sessionId,
          onclick: () => move(base, a.sessionId, version) }, 'Move here')))));
  } catch (e) {
    target.replaceChildren(alertBox(e.message));
  }
}

/** A teacher's override: a new version with the student pinned there, the rest re-planned with as few moves as can be. */
async function move(base, sessionId, version) {
  try {
    const started = await api(`${base}?version=${version}`, { method: 'PUT',
      body: { sessionId, reason: 'moved on the board', timeLimit: '5s' } });
    document.getElementById('student-day').replaceChildren();
    follow(started, `Re-planning around the move: version ${started.version}…`);
  } catch (e) {
    document.getElementById('alternatives').replaceChildren(alertBox(e.message));
  }
}

function groupCard(session, spaces, students, modalities, staff, byRoom) {
  const size = list(session.students).length;
  const cap = modalities[session.modality]?.maxSize;
  const accommodations = list(session.students).filter(seat => {
    const a = students[seat.studentId]?.accommodations;
    return a && Object.values(a).some(v => v === true || (typeof v === 'number' && v > 0));
  }).length;
  const focus = session.focus ? (session.focus.name && session.focus.name !== session.focus.id
    ? `${session.focus.name}` : session.focus.id) : 'Own skills';
  return el('div', { class: 'group' + (cap && size >= cap ? ' full' : ''), 'data-session': session.id },
    el('div', { class: 'focus' }, focus),
    el('div', {}, `${modalities[session.modality]?.name || pretty(session.modality)} · ${byRoom
      ? (staff[session.staffId]?.name || 'no adult') : (spaces[session.spaceId]?.name || session.spaceId || 'no room')}`),
    el('div', {}, cap ? `${size} of ${cap} students` : `${size} student${size === 1 ? '' : 's'}`,
      cap && size >= cap ? el('span', { class: 'badge text-bg-warning ms-1' }, 'full') : null,
      accommodations ? el('span', { class: 'badge text-bg-info ms-1' },
        `${accommodations} with accommodations`) : null));
}


async function planDay(school, day) {
  try {
    const started = await api(`/api/schools/${encodeURIComponent(school)}/days/${day}/plan?timeLimit=30s`,
      { method: 'POST' });
    follow(started, `Planning version ${started.version}…`);
  } catch (e) {
    document.getElementById('progress').replaceChildren(alertBox(e.message));
  }
}

/** Follows a solve (a day planned, or re-planned after a move): best score, placed share, elapsed; Stop. */
function follow(started, first) {
  const progress = document.getElementById('progress');
  const stop = el('button', { type: 'button', class: 'btn btn-outline-danger btn-sm ms-2', id: 'stop',
    onclick: () => api(`/api/plans/${started.planId}/solving`, { method: 'DELETE' }).catch(() => {}) }, 'Stop');
  const line = el('span', { id: 'progress-text' }, first);
  progress.replaceChildren(line, stop);
  const begun = Date.now();
  if (board.events) board.events.close();
  board.events = new EventSource(`/api/plans/${started.planId}/events`);
  const update = (event) => {
    const u = JSON.parse(event.data);
    const placed = u.kpis?.placedShare !== undefined ? ` · placed ${(u.kpis.placedShare * 100).toFixed(1)} %` : '';
    line.textContent = `Version ${started.version}: best ${u.score ?? '—'}${placed} · ${((Date.now() - begun) / 1000)
      .toFixed(0)} s${u.workable ? ' · workable' : ''}`;
  };
  board.events.addEventListener('best', update);
  board.events.addEventListener('final', (event) => {
    update(event);
    board.events.close();
    stop.remove();
    say(`Version ${started.version} planned`);
    loadDay(board.school, board.day);
  });
}

async function publish(version) {
  try {
    await api(`/api/schools/${encodeURIComponent(board.school)}/days/${board.day}/publish?version=${version}`,
      { method: 'POST' });
    say(`Version ${version} published`);
    loadDay(board.school, board.day);
  } catch (e) {
    document.getElementById('progress').replaceChildren(alertBox(e.message));
  }
}
