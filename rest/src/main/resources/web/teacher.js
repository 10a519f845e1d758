// A teacher's morning: today's published roster, block by block, with what changed marked.

import { state, api, el, show, alertBox, today, list } from './core.js';

export async function myDayView() {
  const day = today();
  const school = state.me.schoolId;
  show(el('h1', { class: 'h3' }, `My day, ${day}`), el('div', { id: 'my-day' }, 'Loading…'));
  const target = document.getElementById('my-day');
  try {
    const roster = await api(`/api/schools/${encodeURIComponent(school)}/days/${day}/rosters/${encodeURIComponent(
      state.me.personId)}`);
    // what changed since the version this one revises (the morning's first, or yesterday's carried over)
    const me = state.me.personId;
    const since = roster.stamp?.since;
    const movedIn = new Set((roster.changes || []).filter(m => m.staffAfter === me).map(m => `${m.studentId}@${m.blockId}`));
    const movedOut = {};
    (roster.changes || []).filter(m => m.staffBefore === me && m.staffAfter !== me)
      .forEach(m => { movedOut[m.blockId] = (movedOut[m.blockId] || 0) + 1; });
    const header = el('p', { id: 'roster-version' }, `Version ${roster.stamp?.version} (${roster.stamp?.status})`
      + (since ? ` · ${(roster.changes || []).length} change${(roster.changes || []).length === 1 ? '' : 's'} to your `
        + `groups since version ${since}` : ''));
    target.replaceChildren(header, ...roster.blocks.map(block => el('section', { class: 'mb-3' },
      el('h2', { class: 'h5' }, `${block.start}–${block.end}`),
      block.session ? el('p', {}, [block.session.focus?.name || 'Each student on their own skill',
        block.session.modalityName, block.space?.name].filter(Boolean).join(' · ')) : el('p', {}, block.note || 'Free'),
      movedOut[block.blockId] ? el('p', { class: 'changed' }, `Changed: ${movedOut[block.blockId]} student`
        + `${movedOut[block.blockId] === 1 ? '' : 's'} moved to another group since version ${since}`) : null,
      list(block.students).length ? el('ul', {}, list(block.students).map(s => el('li', {},
        s.name, s.focus && s.focus.name !== block.session?.focus?.name ? ` — ${s.focus.name}` : '',
        movedIn.has(`${s.id}@${block.blockId}`) ? el('span', { class: 'badge text-bg-warning ms-1 changed' },
          `new here since version ${since}`) : null,
        (s.accommodations || []).map(a => el('span', { class: 'badge text-bg-light border ms-1' }, a))))) : null)));
  } catch (e) {
    target.replaceChildren(e.status === 404 ? el('p', {}, 'No published plan for today yet.') : alertBox(e.message));
  }
}
