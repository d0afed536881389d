import { render } from '@testing-library/react';
import { App } from '../src/app/App.tsx';
import { createApp } from '../src/app/createApp.tsx';
import { sessionStore } from '../src/auth/session.ts';
import { parseConfig } from '../src/config/config.ts';
import { APP_CLIENT_ID } from '../emulator/seed.ts';
import { createEmulator, type Emulator } from '../emulator/app.ts';

export const EMULATOR_ORIGIN = 'http://emulator.test';

/**
 * The whole app in jsdom, talking to an in-process emulator: unit tests and e2e share one fake.
 * Signs in as `email` by minting a token, as the real sign-in would.
 */
export async function renderApp(
  options: {
    email?: string;
    path?: string;
    emulator?: Emulator;
    /** Start with whatever session the test stored itself. */
    keepSession?: boolean;
    beforeRender?: (emulator: Emulator, token: string) => Promise<unknown>;
  } = {},
) {
  const emulator = options.emulator ?? createEmulator({ control: true });
  const config = parseConfig({
    clientId: APP_CLIENT_ID,
    environment: 'mypurecloud.com',
    apiBaseUrl: EMULATOR_ORIGIN,
    loginBaseUrl: EMULATOR_ORIGIN,
  });
  let token: string | undefined;
  if (options.email) {
    const minted = emulator.issueToken(options.email);
    token = minted.access_token;
    await options.beforeRender?.(emulator, token);
    sessionStore.set({ accessToken: token, expiresAt: Date.now() + minted.expires_in * 1000, environment: 'mypurecloud.com', flow: 'pkce' });
  } else if (!options.keepSession) {
    sessionStore.clear();
  }
  const navigatedAway: string[] = [];
  const app = createApp({
    config,
    basePath: '/',
    origin: 'http://app.test',
    navigateAway: (url) => navigatedAway.push(url),
    fetch: emulator.fetch,
    initialPath: options.path ?? '/token',
  });
  const view = render(<App app={app} />);
  return { ...view, app, emulator, token, navigatedAway };
}
