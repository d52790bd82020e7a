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
  const cell = (row, text) => { const td = row.insertCell(); td.textContent = text; return td; };

  const connections = document.getElementById('connections');
  const listConnections = async () => {
    const response = await send('GET', '/api/connections');
    if (!response.ok) { say(await problem(response)); return; }
    const items = (await response.json()).items;
    connections.replaceChildren();
    document.getElementById('no-connections').hidden = items.length > 0;
    for (const c of items) {
      const row = connections.insertRow();
      cell(row, named(c.platform));
      cell(row, c.accountName || c.accountId);
      const when = document.createElement('time');
      when.dateTime = c.connectedAt;
      when.textContent = new Date(c.connectedAt).toLocaleString();
      cell(row, '').append(when);
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Disconnect';
      button.setAttribute('aria-label', 'Disconnect ' + named(c.platform));
      button.addEventListener('click', () => disconnect(c.platform, button));
      cell(row, '').append(button);
    }
  };
  const disconnect = async (platform, button) => {
    button.disabled = true;
    const response = await send('DELETE', '/api/connections/' + encodeURIComponent(platform));
    if (response.ok) {
      const done = await response.json();
      say(done.revoked ? named(platform) + ' is disconnected.'
        : named(platform) + ' is disconnected here, but Truss could not revoke its access there: ' + done.problem);
    } else {
      button.disabled = false;
      say(await problem(response));
    }
    await listConnections();
  };
  if (connections) {
    listConnections();
    document.querySelectorAll('button[data-connect]').forEach((button) => button.addEventListener('click', async () => {
      const platform = button.dataset.connect;
      // The redirect must be the same when the code comes back: the callback page posts its own address.
      const redirect = location.origin + '/connect/' + platform + '/callback';
      button.disabled = true;
      const response = await send('GET', '/api/connections/' + platform + '/authorize?redirect='
        + encodeURIComponent(redirect));
      if (response.ok) {
        const url = (await response.json()).url;
        if (/^https?:\/\//i.test(url)) { location.assign(url); return; } // never a javascript: URL
        say('the platform gave no page to go to');
      } else {
        say(await problem(response)); // a platform this server does not offer is a 422 that says so
      }
      button.disabled = false;
    }));
  }

  const webhook = document.getElementById('webhook');
  if (webhook) webhook.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = document.getElementById('webhook-url');
    const response = await send('POST', '/api/connections/discord/webhook', { url: input.value });
    if (response.ok) {
      input.value = ''; // the URL is a secret: do not leave it on the screen
      const c = await response.json();
      say('Discord channel ' + (c.accountName || c.accountId) + ' is connected.');
      await listConnections();
    } else {
      say(await problem(response));
    }
  });

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
