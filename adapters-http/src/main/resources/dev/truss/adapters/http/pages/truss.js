// The login pages' only script: forms call the JSON API; the session cookie is HttpOnly.
(function () {
  const message = document.getElementById('message');
  const say = (text) => { if (message) message.textContent = text; };
  const send = (method, path, body) => fetch(path, {
    method, credentials: 'same-origin',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined
  });
  const problem = async (response) => {
    try { return (await response.json()).detail; } catch (e) { return 'something went wrong (' + response.status + ')'; }
  };

  const login = document.getElementById('login');
  if (login) login.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await send('POST', '/api/auth/magic-links', { email: document.getElementById('email').value });
    say(response.ok ? 'Check your inbox for the link.' : await problem(response));
  });

  const verify = document.getElementById('verify');
  if (verify) verify.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = new URLSearchParams(location.search).get('token') || '';
    const response = await send('POST', '/api/auth/sessions', { token });
    if (response.ok) { location.replace('/app'); } else { say(await problem(response)); }
  });

  const who = document.getElementById('who');
  if (who) send('GET', '/api/profile').then(async (response) => {
    if (response.ok) { const p = await response.json(); who.textContent = p.displayName || p.email; }
  });

  const logout = document.getElementById('logout');
  if (logout) logout.addEventListener('submit', async (event) => {
    event.preventDefault();
    await send('DELETE', '/api/auth/session');
    location.replace('/login');
  });
})();
