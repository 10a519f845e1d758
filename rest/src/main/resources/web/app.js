// Regroup's web interface: one page per user, chosen by the signed-in role. Each view is its own module.

import { state, api, show, alertBox, capitalize } from './core.js';
import { signInView, signOut } from './signin.js';
import { boardView } from './board.js';
import { myDayView, skillView } from './teacher.js';
import { whatIfView } from './whatif.js';
import { dayCardView } from './daycard.js';
import { morningView } from './morning.js';

async function start() {
  try {
    state.me = await api('/api/session');
  } catch (e) {
    if (e.status === 401) { signInView(); return; }
    show(alertBox(e.message));
    return;
  }
  document.getElementById('who').textContent = `${capitalize(state.me.role.replace('-', ' '))}`
    + (state.me.schoolId ? ` · ${state.me.schoolId}` : '');
  const out = document.getElementById('sign-out');
  out.hidden = false;
  out.onclick = signOut;
  if (['district-admin', 'school-admin', 'principal'].includes(state.me.role)) {
    const nav = document.getElementById('nav');
    nav.hidden = false;
    document.getElementById('nav-morning').hidden = state.me.role !== 'district-admin';
    const route = () => (location.hash.startsWith('#what-if') ? whatIfView()
      : location.hash.startsWith('#morning') && state.me.role === 'district-admin' ? morningView()
        : boardView()).catch(e => show(alertBox(e.message)));
    window.onhashchange = route;
    route();
  } else if (state.me.role === 'teacher') {
    // #skill/ID: what a skill of a student's means (linked from the roster); else the day
    const route = () => (location.hash.startsWith('#skill/')
      ? skillView(decodeURIComponent(location.hash.slice('#skill/'.length))) : myDayView());
    window.onhashchange = route;
    route();
  } else {
    dayCardView();
  }
}

state.start = start;
start();
