// A teacher's morning: today's published roster, block by block — each student's skill in plain words with a link to
// what it means, why they are here, their accommodations — with what changed since the morning's first version and
// since the last school day marked; printable whole or one block at a time.

import { state, api, el, show, alertBox, today, list } from './core.js';
import { calendarButton } from './calendar.js';

/** The school day before `day` (YYYY-MM-DD): Friday before a Monday. */
function schoolDayBefore(day) {
  const d = new Date(`${day}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() - 1); while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

function rosterPath(day) {
  return `/api/schools/${encodeURIComponent(state.me.schoolId)}/days/${day}/rosters/${encodeURIComponent(
    state.me.personId)}`;
}

/** The students of a roster by id, with their names. */
function studentsOf(roster) {
  const byId = new Map();
  for (const block of list(roster?.blocks)) for (const s of list(block.students)) byId.set(s.id, s.name || s.id);
  return byId;
}

export async function myDayView() {
  const day = today();
  const print = el('a', { class: 'btn btn-outline-secondary btn-sm ms-2 no-print', id: 'print-day',
    href: rosterPath(day), target: '_blank', rel: 'noopener' }, 'Print the whole day');
  show(el('h1', { class: 'h3' }, `My day, ${day}`, print), calendarButton(state.me.personId, 'adult'),
    el('div', { id: 'my-day' }, 'Loading…'));
  const target = document.getElementById('my-day');
  try {
    const before = schoolDayBefore(day);
    const [roster, previous, taken] = await Promise.all([api(rosterPath(day)),
      api(rosterPath(before)).catch(e => (e.status === 404 ? null : Promise.reject(e))),
      api(attendancePath(day)).catch(() => null)]);
    const marks = new Map(list(taken?.marks).map(m => [`${m.student}@${m.block}`, m.status]));
    // what changed since the version this one revises (the morning's first, or yesterday's carried over)
    const me = state.me.personId;
    const since = roster.stamp?.since;
    const changes = list(roster.changes);
    const movedIn = new Set(changes.filter(m => m.staffAfter === me).map(m => `${m.studentId}@${m.blockId}`));
    const movedOut = {};
    changes.filter(m => m.staffBefore === me && m.staffAfter !== me)
      .forEach(m => { movedOut[m.blockId] = (movedOut[m.blockId] || 0) + 1; });
    const header = el('p', { id: 'roster-version' }, `Version ${roster.stamp?.version} (${roster.stamp?.status})`
      + (since ? ` · ${changes.length} change${changes.length === 1 ? '' : 's'} to your groups since version ${since}`
        : ''));
    target.replaceChildren(header, sinceLastDay(roster, previous, before),
      ...list(roster.blocks).map(block => blockSection(block, movedIn, movedOut, since, day, marks)));
  } catch (e) {
    target.replaceChildren(e.status === 404 ? el('p', {}, 'No published plan for today yet.') : alertBox(e.message));
  }
}

/** Who is new in your groups today and who is no longer, against the last school day's published roster. */
function sinceLastDay(roster, previous, before) {
  if (!previous) {
    return el('p', { id: 'since-yesterday' }, `No published plan for ${before} to compare with.`);
  }
  const now = studentsOf(roster);
  const then = studentsOf(previous);
  const joined = [...now].filter(([id]) => !then.has(id)).map(([, name]) => name);
  const left = [...then].filter(([id]) => !now.has(id)).map(([, name]) => name);
  return el('section', { id: 'since-yesterday', class: 'mb-3', 'aria-labelledby': 'since-yesterday-title' },
    el('h2', { class: 'h6', id: 'since-yesterday-title' }, `Since ${before}`),
    el('ul', { class: 'mb-0' },
      el('li', {}, joined.length ? el('span', { class: 'changed' }, `New in your groups today (${joined.length}): `
        + joined.join(', ')) : 'Nobody new in your groups today.'),
      el('li', {}, left.length ? `Not with you today (${left.length}): ${left.join(', ')}`
        : 'Everyone you had is with you again.')));
}

function attendancePath(day) {
  return `/api/schools/${encodeURIComponent(state.me.schoolId)}/days/${day}/attendance`;
}

const STATUSES = ['present', 'absent', 'tardy', 'excused'];

/** Attendance for one block: a status per student (what was taken, else present), saved for the school's SIS. */
function attendanceForm(block, day, marks) {
  const students = list(block.students);
  const form = el('form', { class: 'attendance no-print mb-2', hidden: true,
    'aria-label': `Attendance ${block.start}–${block.end}` });
  const rows = students.map(s => {
    const taken = marks.get(`${s.id}@${block.blockId}`);
    const select = el('select', { class: 'form-select form-select-sm w-auto d-inline-block ms-2',
      'data-student': s.id, 'aria-label': `${s.name || s.id}: attendance` },
      STATUSES.map(v => el('option', { value: v, selected: v === (taken || 'present') }, v)));
    return el('div', { class: 'mb-1' }, el('span', {}, s.name || s.id), select);
  });
  const said = el('p', { class: 'small mb-0', role: 'status' },
    students.some(s => marks.has(`${s.id}@${block.blockId}`)) ? 'Taken earlier; saving again replaces it.' : '');
  form.append(...rows, el('button', { type: 'submit', class: 'btn btn-primary btn-sm mt-1' }, 'Save attendance'),
    said);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { block: block.blockId, marks: [...form.querySelectorAll('select')].map(x => (
      { student: x.dataset.student, status: x.value })) };
    try {
      await api(attendancePath(day), { method: 'PUT', body });
      said.textContent = `Saved for ${body.marks.length} student${body.marks.length === 1 ? '' : 's'} at `
        + `${new Date().toTimeString().slice(0, 5)}.`;
    } catch (e) {
      said.textContent = `Not saved: ${e.message}`;
    }
  });
  return form;
}

function blockSection(block, movedIn, movedOut, since, day, marks) {
  const form = list(block.students).length ? attendanceForm(block, day, marks) : null;
  const section = el('section', { class: 'mb-3 block-roster', 'data-block': block.blockId },
    el('h2', { class: 'h5' }, `${block.start}–${block.end}`,
      list(block.students).length ? el('button', { type: 'button', class: 'btn btn-link btn-sm no-print',
        onclick: () => printBlock(section) }, 'Print this block') : null,
      form ? el('button', { type: 'button', class: 'btn btn-link btn-sm no-print take-attendance',
        onclick: () => { form.hidden = !form.hidden; } }, 'Take attendance') : null),
    form,
    block.session ? el('p', {}, focusLink(block.session.focus) || 'Each student on their own skill',
      [block.session.modalityName, block.space?.name].filter(Boolean).map(x => ` · ${x}`))
      : el('p', {}, block.note || 'Free'),
    movedOut[block.blockId] ? el('p', { class: 'changed' }, `Changed: ${movedOut[block.blockId]} student`
      + `${movedOut[block.blockId] === 1 ? '' : 's'} moved to another group since version ${since}`) : null,
    list(block.students).length ? el('ul', { class: 'list-unstyled' }, list(block.students).map(s => el('li',
      { class: 'mb-1' },
      el('span', { class: 'fw-semibold' }, s.name || s.id),
      // their own skill where it is not the group's (independent or online practice, an aide's group)
      s.focus && s.focus.id !== block.session?.focus?.id ? [' — ', focusLink(s.focus)] : null,
      movedIn.has(`${s.id}@${block.blockId}`) ? el('span', { class: 'badge text-bg-warning ms-1 changed' },
        `new here since version ${since}`) : null,
      list(s.accommodations).map(a => el('span', { class: 'badge text-bg-light border ms-1' }, a)),
      s.why ? el('div', { class: 'small text-body-secondary' }, `Why: ${s.why}`) : null))) : null);
  return section;
}

/** A skill as a link to what it means; an activity or advisory by its name. */
function focusLink(focus) {
  if (!focus) return null;
  return focus.kind === 'skill' ? el('a', { href: `#skill/${encodeURIComponent(focus.id)}` }, focus.name || focus.id)
    : focus.name || focus.id;
}

/** Prints one block: the others are hidden from print while the dialog is open. */
function printBlock(section) {
  document.body.classList.add('print-one');
  section.classList.add('printing');
  window.addEventListener('afterprint', () => {
    document.body.classList.remove('print-one');
    section.classList.remove('printing');
  }, { once: true });
  window.print();
}

/** What a skill means: its full name, grade and strand, what it builds on and what it leads to (the skill map). */
export async function skillView(skillId) {
  show(el('p', {}, 'Loading…'));
  try {
    const layout = await api(`/api/schools/${encodeURIComponent(state.me.schoolId)}/skill-map`);
    const byId = Object.fromEntries(list(layout.nodes).map(n => [n.id, n]));
    const skill = byId[skillId];
    if (!skill) {
      show(alertBox(`No skill ${skillId} on the school's map.`));
      return;
    }
    const named = id => el('li', {}, el('a', { href: `#skill/${encodeURIComponent(id)}` }, byId[id]?.name || id));
    const buildsOn = list(layout.edges).filter(e => e.to === skillId).map(e => e.from);
    const leadsTo = list(layout.edges).filter(e => e.from === skillId).map(e => e.to);
    show(el('p', { class: 'no-print' }, el('a', { href: '#', id: 'back' }, '← Back to my day')),
      el('h1', { class: 'h4', id: 'skill-title' }, skill.name || skill.id),
      el('p', {}, `${skill.id} · ${skill.grade === 0 ? 'Kindergarten' : `Grade ${skill.grade ?? '—'}`}`
        + (skill.strand ? ` · ${skill.strand}` : '')),
      el('h2', { class: 'h6' }, 'Builds on'),
      buildsOn.length ? el('ul', {}, buildsOn.map(named)) : el('p', {}, 'Nothing before it on the map.'),
      el('h2', { class: 'h6' }, 'Leads to'),
      leadsTo.length ? el('ul', {}, leadsTo.map(named)) : el('p', {}, 'Nothing after it on the map.'));
  } catch (e) {
    show(alertBox(e.message));
  }
}
