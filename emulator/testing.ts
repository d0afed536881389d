import { createHash, randomBytes } from 'node:crypto';
import type { Emulator } from './app.ts';
import { APP_CLIENT_ID, IMPLICIT_CLIENT_ID } from './seed.ts';

/** Helpers for tests that drive the emulator in-process (no browser). */

export const TEST_REDIRECT_URI = 'http://localhost:5173/auth/callback';

export function newPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Calls /api/v2 with a bearer token; a non-string body is sent as JSON. */
export function callApi(emulator: Emulator, token: string | undefined, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  return emulator.fetch(`https://api.mypurecloud.com${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
}

export function authorizeUrl(params: Record<string, string>): string {
  return `https://login.mypurecloud.com/oauth/authorize?${new URLSearchParams(params).toString()}`;
}

/** Submits the sign-in form as a browser would (fields as in the rendered page). */
export function postSignIn(emulator: Emulator, fields: Record<string, string>): Promise<Response> {
  return emulator.fetch('https://login.mypurecloud.com/oauth/authorize', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

export function postToken(emulator: Emulator, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return emulator.fetch('https://login.mypurecloud.com/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The whole authorization-code + PKCE round trip; returns the token response body. */
export async function signInWithPkce(
  emulator: Emulator,
  email: string,
  redirectUri = TEST_REDIRECT_URI,
): Promise<{ access_token: string; token_type: string; expires_in: number }> {
  const { verifier, challenge } = newPkcePair();
  const fields = {
    client_id: APP_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'test-state',
  };
  const signIn = await postSignIn(emulator, { ...fields, email, action: 'signin' });
  const location = signIn.headers.get('Location');
  if (signIn.status !== 302 || location === null) throw new Error(`sign-in failed with ${String(signIn.status)}`);
  const code = new URL(location).searchParams.get('code');
  if (code === null) throw new Error(`no code in ${location}`);
  const res = await postToken(emulator, { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: APP_CLIENT_ID, redirect_uri: redirectUri });
  if (res.status !== 200) throw new Error(`token exchange failed with ${String(res.status)}: ${await res.text()}`);
  return (await res.json()) as { access_token: string; token_type: string; expires_in: number };
}

/** The implicit flow: returns the parsed URL fragment. */
export async function signInImplicit(emulator: Emulator, email: string, redirectUri = TEST_REDIRECT_URI): Promise<URLSearchParams> {
  const res = await postSignIn(emulator, { client_id: IMPLICIT_CLIENT_ID, redirect_uri: redirectUri, response_type: 'token', state: 's', email });
  const location = res.headers.get('Location');
  if (res.status !== 302 || location === null) throw new Error(`sign-in failed with ${String(res.status)}`);
  return new URLSearchParams(new URL(location).hash.slice(1));
}
