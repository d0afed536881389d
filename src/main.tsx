import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ThemeProviders } from './app/App.tsx';
import { createApp } from './app/createApp.tsx';
import { firstPageReady } from './app/firstPage.ts';
import { EarlyReads, type EarlyRead } from './api/earlyReads.ts';
import { takeOAuthResponseFromUrl } from './auth/oauthResponse.ts';
import { StorageBlockedError, sessionStorageUsable } from './auth/session.ts';
import { bootHandoff } from './boot/boot.ts';
import { loadConfig, type AppConfig } from './config/config.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const basePath = import.meta.env.BASE_URL;
// First of all: a returned code or token leaves the address bar before anything can fail.
const oauthResponse = takeOAuthResponseFromUrl();

// Started by the boot module before the rest of the bundle had arrived: adopted, not asked again.
const boot = bootHandoff;
const configUrl = `${basePath}config.json`;

function start([config, early]: [AppConfig, EarlyRead[]]) {
  if (!sessionStorageUsable()) throw new StorageBlockedError();
  const app = createApp({
    early: new EarlyReads(early),
    config,
    basePath,
    origin: window.location.origin,
    entrySearch: window.location.search,
    oauthResponse,
    navigateAway: (url) => window.location.assign(url),
  });
  const render = () => {
    boot?.stopFirstLook();
    root.render(
      <StrictMode>
        <App app={app} />
      </StrictMode>,
    );
  };
  void firstPageReady(app, early).then(render, render);
}

/**
 * A page the app cannot start without (why, and what to do), in place of whatever #root shows.
 * Loaded only then: most visits never need it. Should even that chunk fail to arrive, the
 * loading line's 10-second hint says to check the connection and reload.
 */
async function showFailure(load: () => Promise<(props: { error: unknown }) => ReactNode>, error: unknown) {
  boot?.stopFirstLook();
  const Page = await load();
  root.render(
    <ThemeProviders>
      <Page error={error} />
    </ThemeProviders>,
  );
}

Promise.all([loadConfig(configUrl, boot ? () => boot.config : undefined), boot?.reads.catch(() => []) ?? []]).then(
  (loaded) => {
    try {
      start(loaded);
    } catch (error) {
      // Without this, index.html's "Loading Token Admin…" would stay for good.
      void showFailure(async () => (await import('./app/StartupErrorPage.tsx')).StartupErrorPage, error);
    }
  },
  (error: unknown) => void showFailure(async () => (await import('./app/ConfigErrorPage.tsx')).ConfigErrorPage, error),
);
