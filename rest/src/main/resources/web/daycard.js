// A student's (or their family's) day card: the day in plain words, why, and progress; the requests they made for a
// session with what became of each; a form to ask for one; and the goals they set with their advisor.

import { state, api, el, show, alertBox, today, list, capitalize, say, whyByBlock } from './core.js';
import { skillMapPicture, statesOf, goalSkills } from './pictures.js';
import { calendarButton } from './calendar.js';

export async function dayCardView() {
  const students = state.me.role === 'student' ? [state.me.personId] : [...(state.me.children || [])].sort();
  const day = today();
  show(el('h1', { class: 'h3' }, `The day, ${day}`), el('div', { id: 'cards' }));
  const target = document.getElementById('cards');
  for (const id of students) {
    const section = el('section', { class: 'mb-5', 'aria-label': 'Day card' }, 'Loading…');
    target.append(section);
    await studentView(section, id, day);
  }
}

const school = () => encodeURIComponent(state.me.schoolId);

/** One student's part of the page, drawn again after each change. */
async function studentView(section, id, day) {
  const sid = encodeURIComponent(id);
  const [card, profile, goals, choices, requests] = await Promise.all([
    api(`/api/schools/${school()}/days/${day}/students/${sid}`).catch(e => e),
    api(`/api/schools/${school()}/students/${sid}/profile`).catch(() => null),
    api(`/api/schools/${school()}/students/${sid}/goals`).catch(() => null),
    api(`/api/schools/${school()}/days/${day}/requests/choices/${sid}`).catch(() => null),
    api(`/api/schools/${school()}/days/${day}/requests`).catch(() => [])]);
  const redraw = () => studentView(section, id, day);
  const own = state.me.role === 'student';
  const title = profile?.name ? (own ? `Hello, ${profile.name}` : `${profile.name}'s day`) : 'The day';
  const key = id.replace(/[^A-Za-z0-9_-]/g, '_');
  section.replaceChildren(el('h2', { class: 'h4' }, title),
    calendarButton(id, 'student', own ? 'Add my days to my calendar'
      : `Add ${profile?.name ? `${profile.name}'s` : 'their'} days to my calendar`),
    card instanceof Error
      ? (card.status === 404 || card.status === 409 ? el('p', {}, 'No published plan for today yet.') : alertBox(card.message))
      : dayCard(card, profile),
    requestsPart(list(requests).filter(r => r.studentId === id), own, redraw, key),
    choices ? askForm(choices, id, day, own, redraw, key) : null,
    goalsPart(goals, choices, own, redraw, key, id),
    profile ? skillMapPart(profile, own, key) : null);
}

/** Progress on the skill map, as a picture: closed at first, so the day comes first on a phone. */
function skillMapPart(profile, own, key) {
  const part = el('details', { class: 'mt-3', id: `skill-map-${key}` },
    el('summary', { class: 'h5' }, own ? 'Your progress on the skill map' : 'Progress on the skill map'));
  part.addEventListener('toggle', async () => {
    if (!part.open || part.querySelector('figure')) return;
    try {
      const layout = await api(`/api/schools/${school()}/skill-map`);
      part.append(skillMapPicture(layout, statesOf(profile), goalSkills(profile),
        own ? 'Your skill map' : `${profile.name || 'Their'} skill map`));
    } catch (e) {
      part.append(alertBox(e.message));
    }
  });
  return part;
}

function dayCard(card, profile) {
  const own = state.me.role === 'student';
  const reasons = Object.fromEntries(Object.entries(whyByBlock(card))
    .map(([block, why]) => [block, own ? why.replaceAll('their', 'your') : why]));
  const items = (card.inWords || []).map(b => el('li', { class: 'list-group-item' },
    el('div', { class: 'fw-semibold' }, `${b.start?.slice(0, 5) || ''}–${b.end?.slice(0, 5) || ''}`),
    el('div', {}, b.status === 'placed' || b.status === 'catch-all'
      ? [b.what || 'Your own skills', b.how, b.withWhom ? `with ${b.withWhom}` : null, b.where ? `in ${b.where}` : null]
        .filter(Boolean).join(' · ')
      : `${capitalize(b.status)}${b.note ? ': ' + b.note : ''}`),
    reasons[b.blockId] ? el('div', { class: 'small text-body-secondary' }, `Why: ${reasons[b.blockId]}`) : null));
  const progress = profile ? el('p', {}, `${list(profile.skills).filter(s => s.mastered).length} skills mastered, `
    + `${list(profile.readySet).length} ready to learn next`) : null;
  return el('div', { class: 'mb-4' }, progress, el('ul', { class: 'list-group' }, items));
}

// each outcome in words; the badge's colour only repeats them (Bootstrap's text-bg pairs keep AA contrast)
const OUTCOMES = {
  waiting: ['Waiting for the plan', 'text-bg-secondary'],
  honoured: ['Honoured', 'text-bg-success'],
  'not-honoured': ['Not honoured', 'text-bg-warning'],
  'set-aside': ['Set aside: not in school then', 'text-bg-light border'],
};

/** The requests about the student: what was asked, what became of it, how many others asked; withdraw your own. */
function requestsPart(requests, own, redraw, key) {
  const heading = el('h3', { class: 'h5', id: `requests-title-${key}` }, own ? 'Your requests' : 'Requests');
  if (!requests.length) {
    return el('section', { class: 'mb-4', 'aria-labelledby': `requests-title-${key}` }, heading,
      el('p', { class: 'text-body-secondary' }, 'No requests for today yet.'));
  }
  const items = requests.map(r => {
    const o = r.outcome || { status: 'waiting' };
    const instead = list(o.instead).map(i => [i.what, i.how, i.withWhom ? `with ${i.withWhom}` : null]
      .filter(Boolean).join(' · ')).filter(Boolean);
    return el('li', { class: 'list-group-item request', 'data-request': r.id },
      el('div', { class: 'fw-semibold' }, r.inWords),
      r.note ? el('div', { class: 'small' }, `Note: ${r.note}`) : null,
      el('div', {}, el('span', { class: `badge outcome ${OUTCOMES[o.status]?.[1] || 'text-bg-light'}` },
        OUTCOMES[o.status]?.[0] || o.status),
        o.status === 'not-honoured' ? ` — ${o.inWords}` : null),
      instead.length ? el('div', { class: 'small' }, `Instead: ${instead.join('; ')}`) : null,
      el('div', { class: 'small text-body-secondary' }, r.othersAsking === 0 ? 'Nobody else asked for the same.'
        : `${r.othersAsking} other ${r.othersAsking === 1 ? 'student' : 'students'} asked for the same.`),
      r.mine ? el('button', { type: 'button', class: 'btn btn-outline-danger btn-sm mt-2',
        'aria-label': `Withdraw the request: ${r.inWords}`,
        onclick: async event => {
          event.target.disabled = true;
          try {
            await api(`/api/schools/${school()}/days/${r.day}/requests/${encodeURIComponent(r.id)}`, { method: 'DELETE' });
            say('Request withdrawn.');
            await redraw();
          } catch (e) {
            event.target.replaceWith(alertBox(e.message));
          }
        } }, 'Withdraw') : null);
  });
  return el('section', { class: 'mb-4', 'aria-labelledby': `requests-title-${key}` }, heading,
    el('ul', { class: 'list-group', id: `requests-${key}` }, items));
}

function field(id, label, control) {
  return el('div', { class: 'mb-3' }, el('label', { class: 'form-label', for: id }, label), control);
}

function select(id, options) {
  return el('select', { class: 'form-select', id }, options.map(([value, text]) => el('option', { value }, text)));
}

/** Ask for a session: when (a block, or any), on what (a ready or goal skill, an activity), how, and a note. */
function askForm(choices, studentId, day, own, redraw, key) {
  const blocks = [['', 'Any time'], ...choices.blocks.map(b => [b.id,
    `${b.start.slice(0, 5)}–${b.end.slice(0, 5)}${b.kind === 'skills' ? '' : ' (' + b.kind + ')'}`])];
  const what = el('select', { class: 'form-select', id: `ask-what-${key}` },
    el('option', { value: '' }, 'Anything'),
    el('optgroup', { label: own ? 'Skills you are ready for or aim at' : 'Skills ready or aimed at' },
      list(choices.skills).map(s => el('option', { value: s.id }, s.name))),
    choices.activities?.length ? el('optgroup', { label: 'Activities' },
      choices.activities.map(a => el('option', { value: a.id }, a.name))) : null);
  const how = [['', 'Any way'], ...list(choices.modalities).map(m => [m.id, m.name])];
  const form = el('form', { class: 'card card-body mb-4', 'aria-labelledby': `ask-title-${key}` },
    el('h3', { class: 'h5', id: `ask-title-${key}` }, 'Ask for a session'),
    el('p', { class: 'small text-body-secondary' }, 'Each block is yours to choose: say when, what and how you would '
      + 'like to work. Teachers\' requests come before students\', and required ones before both.'),
    field(`ask-block-${key}`, 'When', select(`ask-block-${key}`, blocks)),
    field(`ask-what-${key}`, 'What', what),
    field(`ask-how-${key}`, 'How', select(`ask-how-${key}`, how)),
    field(`ask-note-${key}`, 'Note (optional)', el('input', { class: 'form-control', id: `ask-note-${key}`,
      type: 'text', maxlength: '500' })),
    el('div', { id: `ask-error-${key}` }),
    el('button', { type: 'submit', class: 'btn btn-primary', id: `ask-${key}` }, 'Ask'));
  form.onsubmit = async event => {
    event.preventDefault();
    const value = name => form.querySelector(`#ask-${name}-${key}`).value || undefined;
    try {
      await api(`/api/schools/${school()}/days/${day}/requests`, { method: 'POST', body: {
        studentId, blockId: value('block'), focus: value('what'), modality: value('how'), note: value('note') } });
      say('Request sent.');
      await redraw();
    } catch (e) {
      form.querySelector(`#ask-error-${key}`).replaceChildren(alertBox(e.message));
    }
  };
  return form;
}

const PRIORITY = { 1: 'most important', 2: 'important', 3: 'nice to have' };

/** The goals in plain words, who set them and when; the student sets or renews them, a guardian reads them. */
function goalsPart(goals, choices, own, redraw, key, studentId) {
  const skillNames = Object.fromEntries(list(choices?.skills).map(s => [s.id, s.name]));
  const strandNames = Object.fromEntries(list(choices?.strands).map(s => [s.id, s.name]));
  const current = list(goals?.goals);
  const words = g => g.skill ? (skillNames[g.skill] || g.skill) : `Strand ${strandNames[g.strand] || g.strand}`;
  const who = goals?.source === 'set'
    ? `Set by ${goals.setBy?.role === 'student' ? (own ? 'you' : 'the student') : 'the ' + goals.setBy?.role.replace('-', ' ')}`
      + ` on ${goals.setAt?.slice(0, 10)}.`
    : 'As the school\'s records give them.';
  const part = el('section', { class: 'mb-4', 'aria-labelledby': `goals-title-${key}` },
    el('h3', { class: 'h5', id: `goals-title-${key}` }, own ? 'Your goals' : 'Goals'),
    current.length ? el('ul', { id: `goals-${key}` }, current.map(g => el('li', {},
      `${words(g)} (${PRIORITY[g.priority || 2] || 'priority ' + g.priority})`))) : el('p', {}, 'No goals yet.'),
    el('p', { class: 'small text-body-secondary' }, who));
  if (!own || !choices) {
    return part;
  }
  const form = el('form', { class: 'card card-body', 'aria-labelledby': `goal-form-title-${key}` },
    el('h4', { class: 'h6', id: `goal-form-title-${key}` }, 'Set your goals (with your advisor)'),
    field(`goal-skill-${key}`, 'A skill to work towards', select(`goal-skill-${key}`,
      [['', 'None'], ...list(choices.skills).map(s => [s.id, s.name])])),
    field(`goal-strand-${key}`, 'A strand to work towards', select(`goal-strand-${key}`,
      [['', 'None'], ...list(choices.strands).map(s => [s.id, s.name])])),
    field(`goal-priority-${key}`, 'How important', select(`goal-priority-${key}`,
      Object.entries(PRIORITY).map(([p, text]) => [p, capitalize(text)]))),
    el('div', { class: 'form-check mb-3' }, el('input', { class: 'form-check-input', type: 'checkbox',
      id: `goal-keep-${key}`, checked: true }), el('label', { class: 'form-check-label', for: `goal-keep-${key}` },
      'Keep my other goals')),
    el('div', { id: `goal-error-${key}` }),
    el('button', { type: 'submit', class: 'btn btn-primary', id: `goal-save-${key}` }, 'Save goals'));
  form.onsubmit = async event => {
    event.preventDefault();
    const priority = Number(form.querySelector(`#goal-priority-${key}`).value);
    const skill = form.querySelector(`#goal-skill-${key}`).value;
    const strand = form.querySelector(`#goal-strand-${key}`).value;
    const next = form.querySelector(`#goal-keep-${key}`).checked ? current.filter(g =>
      (!skill || g.skill !== skill) && (!strand || g.strand !== strand)) : [];
    if (skill) next.push({ skill, priority });
    if (strand) next.push({ strand, priority });
    try {
      await api(`/api/schools/${school()}/students/${encodeURIComponent(studentId)}/goals`,
        { method: 'PUT', body: next });
      say('Goals saved.');
      await redraw();
    } catch (e) {
      form.querySelector(`#goal-error-${key}`).replaceChildren(alertBox(e.message));
    }
  };
  part.append(form);
  return part;
}
