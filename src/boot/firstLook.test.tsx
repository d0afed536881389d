import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, ORG, SUPERVISOR } from '../../emulator/seed.ts';
import { EMULATOR_ORIGIN, renderApp } from '../../test/renderApp.tsx';
import { SessionStore } from '../auth/session.ts';
import { startEarly } from './early.ts';
import { paintFirstLook } from './firstLook.ts';

/** The words, with every number as #: a minute may tick between the first look and the page. */
const words = (text: string | null | undefined) => (text ?? '').replace(/\d+/g, '#').trim();

function loadingRoot() {
  const root = document.createElement('div');
  root.id = 'root';
  root.innerHTML = '<main class="token-admin-loading" role="status">Loading Token Admin…</main>';
  document.body.append(root);
  return root;
}

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
        if (url.includes('/tokens/me')) return Promise.resolve(Response.json({ organization: { id: ORG.id, name: evil }, OAuthClient: { name: evil } }));
        return Promise.resolve(Response.json({ id: ADMIN.id, name: evil }));
      },
    });
    const look = await handoff.look;
    if (!look) throw new Error('no first look from these answers');
    const root = loadingRoot();
    expect(paintFirstLook(document, look, Date.now())).toBe(true);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-page-data]')).toHaveTextContent(`The token this tab uses: ${evil} in ${evil}, through ${evil}.`);
    // No idle time from Genesys: said so, not guessed.
    expect(root.querySelector('[data-page-data]')).toHaveTextContent(/Genesys Cloud reports no idle timeout for it; it expires in (1 hour|59 minutes)\./);
  });

  it('gives no look for answers that are not JSON objects', async () => {
    new SessionStore().set({ accessToken: 't', expiresAt: Date.now() + 3_600_000, environment: 'mypurecloud.com', flow: 'pkce' });
    const handoff = startEarly({
      location: new URL('https://tokens.example.com/token'),
      storage: sessionStorage,
      basePath: '/',
      pageChunks: {},
      preload: () => undefined,
      fetch: (input) =>
        Promise.resolve((input instanceof Request ? input.url : input.toString()).endsWith('config.json') ? Response.json({ clientId: ADMIN.id }) : new Response('[1, 2]')),
    });
    expect(await handoff.reads).toHaveLength(2);
    expect(await handoff.look).toBeUndefined();
  });

  it('leaves the page alone once the app has rendered: only the loading line is ever replaced', () => {
    const root = loadingRoot();
    root.innerHTML = '<div class="the-app">the page</div>';
    expect(paintFirstLook(document, { title: 'My token', lead: ['late'] }, Date.now())).toBe(false);
    expect(root.innerHTML).toBe('<div class="the-app">the page</div>');
  });
});
