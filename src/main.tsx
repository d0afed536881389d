import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ThemeProviders } from './app/App.tsx';
import { ConfigErrorPage } from './app/ConfigErrorPage.tsx';
import { createApp } from './app/createApp.tsx';
import { firstPageReady } from './app/firstPage.ts';
import { EarlyReads } from './api/earlyReads.ts';
import { takeOAuthResponseFromUrl } from './auth/oauthResponse.ts';
import { bootHandoff } from './boot/boot.ts';
import { loadConfig } from './config/config.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const basePath = import.meta.env.BASE_URL;
// First of all: a returned code or token leaves the address bar before anything can fail.
const oauthResponse = takeOAuthResponseFromUrl();

// Started by the boot module before the rest of the bundle had arrived: adopted, not asked again.
const boot = bootHandoff;
const configUrl = `${basePath}config.json`;

Promise.all([loadConfig(configUrl, boot ? () => boot.config : undefined), boot?.reads.catch(() => []) ?? []]).then(
  ([config, early]) => {
    const app = createApp({
      early: new EarlyReads(early),
      config,
      basePath,
      origin: window.location.origin,
      entrySearch: window.location.search,
      oauthResponse,
      navigateAway: (url) => window.location.assign(url),
    });
    void firstPageReady(app, early).then(() =>
      root.render(
        <StrictMode>
          <App app={app} />
        </StrictMode>,
      ),
    );
  },
  (error: unknown) => {
    root.render(
      <ThemeProviders>
        <ConfigErrorPage error={error} />
      </ThemeProviders>,
    );
  },
);
