import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/app.ts';
import { postSignIn } from '../../emulator/testing.ts';
import { APP_ORIGIN, TEST_CONFIG, renderApp } from '../../test/renderApp.tsx';
import { findRegion } from '../config/regions.ts';
import { SessionStore } from '../auth/session.ts';
import { beginSignIn, returnPathFromState } from '../auth/signIn.ts';

describe('routing and the session', () => {
  it('sends a visitor without a session to Genesys sign-in, remembering the deep link', async () => {
    const { navigatedAway } = await renderApp({ path: '/token?from=portal' });
    await waitFor(() => expect(navigatedAway).toHaveLength(1));
    const authorize = new URL(navigatedAway[0] ?? '');
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(returnPathFromState(authorize.searchParams.get('state'))).toBe('/token?from=portal');
  });

  it('stops on "Your session ended" for an expired session, then signs in again to the same page', async () => {
    const user = userEvent.setup();
    new SessionStore().set({ accessToken: 'old', expiresAt: Date.now() - 1000, environment: 'mypurecloud.com', flow: 'pkce' });
    const { navigatedAway, requests } = await renderApp({ path: '/token?tab=2', keepSession: true });
    expect(await screen.findByRole('heading', { name: 'Your session ended' })).toBeInTheDocument();
    expect(screen.getByText(/Your token expired at/)).toBeInTheDocument();
    expect(requests.filter((r) => r.includes('/api/v2/'))).toEqual([]);
    expect(navigatedAway).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Sign in again' }));
    await waitFor(() => expect(navigatedAway).toHaveLength(1));
    expect(returnPathFromState(new URL(navigatedAway[0] ?? '').searchParams.get('state'))).toBe('/token?tab=2');
  });

  it('opens the token page at the root address', async () => {
    await renderApp({ email: 'admin@example.com', path: '/' });
    expect(await screen.findByRole('heading', { name: 'My token', level: 1 })).toBeInTheDocument();
  });

  it('keeps the shell and says so for an unknown address', async () => {
    await renderApp({ email: 'admin@example.com', path: '/nowhere' });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('finishes sign-in on the callback and lands on the page asked for', async () => {
    const emulator = createEmulator();
    const region = findRegion('mypurecloud.com');
    if (!region) throw new Error('no region');
    const authorize = new URL(
      await beginSignIn({ config: TEST_CONFIG, region, returnTo: '/token?tab=2', redirectUri: `${APP_ORIGIN}/auth/callback` }),
    );
    const answer = await postSignIn(emulator, { ...Object.fromEntries(authorize.searchParams), email: 'supervisor@example.com' });
    const back = new URL(answer.headers.get('Location') ?? '');

    const { app } = await renderApp({ emulator, path: '/auth/callback', oauthResponse: { search: back.search, hash: back.hash } });
    expect(await screen.findByRole('heading', { name: 'My token', level: 1 })).toBeInTheDocument();
    expect(app.router.state.location.pathname + app.router.state.location.search).toBe('/token?tab=2');
    expect(screen.getByTestId('acting-as')).toHaveTextContent('Sam Supervisor');
  });

  it('treats a bare callback (Back, reload) as nothing to finish', async () => {
    const { app } = await renderApp({ email: 'admin@example.com', path: '/auth/callback' });
    expect(await screen.findByRole('heading', { name: 'My token', level: 1 })).toBeInTheDocument();
    expect(app.router.state.location.pathname).toBe('/token');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
