// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmulator } from './app.ts';
import { pkceChallenge } from './oauth.ts';
import { AGENT, APP_CLIENT_ID, DEMO_ACCOUNTS, IMPLICIT_CLIENT_ID, SCRIPT_CLIENT } from './seed.ts';
import {
  TEST_REDIRECT_URI,
  authorizeUrl,
  callApi,
  newPkcePair,
  postSignIn,
  postToken,
  signInImplicit,
  signInWithPkce,
} from './testing.ts';

const codeParams = (challenge: string, extra: Record<string, string> = {}) => ({
  client_id: APP_CLIENT_ID,
  redirect_uri: TEST_REDIRECT_URI,
  response_type: 'code',
  code_challenge: challenge,
  code_challenge_method: 'S256',
  state: 'xyz/ state&=1',
  ...extra,
});

async function getCode(emulator: ReturnType<typeof createEmulator>, challenge: string, email = 'admin@example.com', redirectUri = TEST_REDIRECT_URI) {
  const res = await postSignIn(emulator, { ...codeParams(challenge, { redirect_uri: redirectUri }), email });
  expect(res.status).toBe(302);
  const code = new URL(res.headers.get('Location') ?? '').searchParams.get('code');
  expect(code).toBeTruthy();
  return code ?? '';
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('GET /oauth/authorize', () => {
  it('renders an accessible sign-in page carrying every OAuth parameter', async () => {
    const emulator = createEmulator();
    const { challenge } = newPkcePair();
    const res = await emulator.fetch(authorizeUrl(codeParams(challenge)));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    expect(res.headers.get('ININ-Correlation-Id')).toMatch(/^[0-9a-f-]{36}$/);
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toMatch(/<title>[^<]+<\/title>/);
    expect(page).toContain('<main>');
    expect(page).toContain('<h1>Sign in to Genesys Cloud (emulator)</h1>');
    expect(page).toContain('<label for="email">Email</label>');
    expect(page).toMatch(/<input id="email" name="email" type="email" autocomplete="username"/);
    expect(page).toContain('<form id="signin" method="post" action="/oauth/authorize"');
    expect(page).toContain('>Sign in</button>');
    expect(page).toContain('>Cancel</button>');
    expect(page).toContain('prefers-color-scheme: dark');
    for (const account of DEMO_ACCOUNTS) {
      expect(page).toContain(`>Sign in as ${account.email}</button>`);
      expect(page).toContain(account.name);
    }
    expect(page).toContain(`name="code_challenge" value="${challenge}"`);
    expect(page).toContain('name="state" value="xyz/ state&amp;=1"');
    expect(page).toContain(`name="client_id" value="${APP_CLIENT_ID}"`);
  });

  it('escapes every value it echoes', async () => {
    const emulator = createEmulator();
    const { challenge } = newPkcePair();
    const res = await emulator.fetch(authorizeUrl(codeParams(challenge, { state: '"><script>alert(1)</script>' })));
    const page = await res.text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('shows an error page (400, no redirect) for an unknown client', async () => {
    const emulator = createEmulator();
    const res = await emulator.fetch(authorizeUrl(codeParams('x', { client_id: 'nope' })));
    expect(res.status).toBe(400);
    expect(res.headers.get('Location')).toBeNull();
    expect(await res.text()).toContain('Unknown OAuth client');
  });

  it('shows an error page for the client-credentials client', async () => {
    const emulator = createEmulator();
    const res = await emulator.fetch(authorizeUrl(codeParams('x', { client_id: SCRIPT_CLIENT.id })));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('cannot sign users in');
  });

  it.each([
    ['https://evil.example/callback'],
    ['https://localhost:5173/cb'],
    ['http://localhost.evil.example/cb'],
    ['http://localhost:5173/cb#frag'],
    ['http://localhost:4173/auth/callback'],
    ['http://localhost:5173/auth/callback?extra=1'],
    ['http://localhost:5173/auth/callback/'],
    ['http://LOCALHOST:5173/auth/callback'],
    ['not a url'],
    [''],
  ])('shows an error page for the unregistered redirect_uri %j', async (redirectUri) => {
    const emulator = createEmulator();
    const { challenge } = newPkcePair();
    const res = await emulator.fetch(authorizeUrl(codeParams(challenge, { redirect_uri: redirectUri })));
    expect(res.status).toBe(400);
    expect(res.headers.get('Location')).toBeNull();
    expect(await res.text()).toContain('Invalid redirect URI');
  });

  it('says which redirect URIs are registered and how to register another', async () => {
    const emulator = createEmulator();
    const { challenge } = newPkcePair();
    const res = await emulator.fetch(authorizeUrl(codeParams(challenge, { redirect_uri: 'http://localhost:4174/auth/callback' })));
    const page = await res.text();
    expect(page).toContain('The redirect_uri &quot;http://localhost:4174/auth/callback&quot; is not registered for the OAuth client &quot;Token Admin (local)&quot;.');
    expect(page).toContain('Registered redirect URIs (exact match): http://localhost:5173/auth/callback, http://127.0.0.1:5173/auth/callback.');
    expect(page).toContain('EMULATOR_REDIRECT_URIS=http://localhost:5173/auth/callback,http://127.0.0.1:5173/auth/callback,http://localhost:4174/auth/callback');
    expect(page).toContain('--redirect-uri');
  });

  it.each([['http://localhost:5173/auth/callback'], ['http://127.0.0.1:5173/auth/callback']])('accepts the default registered redirect_uri %s', async (redirectUri) => {
    const emulator = createEmulator();
    const { challenge } = newPkcePair();
    expect((await emulator.fetch(authorizeUrl(codeParams(challenge, { redirect_uri: redirectUri })))).status).toBe(200);
    const implicit = await emulator.fetch(authorizeUrl({ client_id: IMPLICIT_CLIENT_ID, redirect_uri: redirectUri, response_type: 'token' }));
    expect(implicit.status).toBe(200);
  });

  it('redirectUris replaces the registered list of both browser clients', async () => {
    const custom = 'http://localhost:4174/tools/tokens/auth/callback';
    const emulator = createEmulator({ redirectUris: [custom] });
    expect(emulator.redirectUris).toEqual([custom]);
    const { challenge } = newPkcePair();
    expect((await emulator.fetch(authorizeUrl(codeParams(challenge, { redirect_uri: custom })))).status).toBe(200);
    expect((await emulator.fetch(authorizeUrl({ client_id: IMPLICIT_CLIENT_ID, redirect_uri: custom, response_type: 'token' }))).status).toBe(200);
    expect((await emulator.fetch(authorizeUrl(codeParams(challenge, { redirect_uri: TEST_REDIRECT_URI })))).status).toBe(400);
    // Survives a reset.
    emulator.reset();
    expect((await emulator.fetch(authorizeUrl(codeParams(challenge, { redirect_uri: custom })))).status).toBe(200);
  });

  it.each([[[]], [['not a url']], [['http://localhost:5173/cb#x']]])('createEmulator refuses the redirect URIs %j', (redirectUris) => {
    expect(() => createEmulator({ redirectUris })).toThrow(/redirect URI/);
  });

  it('redirects with unsupported_response_type when response_type does not fit the client', async () => {
    const emulator = createEmulator();
    const res = await emulator.fetch(authorizeUrl(codeParams('x', { response_type: 'token' })));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('Location') ?? '');
    const hash = new URLSearchParams(location.hash.slice(1));
    expect(hash.get('error')).toBe('unsupported_response_type');
    expect(hash.get('state')).toBe('xyz/ state&=1');

    const implicit = await emulator.fetch(authorizeUrl({ client_id: IMPLICIT_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI, response_type: 'code', state: 's' }));
    expect(implicit.status).toBe(302);
    const query = new URL(implicit.headers.get('Location') ?? '').searchParams;
    expect(query.get('error')).toBe('unsupported_response_type');
    expect(query.get('state')).toBe('s');
  });

  it('redirects with invalid_request when PKCE is missing or not S256', async () => {
    const emulator = createEmulator();
    const { challenge } = newPkcePair();
    const cases: Record<string, string>[] = [
      { code_challenge: '' },
      { code_challenge_method: 'plain' },
      { code_challenge_method: '' },
      { code_challenge: 'short' },
    ];
    for (const extra of cases) {
      const res = await emulator.fetch(authorizeUrl(codeParams(challenge, extra)));
      expect(res.status).toBe(302);
      const query = new URL(res.headers.get('Location') ?? '').searchParams;
      expect(query.get('error')).toBe('invalid_request');
      expect(query.get('error_description')).toBeTruthy();
      expect(query.get('state')).toBe('xyz/ state&=1');
    }
  });

  it('renders the page for the implicit client without PKCE', async () => {
    const emulator = createEmulator();
    const res = await emulator.fetch(authorizeUrl({ client_id: IMPLICIT_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI, response_type: 'token' }));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Token Admin implicit (local)');
    expect(page).not.toContain('name="state"');
  });
});

describe('POST /oauth/authorize', () => {
  it('redirects to redirect_uri with a code and the state (code flow)', async () => {
    // A registered URI may carry its own query; it is kept.
    const emulator = createEmulator({ redirectUris: ['http://localhost:5173/cb?keep=1'] });
    const { challenge } = newPkcePair();
    const res = await postSignIn(emulator, { ...codeParams(challenge, { redirect_uri: 'http://localhost:5173/cb?keep=1' }), email: 'admin@example.com', action: 'signin' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('Location') ?? '');
    expect(location.origin + location.pathname).toBe('http://localhost:5173/cb');
    expect(location.searchParams.get('keep')).toBe('1');
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(location.searchParams.get('state')).toBe('xyz/ state&=1');
  });

  it('signs in with a demo-account button (signInAs) and ignores the typed email', async () => {
    const emulator = createEmulator();
    const { challenge } = newPkcePair();
    const res = await postSignIn(emulator, { ...codeParams(challenge), email: '', signInAs: AGENT.email });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('Location') ?? '').searchParams.get('code')).toBeTruthy();
  });

  it('lets any active seeded user sign in, case-insensitively', async () => {
    const emulator = createEmulator();
    const user = [...emulator.store.users.values()].find((u) => u.state === 'active' && u.permissions.length === 0);
    const { challenge } = newPkcePair();
    const res = await postSignIn(emulator, { ...codeParams(challenge), email: `  ${(user?.email ?? '').toUpperCase()} ` });
    expect(res.status).toBe(302);
  });

  it('re-renders the form (400) with a field error for an unknown email, keeping what was typed', async () => {
    const emulator = createEmulator();
    const { challenge } = newPkcePair();
    const res = await postSignIn(emulator, { ...codeParams(challenge), email: 'x@y.example', action: 'signin' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('value="x@y.example"');
    expect(page).toContain('aria-invalid="true" aria-describedby="email-error"');
    expect(page).toContain(
      '<p id="email-error" class="error" role="alert">No active user with the email x@y.example in Example Org. Try one of the demo accounts below.</p>',
    );
    expect(page).toContain(`name="code_challenge" value="${challenge}"`);
  });

  it('rejects an inactive user and an empty email', async () => {
    const emulator = createEmulator();
    const inactive = [...emulator.store.users.values()].find((u) => u.state === 'inactive');
    expect(inactive).toBeDefined();
    const { challenge } = newPkcePair();
    const res = await postSignIn(emulator, { ...codeParams(challenge), email: inactive?.email ?? '' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(`No active user with the email ${inactive?.email ?? ''} in Example Org.`);
    const empty = await postSignIn(emulator, { ...codeParams(challenge), email: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Enter the email address of a user in Example Org.');
  });

  it('Cancel redirects back with access_denied', async () => {
    const emulator = createEmulator();
    const { challenge } = newPkcePair();
    const res = await postSignIn(emulator, { ...codeParams(challenge), email: '', action: 'cancel' });
    expect(res.status).toBe(302);
    const query = new URL(res.headers.get('Location') ?? '').searchParams;
    expect(query.get('error')).toBe('access_denied');
    expect(query.get('error_description')).toBe('The user denied the request');
    expect(query.get('state')).toBe('xyz/ state&=1');

    const implicit = await postSignIn(emulator, { client_id: IMPLICIT_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI, response_type: 'token', action: 'cancel' });
    const hash = new URLSearchParams(new URL(implicit.headers.get('Location') ?? '').hash.slice(1));
    expect(hash.get('error')).toBe('access_denied');
  });

  it('re-validates the OAuth parameters on submit', async () => {
    const emulator = createEmulator();
    for (const redirectUri of ['https://evil.example/', 'http://localhost:5173/other']) {
      const res = await postSignIn(emulator, { ...codeParams('x'), redirect_uri: redirectUri, email: 'admin@example.com' });
      expect(res.status).toBe(400);
      expect(res.headers.get('Location')).toBeNull();
      expect(await res.text()).toContain('Invalid redirect URI');
    }
    const noPkce = await postSignIn(emulator, { ...codeParams(''), email: 'admin@example.com' });
    expect(new URL(noPkce.headers.get('Location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('implicit flow: redirects with the token in the fragment', async () => {
    const emulator = createEmulator();
    const res = await postSignIn(emulator, { client_id: IMPLICIT_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI, response_type: 'token', state: 'a b&c', email: 'admin@example.com' });
    expect(res.status).toBe(302);
    const location = res.headers.get('Location') ?? '';
    expect(location.startsWith(`${TEST_REDIRECT_URI}#`)).toBe(true);
    const hash = new URLSearchParams(new URL(location).hash.slice(1));
    expect(hash.get('token_type')).toBe('bearer');
    expect(hash.get('expires_in')).toBe('86400');
    expect(hash.get('state')).toBe('a b&c');
    const token = hash.get('access_token') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(60);
    const me = await callApi(emulator, token, 'GET', '/api/v2/tokens/me');
    expect(me.status).toBe(200);
    const info = (await me.json()) as { OAuthClient: { id: string; authorizedGrantType: string } };
    expect(info.OAuthClient).toMatchObject({ id: IMPLICIT_CLIENT_ID, authorizedGrantType: 'TOKEN' });
  });
});

describe('POST /oauth/token', () => {
  it('exchanges a code + verifier for a bearer token (PKCE)', async () => {
    const emulator = createEmulator();
    const { verifier, challenge } = newPkcePair();
    const code = await getCode(emulator, challenge);
    const res = await postToken(emulator, { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: APP_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body.token_type).toBe('bearer');
    expect(body.expires_in).toBe(86400);
    const me = await callApi(emulator, String(body.access_token), 'GET', '/api/v2/users/me');
    expect(((await me.json()) as { email: string }).email).toBe('admin@example.com');
  });

  it('accepts a form body built from URLSearchParams directly', async () => {
    const emulator = createEmulator();
    const { verifier, challenge } = newPkcePair();
    const code = await getCode(emulator, challenge);
    const res = await emulator.fetch('http://localhost:8787/oauth/token', {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: APP_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI }),
    });
    expect(res.status).toBe(200);
  });

  it('codes are single use', async () => {
    const emulator = createEmulator();
    const { verifier, challenge } = newPkcePair();
    const code = await getCode(emulator, challenge);
    const fields = { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: APP_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI };
    expect((await postToken(emulator, fields)).status).toBe(200);
    const again = await postToken(emulator, fields);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('codes expire after 60 seconds', async () => {
    const emulator = createEmulator();
    const { verifier, challenge } = newPkcePair();
    const code = await getCode(emulator, challenge);
    emulator.advanceClock(61);
    const res = await postToken(emulator, { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: APP_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it.each([
    ['a wrong verifier', { code_verifier: 'x'.repeat(43) }],
    ['a malformed verifier', { code_verifier: 'short!' }],
    ['another redirect_uri', { redirect_uri: 'http://localhost:5173/other' }],
    ['another registered redirect_uri', { redirect_uri: 'http://127.0.0.1:5173/auth/callback' }],
    ['the redirect_uri with an extra query', { redirect_uri: `${TEST_REDIRECT_URI}?x=1` }],
    ['an unknown code', { code: 'nope' }],
  ])('rejects %s with invalid_grant', async (_name, override) => {
    const emulator = createEmulator();
    const { verifier, challenge } = newPkcePair();
    const code = await getCode(emulator, challenge);
    const res = await postToken(emulator, { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: APP_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI, ...override });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toBeTruthy();
  });

  it('checks base64url(SHA-256(verifier)) against the challenge', () => {
    // RFC 7636 appendix B example
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('rejects an unknown client with 401 invalid_client and a non-PKCE client with unauthorized_client', async () => {
    const emulator = createEmulator();
    const { verifier, challenge } = newPkcePair();
    const code = await getCode(emulator, challenge);
    const unknown = await postToken(emulator, { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: 'nope', redirect_uri: TEST_REDIRECT_URI });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_client' });
    const implicit = await postToken(emulator, { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: IMPLICIT_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI });
    expect(implicit.status).toBe(400);
    expect(await implicit.json()).toMatchObject({ error: 'unauthorized_client' });
  });

  it('rejects missing parameters with invalid_request', async () => {
    const emulator = createEmulator();
    const cases: Record<string, string>[] = [
      { client_id: APP_CLIENT_ID },
      { grant_type: 'authorization_code', client_id: APP_CLIENT_ID, code_verifier: 'x', redirect_uri: TEST_REDIRECT_URI },
      { grant_type: 'authorization_code', client_id: APP_CLIENT_ID, code: 'x', redirect_uri: TEST_REDIRECT_URI },
      { grant_type: 'authorization_code', client_id: APP_CLIENT_ID, code: 'x', code_verifier: 'x' },
    ];
    for (const fields of cases) {
      const res = await postToken(emulator, fields);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    }
  });

  it('rejects an unknown grant_type with unsupported_grant_type', async () => {
    const emulator = createEmulator();
    const res = await postToken(emulator, { grant_type: 'password', username: 'a', password: 'b' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('requires a form-urlencoded body', async () => {
    const emulator = createEmulator();
    const res = await emulator.fetch('http://localhost/oauth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it.each([['application/x-www-form-urlencoded-evil'], ['application/x-www-form-urlencodedx; charset=utf-8'], ['text/plain'], ['']])(
    'compares the media type exactly: %j is refused',
    async (contentType) => {
      const emulator = createEmulator();
      const res = await postToken(emulator, { grant_type: 'client_credentials' }, { Authorization: basic(SCRIPT_CLIENT.id, SCRIPT_CLIENT.secret), 'Content-Type': contentType });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('application/x-www-form-urlencoded') as unknown });
    },
  );

  it.each([['application/x-www-form-urlencoded;charset=UTF-8'], ['Application/X-WWW-Form-Urlencoded ; charset=utf-8']])('accepts the media type with parameters or other case: %j', async (contentType) => {
    const emulator = createEmulator();
    const res = await postToken(emulator, { grant_type: 'client_credentials' }, { Authorization: basic(SCRIPT_CLIENT.id, SCRIPT_CLIENT.secret), 'Content-Type': contentType });
    expect(res.status).toBe(200);
  });

  it('client_credentials with HTTP Basic auth returns a token that holds the admin permissions', async () => {
    const emulator = createEmulator();
    const res = await postToken(emulator, { grant_type: 'client_credentials' }, { Authorization: basic(SCRIPT_CLIENT.id, SCRIPT_CLIENT.secret) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 86400 });
    const revoke = await callApi(emulator, body.access_token, 'DELETE', `/api/v2/tokens/${AGENT.id}`);
    expect(revoke.status).toBe(204);
  });

  it.each([
    ['a wrong secret', { Authorization: basic(SCRIPT_CLIENT.id, 'wrong') }],
    ['no credentials', {}],
    ['a browser client', { Authorization: basic(APP_CLIENT_ID, '') }],
  ])('client_credentials with %s is 401 invalid_client', async (_name, headers) => {
    const emulator = createEmulator();
    const res = await postToken(emulator, { grant_type: 'client_credentials' }, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Basic/);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('answers the CORS preflight without auth', async () => {
    const emulator = createEmulator();
    const res = await emulator.fetch('http://localhost/oauth/token', {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('content-type');
  });

  it('the test helpers run the full PKCE and implicit round trips', async () => {
    const emulator = createEmulator();
    const pkce = await signInWithPkce(emulator, 'supervisor@example.com');
    expect((await callApi(emulator, pkce.access_token, 'HEAD', '/api/v2/tokens/me')).status).toBe(200);
    const implicit = await signInImplicit(emulator, 'agent@example.com');
    expect((await callApi(emulator, implicit.get('access_token') ?? '', 'HEAD', '/api/v2/tokens/me')).status).toBe(200);
  });
});

describe('GET /logout', () => {
  it.each([[APP_CLIENT_ID], [IMPLICIT_CLIENT_ID]])('redirects to a registered redirect_uri of a known client (%s)', async (clientId) => {
    const emulator = createEmulator();
    const res = await emulator.fetch(`http://localhost/logout?client_id=${clientId}&redirect_uri=${encodeURIComponent(TEST_REDIRECT_URI)}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(TEST_REDIRECT_URI);
  });

  it('uses the registered list given to createEmulator', async () => {
    const emulator = createEmulator({ redirectUris: ['http://localhost:4174/signed-out'] });
    const res = await emulator.fetch(`http://localhost/logout?client_id=${APP_CLIENT_ID}&redirect_uri=${encodeURIComponent('http://localhost:4174/signed-out')}`);
    expect(res.headers.get('Location')).toBe('http://localhost:4174/signed-out');
    const other = await emulator.fetch(`http://localhost/logout?client_id=${APP_CLIENT_ID}&redirect_uri=${encodeURIComponent(TEST_REDIRECT_URI)}`);
    expect(other.status).toBe(200);
    expect(other.headers.get('Location')).toBeNull();
  });

  it.each([
    [`client_id=${APP_CLIENT_ID}&redirect_uri=${encodeURIComponent('https://evil.example/')}`],
    [`client_id=${APP_CLIENT_ID}&redirect_uri=${encodeURIComponent('http://localhost:5173/signed-out')}`],
    [`client_id=${APP_CLIENT_ID}&redirect_uri=${encodeURIComponent(`${TEST_REDIRECT_URI}?x=1`)}`],
    [`client_id=${SCRIPT_CLIENT.id}&redirect_uri=${encodeURIComponent(TEST_REDIRECT_URI)}`],
    [`client_id=nope&redirect_uri=${encodeURIComponent(TEST_REDIRECT_URI)}`],
    [''],
  ])('shows a signed-out page otherwise (%s)', async (query) => {
    const emulator = createEmulator();
    const res = await emulator.fetch(`http://localhost/logout?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Location')).toBeNull();
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('You are signed out');
  });
});
