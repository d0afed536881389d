import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/app.ts';
import { APP_CLIENT_ID, IMPLICIT_CLIENT_ID } from '../../emulator/seed.ts';
import { postSignIn } from '../../emulator/testing.ts';
import { parseConfig } from '../config/config.ts';
import { findRegion } from '../config/regions.ts';
import { SignInError, beginSignIn, completeSignIn, mayAutoSignIn, returnPathFromState } from './signIn.ts';

const EMULATOR = 'http://emulator.test';
const REDIRECT_URI = 'http://localhost:5173/auth/callback';
function requireRegion(domain: string) {
  const found = findRegion(domain);
  if (!found) throw new Error(`the region list lacks ${domain}`);
  return found;
}
const region = requireRegion('mypurecloud.ie');

function configFor(flow: 'pkce' | 'implicit') {
  return parseConfig({
    clientId: flow === 'pkce' ? APP_CLIENT_ID : IMPLICIT_CLIENT_ID,
    oauthFlow: flow,
    apiBaseUrl: EMULATOR,
    loginBaseUrl: EMULATOR,
  });
}

/** Starts sign-in, signs in on the emulator's form, and returns where the emulator sends the browser. */
async function roundTrip(flow: 'pkce' | 'implicit', email = 'admin@example.com', returnTo = '/token?x=1') {
  const emulator = createEmulator();
  const config = configFor(flow);
  const authorize = new URL(await beginSignIn({ config, region, returnTo, redirectUri: REDIRECT_URI }));
  const response = await postSignIn(emulator, { ...Object.fromEntries(authorize.searchParams), email });
  expect(response.status).toBe(302);
  const back = new URL(response.headers.get('Location') ?? '');
  return { emulator, config, authorize, back };
}

describe('sign-in against the emulator', () => {
  it('sends PKCE parameters and a state carrying the return path and region', async () => {
    const { authorize } = await roundTrip('pkce');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${EMULATOR}/oauth/authorize`);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(returnPathFromState(authorize.searchParams.get('state'))).toBe('/token?x=1');
  });

  it('exchanges the code for a session in the chosen region and returns to the page asked for', async () => {
    const { emulator, config, back } = await roundTrip('pkce');
    const { session, returnTo } = await completeSignIn(config, { search: back.search, hash: '' }, emulator.fetch);
    expect(returnTo).toBe('/token?x=1');
    expect(session.environment).toBe('mypurecloud.ie');
    expect(session.expiresAt).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const me = await emulator.fetch(`${EMULATOR}/api/v2/tokens/me`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
    expect(me.status).toBe(200);
  });

  it('reads the token from the hash for the implicit grant', async () => {
    const { config, back } = await roundTrip('implicit');
    expect(back.hash).toContain('access_token=');
    const { session } = await completeSignIn(config, { search: '', hash: back.hash });
    expect(session.flow).toBe('implicit');
    expect(session.accessToken.length).toBeGreaterThan(20);
  });

  it('refuses a state that this tab did not start', async () => {
    const { emulator, config, back } = await roundTrip('pkce');
    back.searchParams.set('state', 'forged');
    await expect(completeSignIn(config, { search: back.search, hash: '' }, emulator.fetch)).rejects.toMatchObject({ kind: 'state' });
  });

  it('accepts each state once', async () => {
    const { emulator, config, back } = await roundTrip('pkce');
    await completeSignIn(config, { search: back.search, hash: '' }, emulator.fetch);
    // The state check must refuse it before the code reaches Genesys a second time.
    await expect(completeSignIn(config, { search: back.search, hash: '' }, emulator.fetch)).rejects.toMatchObject({ kind: 'state' });
  });

  it('reports the login service refusing the code, with its error', async () => {
    const { config, back } = await roundTrip('pkce');
    const other = createEmulator(); // a login service that never issued this code
    await expect(completeSignIn(config, { search: back.search, hash: '' }, other.fetch)).rejects.toMatchObject({
      kind: 'exchange',
      oauthError: 'invalid_grant',
    });
  });

  it('passes an OAuth error on return through with its description', async () => {
    const config = configFor('pkce');
    const authorize = new URL(await beginSignIn({ config, region, returnTo: '/token', redirectUri: REDIRECT_URI }));
    const search = `?${new URLSearchParams({
      error: 'access_denied',
      error_description: 'The user denied the request',
      state: authorize.searchParams.get('state') ?? '',
    }).toString()}`;
    await expect(completeSignIn(config, { search, hash: '' })).rejects.toMatchObject({ kind: 'denied', description: 'The user denied the request' });
  });

  it('does not let a forged error response put words on screen', async () => {
    const forged = '?error=server_error&error_description=Call+1-800-SCAM+to+restore+access&state=forged';
    const error = await completeSignIn(configFor('pkce'), { search: forged, hash: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ kind: 'state', description: undefined });
  });

  it('keeps a return path that leaves the origin out of the state', async () => {
    const { authorize } = await roundTrip('pkce', 'admin@example.com', '//evil.example/steal');
    expect(returnPathFromState(authorize.searchParams.get('state'))).toBe('/token');
  });

  it('caps automatic sign-ins so a failing token cannot loop', () => {
    const now = Date.now();
    expect([mayAutoSignIn(now), mayAutoSignIn(now + 1), mayAutoSignIn(now + 2), mayAutoSignIn(now + 3)]).toEqual([true, true, true, false]);
    expect(mayAutoSignIn(now + 61_000)).toBe(true);
  });
});
