// A real OpenID Provider for the single-sign-on tests (oidc-provider, pinned in package.json), on a free
// port of 127.0.0.1. It prints one line, `OP <issuer>`, once it listens, and stops on SIGTERM.
//
// Environment: OP_REDIRECT_URI (the application's callback), OP_POST_LOGOUT_URI (where logout returns),
// OP_CLIENT_ID and OP_CLIENT_SECRET. Its login page asks only for an account name from ACCOUNTS below;
// the account decides the claims, including how it authenticated (amr), as a real provider would.
import http from 'node:http';

import Provider from 'oidc-provider';

// The account's name is its subject (sub).
const ACCOUNTS = {
  medewerker: { email: 'm.jansen@kempenplus.test', amr: ['pwd'], groups: ['inburgering-teamleiders'] },
  mfa: { email: 'r.devries@kempenplus.test', amr: ['pwd', 'mfa'], groups: [] },
  onbekend: { email: 'onbekend@elders.test', amr: ['pwd'], groups: [] },
  gedeactiveerd: { email: 'oud@kempenplus.test', amr: ['pwd'], groups: [] },
};

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><h1>${escape(title)}</h1>${body}</body></html>`;
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

function send(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

// The interactions: a login form for an account name, and consent granted at once (an employer's own
// provider does not ask an employee's consent for the organisation's applications).
async function interaction(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params, session } = details;
  if (req.method === 'POST' && prompt.name === 'login') {
    const form = await readForm(req);
    const account = ACCOUNTS[form.get('login')];
    if (!account) {
      send(res, 200, page('Test-OP: inloggen', `<p>Onbekende testaccount.</p>${loginForm(uid)}`));
      return;
    }
    await provider.interactionFinished(req, res, {
      login: { accountId: form.get('login'), amr: account.amr },
    }, { mergeWithLastSubmission: false });
    return;
  }
  if (prompt.name === 'login') {
    send(res, 200, page('Test-OP: inloggen', loginForm(uid)));
    return;
  }
  if (prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  send(res, 501, page('Test-OP', `<p>Niet ondersteund: ${escape(prompt.name)}</p>`));
}

function loginForm(uid) {
  return `<form method="post" action="/interaction/${escape(uid)}">
<label for="login">Testaccount</label> <input id="login" name="login" autofocus>
<button type="submit">Inloggen bij de test-OP</button></form>`;
}

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: process.env.OP_CLIENT_ID,
      client_secret: process.env.OP_CLIENT_SECRET,
      redirect_uris: [process.env.OP_REDIRECT_URI],
      post_logout_redirect_uris: [process.env.OP_POST_LOGOUT_URI],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: {
      // amr: how the account logged in (RFC 8176), in every ID token.
      openid: ['sub', 'amr'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    async findAccount(ctx, id) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: account.email, email_verified: true, groups: account.groups };
        },
      };
    },
    interactions: { url: (ctx, found) => `/interaction/${found.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.body = page('Test-OP: uitloggen', `${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, uitloggen bij de test-OP</button>`);
        },
      },
    },
    // Plain HTTP on the loopback address: the provider's cookies cannot be Secure here.
    cookies: { keys: ['alleen-voor-de-test'] },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('Test-OP: fout', `<pre>${escape(JSON.stringify(out))}</pre>`);
    },
  });
  const oidc = provider.callback();
  server.on('request', (req, res) => {
    if (req.url.startsWith('/interaction/')) {
      interaction(provider, req, res).catch((error) => send(res, 500, page('Test-OP: fout', escape(error))));
    } else {
      oidc(req, res);
    }
  });
  console.log(`OP ${issuer}`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
