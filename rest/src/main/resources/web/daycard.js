// A student's (or their family's) day card: the day in plain words, why, and progress.

import { state, api, el, show, alertBox, today, list, capitalize } from './core.js';

export async function dayCardView() {
  const students = state.me.role === 'student' ? [state.me.personId] : [...(state.me.children || [])].sort();
  const day = today();
  show(el('h1', { class: 'h3' }, `The day, ${day}`), el('div', { id: 'cards' }));
  const target = document.getElementById('cards');
  for (const id of students) {
    const section = el('section', { class: 'mb-4', 'aria-label': 'Day card' }, 'Loading…');
    target.append(section);
    try {
      const [card, profile] = await Promise.all([
        api(`/api/schools/${encodeURIComponent(state.me.schoolId)}/days/${day}/students/${encodeURIComponent(id)}`),
        api(`/api/schools/${encodeURIComponent(state.me.schoolId)}/students/${encodeURIComponent(id)}/profile`)
          .catch(() => null)]);
      section.replaceChildren(...dayCard(card, profile));
    } catch (e) {
      section.replaceChildren(e.status === 404 ? el('p', {}, 'No published plan for today yet.') : alertBox(e.message));
    }
  }
}

function dayCard(card, profile) {
  const own = state.me.role === 'student';
  const reasons = Object.fromEntries((card.why || []).map(line => {
    const block = line.match(/^Block (\S+) /)?.[1];
    const why = line.split('); ').slice(1).join('); ').replace(/^why: /, '');
    return [block, own ? why.replaceAll('their', 'your') : why];
  }));
  const title = profile?.name ? (own ? `Hello, ${profile.name}` : `${profile.name}'s day`) : 'The day';
  const items = (card.inWords || []).map(b => el('li', { class: 'list-group-item' },
    el('div', { class: 'fw-semibold' }, `${b.start?.slice(0, 5) || ''}–${b.end?.slice(0, 5) || ''}`),
    el('div', {}, b.status === 'placed' || b.status === 'catch-all'
      ? [b.what || 'Your own skills', b.how, b.withWhom ? `with ${b.withWhom}` : null, b.where ? `in ${b.where}` : null]
        .filter(Boolean).join(' · ')
      : `${capitalize(b.status)}${b.note ? ': ' + b.note : ''}`),
    reasons[b.blockId] ? el('div', { class: 'small text-body-secondary' }, `Why: ${reasons[b.blockId]}`) : null));
  const progress = profile ? el('p', {}, `${list(profile.skills).filter(s => s.mastered).length} skills mastered, `
    + `${list(profile.readySet).length} ready to learn next` + (profile.goals?.length ? `; goals: ${profile.goals.map(g =>
      g.skill || g.strand).join(', ')}` : '')) : null;
  return [el('h2', { class: 'h4' }, title), progress, el('ul', { class: 'list-group' }, items)];
}
