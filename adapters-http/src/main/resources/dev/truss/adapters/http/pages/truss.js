// The pages' only script: forms and buttons call the JSON API; the session cookie is HttpOnly.
// Text from the API or the address bar is shown with textContent only, never as HTML.
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

  const NAMES = { youtube: 'YouTube', tiktok: 'TikTok', twitch: 'Twitch', discord: 'Discord' };
  const named = (platform) => NAMES[platform] || platform;

  const callback = document.getElementById('callback');
  if (callback) {
    const query = new URLSearchParams(location.search);
    // The code is a credential: out of the address bar and history before anything else; never logged.
    history.replaceState(null, '', location.pathname);
    const platform = location.pathname.split('/')[2]; // /connect/{platform}/callback, checked by the server
    const code = query.get('code');
    const state = query.get('state');
    if (query.get('error')) {
      say(named(platform) + ' was not connected: ' + (query.get('error_description') || query.get('error')));
    } else if (!code || !state) {
      say('Nothing to connect here: start from the Connect buttons in Truss.');
    } else {
      send('POST', '/api/connections/' + encodeURIComponent(platform),
        { code, state, redirect: location.origin + location.pathname }).then(async (response) => {
        if (response.ok) {
          const c = await response.json();
          say(named(platform) + ' account ' + (c.accountName || c.accountId) + ' is connected.');
        } else {
          say(named(platform) + ' was not connected: ' + await problem(response));
        }
      });
    }
  }
})();
