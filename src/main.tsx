import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ThemeProviders } from './app/App.tsx';
import { ConfigErrorPage } from './app/ConfigErrorPage.tsx';
import { createApp } from './app/createApp.tsx';
import { takeOAuthResponseFromUrl } from './auth/oauthResponse.ts';
import { loadConfig } from './config/config.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const basePath = import.meta.env.BASE_URL;
// First of all: a returned code or token leaves the address bar before anything can fail.
const oauthResponse = takeOAuthResponseFromUrl();

loadConfig(`${basePath}config.json`).then(
  (config) => {
    const app = createApp({
      config,
      basePath,
      origin: window.location.origin,
      entrySearch: window.location.search,
      oauthResponse,
      navigateAway: (url) => window.location.assign(url),
    });
    root.render(
      <StrictMode>
        <App app={app} />
      </StrictMode>,
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
