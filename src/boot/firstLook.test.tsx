import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, ORG, SUPERVISOR } from '../../emulator/seed.ts';
import { EMULATOR_ORIGIN, indexHtmlRoot, renderApp } from '../../test/renderApp.tsx';
import { SessionStore } from '../auth/session.ts';
import { startEarly } from './early.ts';
import { paintFirstLook } from './firstLook.ts';

/** The words, with every number as #: a minute may tick between the first look and the page. */
const words = (text: string | null | undefined) => (text ?? '').replace(/\d+/g, '#').trim();

afterEach(() => {
  document.getElementById('root')?.remove();
  sessionStorage.clear();
});

describe("the first look: a page's heading with its data, before the bundle has arrived", () => {
  it.each([
    ['/token', 'My token', ['Avery Admin', ORG.name, 'Token Admin (local)', /It idles out in (29|30) minutes unless it is used, and expires in (24|23) hours\./]],
    [`/users/${SUPERVISOR.id}`, SUPERVISOR.name, [SUPERVISOR.email]],
    ['/settings/idle-timeout', 'Idle timeout', ['On: a token unused for 30 minutes stops working', 'members of 1 group with a timeout of their own']],
  ] as const)('%s: drawn from the early answers, then the page lands on the same heading with the same words', async (path, title, facts) => {
    const { firstLook } = await renderApp({ email: ADMIN.email, path, boot: true, firstLook: true, firstPage: true });
    if (!firstLook) throw new Error('the first look was not drawn');
    const drawn = within(firstLook);
    expect(drawn.getByRole('heading', { level: 1 })).toHaveTextContent(title);
    const lead = firstLook.querySelector('[data-page-data]');
    for (const fact of facts) expect(lead).toHaveTextContent(fact);
    expect(drawn.getByRole('status')).toHaveTextContent('Loading the rest of the page…');
    expect(drawn.getByRole('banner')).toHaveTextContent('Token Admin');

    // The app's render replaces it, with its own heading saying the same.
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(document.querySelector('[data-first-look]')).toBeNull();
    const pageLead = document.querySelector('[data-page-data]');
    expect(words(pageLead?.textContent)).toBe(words(lead?.textContent.replace('Loading the rest of the page…', '')));
  });

  it('is not drawn when an early answer failed: the page shows the failure as it would a late one', async () => {
    const { firstLook } = await renderApp({
      email: ADMIN.email,
      boot: true,
      firstLook: true,
      beforeRender: (emulator) => {
        emulator.store.addFault({ method: 'GET', path: '/api/v2/users/me', status: 503, remaining: 1, kind: 'status', skip: 0 });
        return Promise.resolve();
      },
    });
    expect(firstLook).toBeUndefined();
    expect(await screen.findByRole('region', { name: 'OAuth client' }, { timeout: 8000 })).toBeInTheDocument();
  }, 15_000);

  it('is not drawn on a page that has none (the users search)', async () => {
    const { firstLook } = await renderApp({ email: ADMIN.email, path: '/users', boot: true, firstLook: true });
    expect(firstLook).toBeUndefined();
  });

  it("puts Genesys' words in as text, never as markup", async () => {
    new SessionStore().set({ accessToken: 't', expiresAt: Date.now() + 3_600_000, environment: 'mypurecloud.com', flow: 'pkce' });
    const evil = '<img src=x onerror="window.pwned=1">';
    const handoff = startEarly({
      location: new URL('https://tokens.example.com/token'),
      storage: sessionStorage,
      basePath: '/',
      pageChunks: {},
      preload: () => undefined,
      fetch: (input) => {
        const url = input instanceof Request ? input.url : input.toString();
        if (url.endsWith('config.json')) return Promise.resolve(Response.json({ clientId: ADMIN.id, apiBaseUrl: EMULATOR_ORIGIN }));
        if (url.includes('/tokens/me')) return Promise.resolve(Response.json({ organization: { id: ORG.id, name: evil }, OAuthClient: { name: evil, authorizedGrantType: 'CODE' } }));
        return Promise.resolve(Response.json({ id: ADMIN.id, name: evil }));
      },
    });
    const look = await handoff.look;
    if (!look) throw new Error('no first look from these answers');
    const root = indexHtmlRoot();
    expect(paintFirstLook(document, look, Date.now())).toBe(true);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-page-data]')).toHaveTextContent(`The token this tab uses: ${evil} in ${evil}, through ${evil}.`);
    // No idle time from Genesys: said so, not guessed.
    expect(root.querySelector('[data-page-data]')).toHaveTextContent(/Genesys Cloud reports no idle timeout for it; it expires in (1 hour|59 minutes)\./);
  });

  describe('takes only answers the app would take, about the page the address names', () => {
    const NOW = Date.now();
    const token = { organization: { id: ORG.id, name: ORG.name }, OAuthClient: { name: 'Token Admin', authorizedGrantType: 'CODE' }, dateTokenIdles: new Date(NOW + 30 * 60_000).toISOString() };
    const me = { id: ADMIN.id, name: 'Avery Admin' };
    const settings = { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 1800 };
    const user = { id: SUPERVISOR.id, name: SUPERVISOR.name, email: SUPERVISOR.email };
    const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () => new Response(JSON.stringify(body), { status, headers });

    /** The first look's lead for `path` when Genesys answers each read with `answers[read]`. */
    async function leadFor(path: string, answers: Record<string, () => Response>) {
      new SessionStore().set({ accessToken: 't', expiresAt: NOW + 3_600_000, environment: 'mypurecloud.com', flow: 'pkce' });
      const handoff = startEarly({
        location: new URL(`https://tokens.example.com${path}`),
        storage: sessionStorage,
        basePath: '/',
        pageChunks: {},
        preload: () => undefined,
        fetch: (input) => {
          const url = new URL(input instanceof Request ? input.url : input.toString(), 'https://tokens.example.com');
          if (url.pathname.endsWith('config.json')) return Promise.resolve(Response.json({ clientId: ADMIN.id }));
          const read = Object.keys(answers).find((name) => url.pathname.endsWith(name));
          return Promise.resolve(read ? (answers[read] ?? json({}))() : json({ unexpected: url.pathname }, 404)());
        },
      });
      const look = await handoff.look;
      return look?.lead.map((part) => (typeof part === 'string' ? part : `<${String(Math.round((part.at - NOW) / 60_000))} min>`)).join('');
    }

    it.each([
      ['a 401 on the token', '/token', { 'tokens/me': json({ message: 'expired' }, 401), 'users/me': json(me) }],
      ['a 403 on the user', `/users/${SUPERVISOR.id}`, { 'tokens/me': json(token), 'users/me': json(me), [`users/${SUPERVISOR.id}`]: json({}, 403) }],
      ['one answer not a JSON object', '/token', { 'tokens/me': json(token), 'users/me': json([1, 2]) }],
      ['one answer not JSON at all', '/token', { 'tokens/me': json(token), 'users/me': () => new Response('<html>') }],
      ['a client without the name the model requires', '/token', { 'tokens/me': json({ ...token, OAuthClient: { authorizedGrantType: 'CODE' } }), 'users/me': json(me) }],
      ['a switch sent as a string', '/settings/idle-timeout', { 'tokens/me': json(token), 'users/me': json(me), 'tokens/timeout': json({ ...settings, enableIdleTokenTimeout: 'false' }) }],
      ['another user than the address names', `/users/${SUPERVISOR.id}`, { 'tokens/me': json(token), 'users/me': json(me), [`users/${SUPERVISOR.id}`]: json({ ...user, id: ADMIN.id }) }],
    ])('no first look for %s', async (_case, path, answers) => {
      expect(await leadFor(path, answers)).toBeUndefined();
    });

    it('gives none once main.tsx has begun to render, however the answers went', async () => {
      new SessionStore().set({ accessToken: 't', expiresAt: NOW + 3_600_000, environment: 'mypurecloud.com', flow: 'pkce' });
      const handoff = startEarly({
        location: new URL('https://tokens.example.com/token'),
        storage: sessionStorage,
        basePath: '/',
        pageChunks: {},
        preload: () => undefined,
        fetch: (input) => {
          const url = input instanceof Request ? input.url : input.toString();
          if (url.endsWith('config.json')) return Promise.resolve(Response.json({ clientId: ADMIN.id }));
          return Promise.resolve(url.includes('/tokens/me') ? json(token)() : json(me)());
        },
      });
      handoff.stopFirstLook();
      expect(await handoff.reads).toHaveLength(2);
      expect(await handoff.look).toBeUndefined();
    });

    it('draws the token page at the root address, and the user whose id is written in capitals', async () => {
      expect(await leadFor('/', { 'tokens/me': json(token), 'users/me': json(me) })).toContain('Avery Admin in Example Org, through Token Admin');
      const capitals = `/users/${SUPERVISOR.id.toUpperCase()}`;
      expect(await leadFor(capitals, { 'tokens/me': json(token), 'users/me': json(me), [`users/${SUPERVISOR.id.toUpperCase()}`]: json(user) })).toBe(SUPERVISOR.email);
    });

    it("reads the idle-out on Genesys' clock, as the page does: 40 minutes away on a clock 10 minutes ahead is 30", async () => {
      const ahead = { Date: new Date(NOW + 10 * 60_000).toUTCString() };
      const lead = await leadFor('/token', { 'tokens/me': json({ ...token, dateTokenIdles: new Date(NOW + 40 * 60_000).toISOString() }, 200, ahead), 'users/me': json(me, 200, ahead) });
      expect(lead).toContain('It idles out <30 min> unless it is used');
    });
  });

  it('leaves the page alone once the app has rendered: only the loading line is ever replaced', () => {
    const root = indexHtmlRoot();
    root.innerHTML = '<div class="the-app">the page</div>';
    expect(paintFirstLook(document, { title: 'My token', lead: ['late'] }, Date.now())).toBe(false);
    expect(root.innerHTML).toBe('<div class="the-app">the page</div>');
  });
});
