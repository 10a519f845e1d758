// Signing in and out with a username and password (the browser session; docs/api.md "Sign-in and roles").

import { state, api, el, show, alertBox } from './core.js';

export function signInView(problem) {
  const username = el('input', { id: 'username', class: 'form-control', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', type: 'password', class: 'form-control',
    autocomplete: 'current-password', required: true });
  const form = el('form', { class: 'signin', 'aria-labelledby': 'signin-title' },
    el('h1', { id: 'signin-title', class: 'h3 mb-3' }, 'Sign in'),
    problem ? alertBox(problem) : null,
    el('div', { class: 'mb-3' }, el('label', { for: 'username', class: 'form-label' }, 'Username'), username),
    el('div', { class: 'mb-3' }, el('label', { for: 'password', class: 'form-label' }, 'Password'), password),
    el('button', { type: 'submit', class: 'btn btn-primary' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      state.me = await api('/api/session', { method: 'POST', body: { username: username.value, password: password.value } });
      state.start();
    } catch (e) {
      signInView(e.message);
    }
  });
  show(form);
  username.focus();
}

export async function signOut() {
  try { await api('/api/session', { method: 'DELETE' }); } catch (e) { /* signed out either way */ }
  state.me = null;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('nav').hidden = true;
  document.getElementById('who').textContent = '';
  signInView();
}
