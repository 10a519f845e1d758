// Pictures drawn as SVG from the API's data: the skill map coloured by a student's state, and their evidence over
// time. Built with createElementNS and textContent (no markup from data). Each state has a shape and a word as well
// as a colour, and each picture has a text alternative beside it.

import { el, list } from './core.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) if (v !== null && v !== undefined) e.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** A skill's state for a student: 'mastered', 'ready' (every prerequisite mastered) or 'not yet'. */
export function skillState(skill) {
  return skill?.mastered ? 'mastered' : skill?.ready ? 'ready' : 'not yet';
}

/** A learner profile's skills by id, each with its state: those with evidence, and the ready ones without any. */
export function statesOf(profile) {
  const ready = new Set(list(profile?.readySet));
  const byId = {};
  for (const k of list(profile?.skills)) byId[k.skillId] = { ...k, ready: ready.has(k.skillId) };
  for (const id of ready) byId[id] = byId[id] || { skillId: id, ready: true };
  return byId;
}

/** The skills a profile's goals name (goals on a whole strand have no one skill to ring). */
export function goalSkills(profile) {
  return new Set(list(profile?.goals).filter(g => g.skill).map(g => g.skill));
}

/** The shape of a state: a filled circle (mastered), a diamond (ready), a small ring (not yet); a goal gets a halo. */
function mark(state, x, y, goal) {
  const shapes = [];
  if (goal) shapes.push(svg('circle', { cx: x, cy: y, r: 11, class: 'sm-goal' }));
  if (state === 'mastered') shapes.push(svg('circle', { cx: x, cy: y, r: 7, class: 'sm-mastered' }));
  else if (state === 'ready') shapes.push(svg('rect', { x: x - 5.5, y: y - 5.5, width: 11, height: 11,
    transform: `rotate(45 ${x} ${y})`, class: 'sm-ready' }));
  else shapes.push(svg('circle', { cx: x, cy: y, r: 4, class: 'sm-not-yet' }));
  return shapes;
}

/**
 * The skill map (GET /api/schools/{school}/skill-map) with each skill marked by the student's state; readySet and
 * goals from their profile. Arrows run from a prerequisite down to what needs it; those into a ready skill are drawn
 * stronger (what the student can learn next, and from what).
 */
export function skillMapPicture(layout, byId, goals, caption) {
  const columnWidth = 22;
  const rowHeight = 56;
  const left = 112;
  const widest = Math.max(...list(layout.rows).map(r => r.size), 1);
  const width = left + widest * columnWidth + 12;
  const height = list(layout.rows).length * rowHeight + 12;
  const at = {};
  for (const n of list(layout.nodes)) {
    const size = layout.rows[n.row].size;
    // rows are centred: a short row spreads over the same width as a long one
    const x = left + (n.column + 0.5) * (widest * columnWidth) / size;
    at[n.id] = { x, y: 28 + n.row * rowHeight, node: n };
  }
  const counts = { mastered: 0, ready: 0, 'not yet': 0 };
  list(layout.nodes).forEach(n => { counts[skillState(byId[n.id])]++; });
  const titleId = `skill-map-title-${Math.random().toString(36).slice(2, 8)}`;
  const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'skill-map', role: 'img',
    'aria-labelledby': titleId, width: '100%' },
  svg('title', { id: titleId }, `${caption}: ${counts.mastered} skills mastered, ${counts.ready} ready to learn, `
    + `${counts['not yet']} not yet`),
  list(layout.rows).map(r => svg('text', { x: 4, y: 32 + r.index * rowHeight, class: 'sm-row' }, r.label)),
  list(layout.edges).map(e => {
    const a = at[e.from];
    const b = at[e.to];
    if (!a || !b) return null;
    const next = skillState(byId[e.to]) === 'ready';
    return svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: next ? 'sm-edge sm-edge-next' : 'sm-edge' });
  }),
  Object.values(at).map(({ x, y, node }) => {
    const state = skillState(byId[node.id]);
    const mastery = byId[node.id]?.mastery;
    return svg('g', { class: 'sm-skill', 'data-skill': node.id, 'data-state': state },
      svg('title', {}, `${node.name || node.id}: ${state}${mastery === undefined ? '' : `, mastery ${mastery.toFixed(2)}`}`
        + (goals.has(node.id) ? ' (a goal)' : '')),
      mark(state, x, y, goals.has(node.id)));
  }));
  const legend = el('p', { class: 'small mb-1 skill-map-legend' },
    legendItem('mastered', `● mastered (${counts.mastered})`), ' ',
    legendItem('ready', `◆ ready to learn (${counts.ready})`), ' ',
    legendItem('not-yet', `○ not yet (${counts['not yet']})`), ' ',
    el('span', { class: 'me-2' }, '◎ a goal'), ' ',
    el('span', {}, 'Arrows: from a prerequisite down to the skill that needs it; bold into a skill ready to learn.'));
  return el('figure', { class: 'skill-map-figure' }, legend, el('div', { class: 'skill-map-scroll' }, picture));
}

function legendItem(state, text) {
  return el('span', { class: `me-2 sm-legend-${state}` }, text);
}

/**
 * A student's evidence over time: mastery after each result, one line per skill for the most recently practised
 * skills, the mastery threshold dashed; a right answer a filled dot, a wrong one a hollow dot. Each line is labelled
 * with its skill at its end, so no line is told apart by colour alone.
 */
export function evidenceChart(skills, threshold, skillNames, most = 5) {
  const withHistory = list(skills).filter(s => list(s.history).length > 0)
    .map(s => ({ ...s, last: Math.max(...s.history.map(h => Date.parse(h.observedAt))) }))
    .sort((a, b) => b.last - a.last).slice(0, most);
  if (withHistory.length === 0) return el('p', { id: 'evidence-chart' }, 'No evidence yet.');
  const times = withHistory.flatMap(s => s.history.map(h => Date.parse(h.observedAt)));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 1);
  const width = 640;
  const height = 220;
  const left = 40;
  const right = 120;
  const top = 10;
  const bottom = 30;
  const x = t => left + (t - t0) / (t1 - t0) * (width - left - right);
  const y = p => top + (1 - p) * (height - top - bottom);
  const day = t => new Date(t).toISOString().slice(0, 10);
  const titleId = 'evidence-chart-title';
  const series = withHistory.map((s, i) => {
    const points = s.history.map(h => [x(Date.parse(h.observedAt)), y(h.after)]);
    const [lx, ly] = points[points.length - 1];
    return svg('g', { class: `ev-series ev-series-${i}`, 'data-skill': s.skillId },
      svg('polyline', { points: points.map(p => p.join(',')).join(' '), class: 'ev-line' }),
      s.history.map((h, j) => svg('circle', { cx: points[j][0], cy: points[j][1], r: 3.5,
        class: h.correct === false || (h.score !== null && h.score !== undefined && h.score < 0.5) ? 'ev-wrong'
          : 'ev-right' }, svg('title', {}, `${s.skillId} on ${day(Date.parse(h.observedAt))}: `
          + `${h.correct === false ? 'wrong' : h.correct === true ? 'right' : `score ${h.score}`}, mastery `
          + `${h.before.toFixed(2)} → ${h.after.toFixed(2)}`))),
      svg('text', { x: lx + 6, y: ly + 4, class: 'ev-label' }, s.skillId));
  });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-labelledby': titleId,
    class: 'evidence-chart', id: 'evidence-chart' },
  svg('title', { id: titleId }, `Mastery after each result for ${withHistory.length} skill`
    + `${withHistory.length === 1 ? '' : 's'}, ${day(t0)} to ${day(t1)}`),
  [0, 0.5, 1].map(p => svg('text', { x: left - 6, y: y(p) + 4, class: 'ev-axis', 'text-anchor': 'end' }, String(p))),
  svg('line', { x1: left, x2: width - right, y1: y(threshold), y2: y(threshold), class: 'ev-threshold' }),
  svg('text', { x: width - right + 6, y: y(threshold) - 4, class: 'ev-axis' }, `mastered ≥ ${threshold}`),
  svg('line', { x1: left, x2: left, y1: top, y2: height - bottom, class: 'ev-frame' }),
  svg('line', { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: 'ev-frame' }),
  svg('text', { x: left, y: height - 10, class: 'ev-axis' }, day(t0)),
  svg('text', { x: width - right, y: height - 10, class: 'ev-axis', 'text-anchor': 'end' }, day(t1)),
  series);
  const table = el('details', { class: 'mt-1' }, el('summary', {}, 'The evidence as a table'),
    el('table', { class: 'table table-sm' },
      el('thead', {}, el('tr', {}, ['Skill', 'When', 'Result', 'Mastery before → after'].map(h =>
        el('th', { scope: 'col' }, h)))),
      el('tbody', {}, withHistory.flatMap(s => s.history.map(h => el('tr', {},
        el('td', {}, skillNames[s.skillId]?.name || s.skillId), el('td', {}, day(Date.parse(h.observedAt))),
        el('td', {}, h.correct === true ? 'right' : h.correct === false ? 'wrong' : `score ${h.score}`),
        el('td', {}, `${h.before.toFixed(2)} → ${h.after.toFixed(2)}`)))))));
  return el('figure', {}, chart, el('figcaption', { class: 'small' }, '● right answer, ○ wrong answer; each line is '
    + 'labelled with its skill.'), table);
}
