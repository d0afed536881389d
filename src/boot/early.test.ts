import { afterEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../auth/session.ts';
import { startEarly, type PageChunks } from './early.ts';

const CLIENT_ID = '5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13';
const USER_ID = 'a11ce000-0000-4000-8000-000000000002';
const CHUNKS: PageChunks = {
  '/token': { scripts: ['/assets/token.js'], styles: [] },
  '/users/:userId': { scripts: ['/assets/user.js', '/assets/badge.js'], styles: ['/assets/user.css'] },
};

function signedIn(environment = 'mypurecloud.ie', expiresInMs = 3_600_000) {
  new SessionStore().set({ accessToken: 'the-token', expiresAt: Date.now() + expiresInMs, environment, flow: 'pkce' });
}

/** Runs the boot's start at `url` with `config` as config.json; returns what it fetched and preloaded. */
async function boot(url: string, config: unknown = { clientId: CLIENT_ID }, basePath = '/') {
  const fetched: { url: string; headers: Record<string, string> }[] = [];
  const preloaded: string[] = [];
  const location = new URL(url, 'https://tokens.example.com');
  const handoff = startEarly({
    location,
    storage: sessionStorage,
    basePath,
    pageChunks: CHUNKS,
    preload: (href, as) => preloaded.push(`${as} ${href}`),
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      fetched.push({ url, headers: Object.fromEntries(new Headers(init?.headers).entries()) });
      if (url.endsWith('config.json')) return Promise.resolve(new Response(JSON.stringify(config), { headers: { 'Content-Type': 'application/json' } }));
      return Promise.resolve(Response.json({ ok: true }, { headers: { Date: new Date().toUTCString() } }));
    },
  });
  const reads = await handoff.reads;
  // The app's copy of config.json is still readable after the boot read its own.
  expect(await (await handoff.config).json()).toEqual(config);
  return { fetched, preloaded, reads, genesys: fetched.filter((request) => !request.url.endsWith('config.json')).map((request) => request.url) };
}

afterEach(() => sessionStorage.clear());

describe('the boot module, before the bundle has loaded', () => {
  it("asks for the token and the admin with the session's token, from the session's region, exactly as the app would", async () => {
    signedIn('mypurecloud.ie');
    const { fetched, genesys, preloaded } = await boot('/token');
    expect(genesys).toEqual(['https://api.mypurecloud.ie/api/v2/tokens/me?preserveIdleTTL=false', 'https://api.mypurecloud.ie/api/v2/users/me?expand=authorization']);
    for (const request of fetched.slice(1)) expect(request.headers).toEqual({ accept: 'application/json', authorization: 'Bearer the-token' });
    expect(preloaded).toEqual(['script /assets/token.js']);
  });

  it('sends the token to the configured apiBaseUrl when there is one, and nowhere else', async () => {
    signedIn('mypurecloud.de');
    const { genesys } = await boot('/token', { clientId: CLIENT_ID, apiBaseUrl: 'https://genesys-proxy.example.com' });
    expect(genesys.every((url) => url.startsWith('https://genesys-proxy.example.com/api/v2/'))).toBe(true);
    expect(genesys).toHaveLength(2);
  });

  it("starts a deep link's own data and chunks: a user's page, the idle timeout page", async () => {
    signedIn();
    const user = await boot(`/users/${USER_ID}`);
    expect(user.genesys).toContain(`https://api.mypurecloud.ie/api/v2/users/${USER_ID}?expand=groups%2CdateLastLogin%2Clasttokenissued`);
    expect(user.preloaded).toEqual(['script /assets/user.js', 'script /assets/badge.js', 'style /assets/user.css']);
    const idle = await boot('/settings/idle-timeout?user=x');
    expect(idle.genesys).toContain('https://api.mypurecloud.ie/api/v2/tokens/timeout');
  });

  it('asks nothing of a user id Genesys would refuse: the page says so itself', async () => {
    signedIn();
    const { genesys } = await boot('/users/not-a-user-id');
    expect(genesys).toHaveLength(2);
  });

  it('follows the base path the app is deployed under', async () => {
    signedIn();
    const { fetched, genesys, preloaded } = await boot(`/tools/tokens/users/${USER_ID}`, { clientId: CLIENT_ID }, '/tools/tokens/');
    expect(fetched[0]?.url).toBe('/tools/tokens/config.json');
    expect(genesys).toHaveLength(3);
    expect(preloaded[0]).toBe('script /assets/user.js');
  });

  it.each([
    ['without a session', () => undefined, '/token'],
    ['with an expired session', () => signedIn('mypurecloud.ie', -1000), '/token'],
    ['on the sign-in page', () => signedIn(), '/signin?returnTo=%2Ftoken'],
    ['on the session-ended page', () => signedIn(), '/session-ended'],
    ['on the sign-in callback, code in the query', () => signedIn(), '/auth/callback?code=abc&state=xyz'],
    ['on the sign-in callback, token in the fragment', () => signedIn(), '/auth/callback#access_token=abc&state=xyz'],
    ['on the callback path, even without a response in the URL', () => signedIn(), '/auth/callback'],
  ])('sends nothing %s', async (_case, arrange, url) => {
    arrange();
    const { genesys, reads, preloaded } = await boot(url);
    expect(genesys).toEqual([]);
    expect(reads).toEqual([]);
    if (!url.startsWith('/auth/callback')) expect(preloaded).toEqual([]);
  });

  it('sends nothing when config.json is one the app refuses: plain http to another host, or not valid at all', async () => {
    signedIn();
    expect((await boot('/token', { clientId: CLIENT_ID, apiBaseUrl: 'http://genesys-proxy.example.com' })).genesys).toEqual([]);
    expect((await boot('/token', { clientId: 'REPLACE-WITH-YOUR-OAUTH-CLIENT-ID' })).genesys).toEqual([]);
    expect((await boot('/token', 'not an object')).genesys).toEqual([]);
  });
});
