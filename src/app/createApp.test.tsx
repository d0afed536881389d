import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/renderApp.tsx';
import { sessionStore } from '../auth/session.ts';
import { returnPathFromState } from '../auth/signIn.ts';

describe('routing and the session', () => {
  it('sends a visitor without a session to Genesys sign-in, remembering the deep link', async () => {
    const { navigatedAway } = await renderApp({ path: '/token?from=portal' });
    await waitFor(() => expect(navigatedAway).toHaveLength(1));
    const authorize = new URL(navigatedAway[0] ?? '');
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(returnPathFromState(authorize.searchParams.get('state'))).toBe('/token?from=portal');
  });

  it('treats an expired session as none and signs in again', async () => {
    sessionStore.set({ accessToken: 'old', expiresAt: Date.now() - 1000, environment: 'mypurecloud.com', flow: 'pkce' });
    const { navigatedAway } = await renderApp({ path: '/token', keepSession: true });
    await waitFor(() => expect(navigatedAway).toHaveLength(1));
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
});
