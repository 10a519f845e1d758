// The scheduler's board: the day's groups as a grid, a student's day, moves, mid-day changes, publishing.

import { state, api, el, say, show, alertBox, today, names, list, pretty, capitalize, whyByBlock } from './core.js';
import { skillMapPicture, evidenceChart, skillState, statesOf, goalSkills } from './pictures.js';

const board = { school: null, day: null, version: null, directory: null, plan: null, view: 'adults', events: null };

export async function boardView() {
  const schools = await api('/api/schools');
  // a board can be bookmarked: #board/SCHOOL/YYYY-MM-DD
  const [, linkedSchool, linkedDay] = location.hash.match(/^#board\/([^/]+)\/(\d{4}-\d{2}-\d{2})$/) || [];
  const wanted = linkedSchool ? decodeURIComponent(linkedSchool) : board.school;
  const school = el('select', { id: 'school', class: 'form-select' },
    schools.map(s => el('option', { value: s, selected: s === wanted }, s)));
  const day = el('input', { id: 'day', type: 'date', class: 'form-control', value: linkedDay || board.day || today() });
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
  if (board.school !== school) board.skillMap = null;
  board.school = school; board.day = day;
  history.replaceState(null, '', `#board/${encodeURIComponent(school)}/${day}`);
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
    const [version, directory, unplaced] = await Promise.all([
      api(`${base}/plans/${chosen.version}`), api(`${base}/directory`),
      api(`${base}/unplaced?version=${chosen.version}`).catch(() => null)]);
    board.version = chosen.version; board.directory = directory; board.plan = version.plan;
    performance.mark('board-data');
    renderDay(target, versions, version, unplaced);
    // User Timing marks for benchmarks/…/BoardRender: the grid built, and the frame after it painted
    performance.mark('board-rendered');
    requestAnimationFrame(() => setTimeout(() => performance.mark('board-painted'), 0));
  } catch (e) {
    target.replaceChildren(alertBox(e.message));
  }
}

function renderDay(target, versions, version, unplaced) {
  const plan = version.plan;
  const staff = names(board.directory.staff);
  const spaces = names(board.directory.spaces);
  const students = names(board.directory.students);
  const modalities = names(board.directory.modalities);
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
  const asked = {};
  for (const r of list(board.directory.requests)) (asked[r.studentId] ||= []).push(r);
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
  const known = (byRoom ? board.directory.spaces : board.directory.staff || []).map(x => x.id)
    .filter(id => list(plan.blocks).some(b => list(b.sessions).some(s => keyOf(s) === id)) || !byRoom);
  const columns = list(plan.blocks).some(b => list(b.sessions).some(s => keyOf(s) === '—')) ? [...known, '—'] : known;
  const head = el('tr', {}, el('th', { scope: 'col', class: 'block' }, 'Block'),
    columns.map(id => el('th', { scope: 'col' }, id === '—' ? (byRoom ? 'No room' : 'No adult (online, independent)')
      : `${(byRoom ? spaces[id]?.name : staff[id]?.name) || id}`)));
  const rows = list(plan.blocks).map(block => el('tr', {},
    el('th', { scope: 'row', class: 'block' }, `${block.start?.slice(0, 5) || ''}–${block.end?.slice(0, 5) || ''}`,
      el('br'), el('small', { class: 'text-body-secondary' }, block.blockId)),
    columns.map(id => el('td', {}, (cells.get(`${block.blockId}|${id}`) || []).map(session =>
      groupCard(session, block.blockId, { spaces, students, modalities, staff, byRoom, asked }))))));
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
  const byName = new Map((board.directory.students || []).map(st => [`${st.name} (${st.id})`, st.id]));
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
  if (versions.length > 1) {
    // any two versions: the one before and this one to start with
    const pick = (id, chosen) => el('select', { id, class: 'form-select form-select-sm w-auto d-inline-block mx-1' },
      versions.map(v => el('option', { value: v.version, selected: v.version === chosen }, `version ${v.version}`)));
    const from = pick('diff-from', Math.max(1, version.version - 1));
    const to = pick('diff-to', version.version);
    const moves = el('div', { id: 'changes-list' });
    const compare = () => whatChanged(moves, Number(from.value), Number(to.value), staff, students);
    from.addEventListener('change', compare);
    to.addEventListener('change', compare);
    changed.replaceChildren(el('div', { class: 'no-print mb-1' }, el('label', { for: 'diff-from' }, 'Compare'), from,
      el('label', { for: 'diff-to' }, 'with'), to), moves);
    compare();
  }
}

/** The moves between two versions, in words. */
async function whatChanged(target, from, to, staff, students) {
  try {
    const diff = await api(`/api/schools/${encodeURIComponent(board.school)}/days/${board.day}/diff?from=${from}&to=${to}`);
    const times = Object.fromEntries(list(board.plan.blocks).map(b => [b.blockId, b.start?.slice(0, 5)]));
    target.replaceChildren(el('h2', { class: 'h5', id: 'changes-title' },
      from === to ? `Version ${from} against itself: nothing changed` : `Changed ${from < to ? 'since' : 'back to'} `
      + `version ${from}${to === board.version ? '' : ` in version ${to}`}: ${list(diff.moves).length} student-block${list(diff.moves).length === 1 ? '' : 's'}, `
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
  const students = names(board.directory.students);
  const staff = names(board.directory.staff);
  const spaces = names(board.directory.spaces);
  const day = (board.plan.students || []).find(d => d.studentId === studentId);
  if (!day) {
    target.replaceChildren(alertBox(`No student ${studentId} in this plan.`));
    return;
  }
  const canMove = ['district-admin', 'school-admin'].includes(state.me.role);
  const times = Object.fromEntries(list(board.plan.blocks).map(b => [b.blockId, `${b.start?.slice(0, 5)}–${b.end?.slice(0, 5)}`]));
  const rows = list(day.blocks).map(entry => el('tr', canMove && entry.sessionId ? {
    draggable: 'true', class: 'draggable-row', title: 'Drag onto a group of the same block to move there',
    ondragstart: (event) => dragStart(event, studentId, entry, version), ondragend: dragEnd } : {},
    el('th', { scope: 'row' }, times[entry.blockId] || entry.blockId),
    el('td', {}, entry.status === 'placed' ? (entry.focus?.name || 'Own skills') : `${capitalize(entry.status)}`
      + (entry.note ? `: ${entry.note}` : '')),
    el('td', {}, pretty(entry.modality)),
    el('td', {}, staff[entry.staffId]?.name || ''),
    el('td', {}, spaces[entry.spaceId]?.name || entry.spaceId || ''),
    el('td', { class: 'why', 'data-block': entry.blockId }),
    el('td', {}, canMove && entry.sessionId ? el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm',
      'data-block': entry.blockId, onclick: () => alternatives(studentId, entry.blockId, version) },
    'Move…') : '')));
  target.replaceChildren(el('h2', { class: 'h5', id: 'student-day-title' },
    `${students[studentId]?.name || studentId}'s day`, el('button', { type: 'button', id: 'show-profile',
      class: 'btn btn-outline-secondary btn-sm ms-2', onclick: () => profileView(studentId) }, 'Learner profile')),
  el('table', { class: 'table table-sm', 'aria-labelledby': 'student-day-title' },
    el('thead', {}, el('tr', {}, ['Block', 'Works on', 'How', 'With', 'Where', 'Why', ''].map(h =>
      el('th', { scope: 'col' }, h)))), el('tbody', {}, rows)),
  el('div', { id: 'alternatives' }));
  // why each block is what it is: the day card's reasons, and the rules the student's day touches
  api(`/api/schools/${encodeURIComponent(board.school)}/days/${board.day}/students/${encodeURIComponent(studentId)}`
    + `?version=${version}`).then(card => {
    const why = whyByBlock(card);
    target.querySelectorAll('td.why').forEach(cell => { cell.textContent = why[cell.dataset.block] || ''; });
    if (list(card.rules).length) {
      target.querySelector('table').after(el('details', { id: 'student-rules' },
        el('summary', {}, `Rules this day touches (${card.rules.length})`),
        el('ul', {}, card.rules.map(r => el('li', {}, `${r.rule}: ${r.text} (${r.impact})`)))));
    }
  }).catch(() => {});
}

/** A student's learner profile for staff: goals, accommodations, the skill map as a picture, and their evidence. */
async function profileView(studentId) {
  const target = document.getElementById('alternatives');
  try {
    const school = encodeURIComponent(board.school);
    const [profile, layout] = await Promise.all([
      api(`/api/schools/${school}/students/${encodeURIComponent(studentId)}/profile`),
      board.skillMap || api(`/api/schools/${school}/skill-map`)]);
    board.skillMap = layout;
    const skillNames = names(board.directory.skills);
    const byId = statesOf(profile);
    const goals = goalSkills(profile);
    const accommodations = board.directory.students?.find(st => st.id === studentId)?.accommodations || [];
    const mastered = list(profile.skills).filter(x => x.mastered).length;
    target.replaceChildren(el('section', { id: 'profile', 'aria-labelledby': 'profile-title' },
      el('h3', { class: 'h6', id: 'profile-title' }, `Learner profile: ${profile.name || studentId}, grade `
        + `${profile.grade ?? '—'}`),
      el('p', {}, `Goals: ${list(profile.goals).map(g => g.skill ? (skillNames[g.skill]?.name || g.skill) : g.strand)
        .join('; ') || 'none'}. Accommodations: ${accommodations.join('; ') || 'none'}.`),
      el('p', {}, `${mastered} mastered, ${list(profile.readySet).length} ready to learn (mastery at or above `
        + `${profile.masteryThreshold} counts as mastered).`),
      skillMapPicture(layout, byId, goals, `Skill map of ${profile.name || studentId}`),
      el('h4', { class: 'h6 mt-2' }, 'Evidence, most recent skills'),
      evidenceChart(profile.skills, profile.masteryThreshold, skillNames),
      el('details', {}, el('summary', {}, 'Every skill with evidence, by grade, in words'),
        skillList(profile.skills, skillNames))));
  } catch (e) {
    target.replaceChildren(alertBox(e.message));
  }
}

/** The skills with evidence by grade, each with its state in a word and a symbol (the picture's text alternative). */
function skillList(skills, skillNames) {
  const byGrade = {};
  for (const skill of list(skills)) (byGrade[skill.skillId.split('.')[0]] ||= []).push(skill);
  return Object.entries(byGrade).map(([grade, inGrade]) => el('div', { class: 'mb-2' },
    el('div', { class: 'fw-semibold' }, `Grade ${grade}`),
    el('ul', { class: 'list-inline mb-0' }, inGrade.map(k => el('li', {
      class: `list-inline-item badge skill skill-${skillState(k).replace(' ', '-')}`,
      title: `${skillNames[k.skillId]?.name || k.skillId}: ${skillState(k)}, mastery ${k.mastery.toFixed(2)}`,
    }, `${k.skillId} ${skillState(k) === 'mastered' ? '✓' : skillState(k) === 'ready' ? '→' : '·'}`)))));
}

async function alternatives(studentId, blockId, version) {
  const target = document.getElementById('alternatives');
  const staff = names(board.directory.staff);
  const spaces = names(board.directory.spaces);
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
          onclick: () => preview(studentId, blockId, a.sessionId, version, view) }, 'Move here…')))));
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

/** Whether a request is met by a group: every part it names (adult, skill or activity, modality) matches. */
function meets(request, session) {
  return (!request.staffId || request.staffId === session.staffId)
    && (!request.focus || request.focus === session.focus?.id)
    && (!request.modality || request.modality === session.modality);
}

/** A group on the board: what it works on, how, where or with whom, its head count against the modality's limits. */
function groupCard(session, blockId, { spaces, students, modalities, staff, byRoom, asked }) {
  const seats = list(session.students);
  const size = seats.length;
  const modality = modalities[session.modality];
  const cap = modality?.maxSize;
  const min = modality?.minSize;
  const over = cap && size > cap;
  const full = cap && size === cap;
  const under = min && size > 0 && size < min;
  const withAccommodations = seats.filter(seat => list(students[seat.studentId]?.accommodations).length > 0);
  // requests for this block, or for any block that this group meets
  const requests = seats.flatMap(seat => list(asked[seat.studentId]))
    .filter(r => r.blockId === blockId || (!r.blockId && meets(r, session)));
  const met = requests.filter(r => meets(r, session)).length;
  const focus = session.focus ? (session.focus.name || session.focus.id) : 'Own skills';
  const card = el('div', { class: 'group' + (full || over ? ' full' : '') + (under ? ' under' : ''),
    'data-session': session.id, 'data-block': blockId },
  el('div', { class: 'focus' }, focus),
  el('div', {}, `${modality?.name || pretty(session.modality)} · ${byRoom
    ? (staff[session.staffId]?.name || 'no adult') : (spaces[session.spaceId]?.name || session.spaceId || 'no room')}`),
  el('div', {}, cap ? `${size} of ${cap} students` : `${size} student${size === 1 ? '' : 's'}`,
    over ? el('span', { class: 'badge text-bg-danger ms-1' }, 'over the cap') : null,
    full ? el('span', { class: 'badge text-bg-warning ms-1' }, 'full') : null,
    under ? el('span', { class: 'badge text-bg-warning ms-1' }, `below the minimum of ${min}`) : null,
    withAccommodations.length ? el('span', { class: 'badge text-bg-info ms-1', title: withAccommodations.map(seat =>
      `${students[seat.studentId]?.name || seat.studentId}: ${students[seat.studentId].accommodations.join(', ')}`)
      .join('\n') }, `${withAccommodations.length} with accommodations`) : null,
    met ? el('span', { class: 'badge text-bg-light border ms-1' }, `${met} request${met === 1 ? '' : 's'} met`) : null,
    requests.length > met ? el('span', { class: 'badge text-bg-light border border-danger ms-1' },
      `${requests.length - met} request${requests.length - met === 1 ? '' : 's'} not met`) : null));
  // a student dragged from their day onto a group of the same block: the server says what the move would do
  card.addEventListener('dragover', (event) => {
    if (board.dragging?.blockId !== blockId || board.dragging.sessionId === session.id) return;
    event.preventDefault();
    card.classList.add('drop-over');
  });
  card.addEventListener('dragleave', () => card.classList.remove('drop-over'));
  card.addEventListener('drop', (event) => {
    event.preventDefault();
    card.classList.remove('drop-over');
    if (board.dragging?.blockId !== blockId) return;
    const { studentId, version } = board.dragging;
    preview(studentId, blockId, session.id, version);
  });
  return card;
}

function dragStart(event, studentId, entry, version) {
  board.dragging = { studentId, blockId: entry.blockId, sessionId: entry.sessionId, version };
  event.dataTransfer.setData('text/plain', `${studentId}@${entry.blockId}`);
  event.dataTransfer.effectAllowed = 'move';
  document.querySelectorAll(`#grid .group[data-block="${CSS.escape(entry.blockId)}"]`).forEach(g => {
    if (g.dataset.session !== entry.sessionId) g.classList.add('drop-target');
  });
}

function dragEnd() {
  board.dragging = null; // after the drop: a later drag of something else is not a move
  document.querySelectorAll('#grid .group.drop-target').forEach(g => g.classList.remove('drop-target'));
}

/**
 * What a move would do, before it is made: the server's score change and reasons for that group (the alternatives it
 * ranks), who the student joins and leaves, and which groups the move leaves over their cap or under their minimum —
 * those students are the ones the re-plan may move too. Then Apply or Cancel.
 */
async function preview(studentId, blockId, sessionId, version, known) {
  const target = document.getElementById('alternatives') || document.getElementById('student-day');
  const base = `/api/schools/${encodeURIComponent(board.school)}/days/${board.day}/placements/`
    + `${encodeURIComponent(studentId)}/${encodeURIComponent(blockId)}`;
  const students = names(board.directory.students);
  const staff = names(board.directory.staff);
  const modalities = names(board.directory.modalities);
  const who = id => students[id]?.name || id;
  try {
    const view = known || await api(`${base}/alternatives?version=${version}`);
    const offer = list(view.alternatives).find(a => a.sessionId === sessionId);
    const block = list(board.plan.blocks).find(b => b.blockId === blockId);
    const sessions = list(block?.sessions);
    const to = sessions.find(x => x.id === sessionId);
    const from = sessions.find(x => list(x.students).some(seat => seat.studentId === studentId));
    if (!to) throw new Error(`No group ${sessionId} in ${blockId}.`);
    const lines = [];
    const joining = list(to.students).map(seat => who(seat.studentId));
    const toCap = modalities[to.modality]?.maxSize;
    lines.push(`Joins ${to.focus?.name || 'own skills'} with ${staff[to.staffId]?.name || 'no adult'}: `
      + `${joining.length + 1}${toCap ? ` of ${toCap}` : ''} students with ${joining.join(', ') || 'nobody else yet'}.`);
    if (toCap && joining.length + 1 > toCap) {
      lines.push(`That is over the cap of ${toCap}: the re-plan will move one of ${joining.join(', ')} elsewhere.`);
    }
    if (from) {
      const staying = list(from.students).filter(seat => seat.studentId !== studentId).map(seat => who(seat.studentId));
      const fromMin = modalities[from.modality]?.minSize;
      lines.push(`Leaves ${from.focus?.name || 'own skills'} with ${staff[from.staffId]?.name || 'no adult'}: `
        + `${staying.length} left.`);
      if (fromMin && staying.length > 0 && staying.length < fromMin) {
        lines.push(`That group falls below its minimum of ${fromMin}: the re-plan may move ${staying.join(', ')} too.`);
      }
    }
    const apply = el('button', { type: 'button', class: 'btn btn-primary btn-sm', id: 'apply-move',
      onclick: () => move(base, sessionId, version) }, 'Apply the move');
    const cancel = el('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm ms-2',
      onclick: () => panel.remove() }, 'Cancel');
    const panel = el('section', { id: 'move-preview', class: 'border rounded p-2 my-2', 'aria-labelledby': 'preview-title' },
      el('h3', { class: 'h6', id: 'preview-title' }, `Move ${who(studentId)} in ${blockId}?`),
      el('p', { class: 'mb-1' }, offer ? `Score change ${offer.scoreChange}` + (list(offer.reasons).length
        ? ` (${offer.reasons.join('; ')})` : '') : 'The server does not rank this group among this student\'s places: '
        + 'it may refuse the move.'),
      el('ul', { class: 'mb-2', id: 'who-else-moves' }, lines.map(line => el('li', {}, line))),
      apply, cancel);
    document.getElementById('move-preview')?.remove();
    target.prepend(panel);
    apply.focus();
  } catch (e) {
    target.prepend(alertBox(e.message));
  }
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
