import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Env } from './env.ts';
import { mediaType } from './errors.ts';
import type { AuthorizeFields } from './pages.ts';
import { errorPage, signedOutPage, signInPage } from './pages.ts';
import { DEMO_ACCOUNTS } from './seed.ts';
import type { OAuthClientRecord } from './model.ts';
import type { Store } from './store.ts';

/** Why a URI cannot be registered as a redirect URI, or undefined when it can. */
export function redirectUriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `"${uri}" is not an absolute URL.`;
  }
  if (uri.includes('#')) return `"${uri}" has a fragment (#…), which a redirect URI may not have.`;
  if (url.username !== '' || url.password !== '') return `"${uri}" carries credentials.`;
  return undefined;
}

/** Exact string comparison, as the real service does: no patterns, no extra query. */
export function isRegisteredRedirectUri(client: OAuthClientRecord, uri: string): boolean {
  return client.redirectUris.includes(uri);
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Appends params to the query (code flow) or the fragment (implicit flow). */
function redirectWith(redirectUri: string, inFragment: boolean, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  if (inFragment) {
    url.hash = new URLSearchParams(entries).toString();
  } else {
    for (const [k, v] of entries) url.searchParams.set(k, v);
  }
  return url.toString();
}

type AuthorizeCheck =
  | { kind: 'page'; heading: string; message: string; hint?: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'ok'; client: OAuthClientRecord; fields: AuthorizeFields; inFragment: boolean };

function unregisteredHint(client: OAuthClientRecord, redirectUri: string): string {
  const registered = client.redirectUris.length > 0 ? client.redirectUris.join(', ') : '(none)';
  const example = redirectUri === '' ? '<uri>[,<uri>…]' : [...client.redirectUris, redirectUri].join(',');
  return `Registered redirect URIs (exact match): ${registered}. Register it, or start the emulator with EMULATOR_REDIRECT_URIS=${example} (or --redirect-uri <uri>, repeatable).`;
}

function checkAuthorize(store: Store, params: URLSearchParams): AuthorizeCheck {
  const clientId = params.get('client_id') ?? '';
  const client = store.clients.get(clientId);
  if (!client) {
    return { kind: 'page', heading: 'Unknown OAuth client', message: `No OAuth client with the id "${clientId}" exists in ${store.org.name}.` };
  }
  if (client.authorizedGrantType === 'CLIENT-CREDENTIALS') {
    return { kind: 'page', heading: 'Sign-in not allowed', message: `The OAuth client "${client.name}" uses client credentials and cannot sign users in.` };
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!isRegisteredRedirectUri(client, redirectUri)) {
    return {
      kind: 'page',
      heading: 'Invalid redirect URI',
      message: redirectUri === '' ? 'The redirect_uri parameter is missing.' : `The redirect_uri "${redirectUri}" is not registered for the OAuth client "${client.name}".`,
      hint: unregisteredHint(client, redirectUri),
    };
  }
  const state = params.get('state') ?? undefined;
  const responseType = params.get('response_type') ?? '';
  const expected = client.authorizedGrantType === 'CODE' ? 'code' : 'token';
  const inFragment = responseType === 'token';
  const fail = (error: string, description: string): AuthorizeCheck => ({
    kind: 'redirect',
    location: redirectWith(redirectUri, inFragment, { error, error_description: description, state }),
  });
  if (responseType !== expected) {
    return fail('unsupported_response_type', `The client "${client.name}" only supports response_type=${expected}.`);
  }
  const fields: AuthorizeFields = { client_id: clientId, redirect_uri: redirectUri, response_type: responseType };
  if (state !== undefined) fields.state = state;
  if (expected === 'code') {
    const challenge = params.get('code_challenge');
    const method = params.get('code_challenge_method');
    if (!challenge) return fail('invalid_request', 'code_challenge is required: this client must use PKCE.');
    if (method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256.');
    if (!S256_CHALLENGE.test(challenge)) {
      return fail('invalid_request', 'code_challenge must be the base64url SHA-256 of the code verifier (43 characters, no padding).');
    }
    fields.code_challenge = challenge;
    fields.code_challenge_method = method;
  }
  return { kind: 'ok', client, fields, inFragment };
}

function renderCheckFailure(c: Context<Env>, check: Exclude<AuthorizeCheck, { kind: 'ok' }>): Response | Promise<Response> {
  if (check.kind === 'redirect') return c.redirect(check.location, 302);
  return c.html(errorPage(check.heading, check.message, check.hint), 400);
}

function oauthError(c: Context<Env>, status: ContentfulStatusCode, error: string, description: string): Response {
  c.header('Cache-Control', 'no-store');
  if (status === 401) c.header('WWW-Authenticate', 'Basic realm="Genesys Cloud emulator"');
  return c.json({ error, error_description: description }, status);
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

export function oauthRoutes(store: Store): Hono<Env> {
  const app = new Hono<Env>();
  const signIn = (check: Extract<AuthorizeCheck, { kind: 'ok' }>, extra: { email?: string; error?: string }) =>
    signInPage({
      clientName: check.client.name,
      orgName: store.org.name,
      returnOrigin: new URL(check.fields.redirect_uri).origin,
      fields: check.fields,
      accounts: DEMO_ACCOUNTS,
      ...extra,
    });

  app.get('/oauth/authorize', (c) => {
    const check = checkAuthorize(store, new URL(c.req.url).searchParams);
    if (check.kind !== 'ok') return renderCheckFailure(c, check);
    c.header('Cache-Control', 'no-store');
    return c.html(signIn(check, {}));
  });

  app.post('/oauth/authorize', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const check = checkAuthorize(store, form);
    if (check.kind !== 'ok') return renderCheckFailure(c, check);
    const { fields, client, inFragment } = check;
    c.header('Cache-Control', 'no-store');
    if (form.get('action') === 'cancel') {
      return c.redirect(
        redirectWith(fields.redirect_uri, inFragment, { error: 'access_denied', error_description: 'The user denied the request', state: fields.state }),
        302,
      );
    }
    // A demo-account button sends signInAs; the form's own button sends the typed email.
    const email = (form.get('signInAs') ?? form.get('email') ?? '').trim();
    if (email === '') {
      return c.html(signIn(check, { email, error: `Enter the email address of a user in ${store.org.name}.` }), 400);
    }
    const user = store.userByEmail(email);
    if (user?.state !== 'active') {
      return c.html(
        signIn(check, { email, error: `No active user with the email ${email} in ${store.org.name}. Try one of the demo accounts below.` }),
        400,
      );
    }
    if (client.authorizedGrantType === 'TOKEN') {
      const token = store.issueToken(user.id, client.id);
      return c.redirect(
        redirectWith(fields.redirect_uri, true, {
          access_token: token.token,
          expires_in: String(client.accessTokenValiditySeconds),
          token_type: 'bearer',
          state: fields.state,
        }),
        302,
      );
    }
    const code = store.createCode({
      clientId: client.id,
      redirectUri: fields.redirect_uri,
      codeChallenge: fields.code_challenge ?? '',
      userId: user.id,
    });
    return c.redirect(redirectWith(fields.redirect_uri, false, { code: code.code, state: fields.state }), 302);
  });

  app.post('/oauth/token', async (c) => {
    if (mediaType(c.req.header('Content-Type')) !== 'application/x-www-form-urlencoded') {
      return oauthError(c, 400, 'invalid_request', 'The token request must be sent as application/x-www-form-urlencoded.');
    }
    const form = new URLSearchParams(await c.req.text());
    const grantType = form.get('grant_type');
    const ok = (clientId: string, userId: string | null, lifetime: number) => {
      const token = store.issueToken(userId, clientId);
      c.header('Cache-Control', 'no-store');
      c.header('Pragma', 'no-cache');
      return c.json({ access_token: token.token, token_type: 'bearer' as const, expires_in: lifetime });
    };

    if (grantType === 'authorization_code') {
      const basic = basicCredentials(c.req.header('Authorization'));
      const clientId = form.get('client_id') ?? basic?.id ?? '';
      const client = store.clients.get(clientId);
      if (!client) return oauthError(c, 401, 'invalid_client', `Unknown client_id "${clientId}".`);
      if (client.authorizedGrantType !== 'CODE') {
        return oauthError(c, 400, 'unauthorized_client', `The client "${client.name}" may not use the authorization_code grant.`);
      }
      const codeValue = form.get('code');
      const verifier = form.get('code_verifier');
      const redirectUri = form.get('redirect_uri');
      if (!codeValue) return oauthError(c, 400, 'invalid_request', 'code is required.');
      if (!verifier) return oauthError(c, 400, 'invalid_request', 'code_verifier is required: this client must use PKCE.');
      if (!redirectUri) return oauthError(c, 400, 'invalid_request', 'redirect_uri is required.');
      const code = store.takeCode(codeValue);
      if (!code || code.expiresAt <= store.now() || code.clientId !== client.id) {
        return oauthError(c, 400, 'invalid_grant', 'The authorization code is invalid, expired or already used.');
      }
      if (code.redirectUri !== redirectUri) {
        return oauthError(c, 400, 'invalid_grant', 'redirect_uri does not match the one the code was issued for.');
      }
      if (!VERIFIER.test(verifier)) {
        return oauthError(c, 400, 'invalid_grant', 'code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~".');
      }
      if (pkceChallenge(verifier) !== code.codeChallenge) {
        return oauthError(c, 400, 'invalid_grant', 'code_verifier does not match the code_challenge.');
      }
      if (store.users.get(code.userId)?.state !== 'active') return oauthError(c, 400, 'invalid_grant', 'The user is no longer active.');
      return ok(client.id, code.userId, client.accessTokenValiditySeconds);
    }

    if (grantType === 'client_credentials') {
      const basic = basicCredentials(c.req.header('Authorization'));
      const client = basic ? store.clients.get(basic.id) : undefined;
      if (!basic || client?.secret === undefined || client.secret !== basic.secret) {
        return oauthError(c, 401, 'invalid_client', 'Client authentication failed: send the client id and secret with HTTP Basic auth.');
      }
      if (client.authorizedGrantType !== 'CLIENT-CREDENTIALS') {
        return oauthError(c, 400, 'unauthorized_client', `The client "${client.name}" may not use the client_credentials grant.`);
      }
      return ok(client.id, null, client.accessTokenValiditySeconds);
    }

    if (!grantType) return oauthError(c, 400, 'invalid_request', 'grant_type is required.');
    return oauthError(c, 400, 'unsupported_grant_type', `The grant_type "${grantType}" is not supported.`);
  });

  app.get('/logout', (c) => {
    const client = store.clients.get(c.req.query('client_id') ?? '');
    const redirectUri = c.req.query('redirect_uri') ?? '';
    if (client && isRegisteredRedirectUri(client, redirectUri)) {
      return c.redirect(redirectUri, 302);
    }
    return c.html(signedOutPage());
  });

  return app;
}
