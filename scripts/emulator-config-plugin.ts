import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { APP_CLIENT_ID } from '../emulator/seed.ts';

/**
 * Serves `config.json` pointing at the emulator on the dev and preview servers, so that
 * `public/config.json` (copied to `dist/`) stays the production template a deployer edits.
 * Set EMULATOR_URL to point elsewhere; set APP_CONFIG=file to serve the real file instead.
 */
export function emulatorConfigPlugin(): Plugin {
  const handler = (base: string) => (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = (req.url ?? '').split('?')[0];
    if (process.env.APP_CONFIG === 'file' || path !== `${base}config.json`) {
      next();
      return;
    }
    const emulatorUrl = process.env.EMULATOR_URL ?? 'http://localhost:8787';
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(
      JSON.stringify({
        clientId: APP_CLIENT_ID,
        environment: 'mypurecloud.com',
        oauthFlow: 'pkce',
        apiBaseUrl: emulatorUrl,
        loginBaseUrl: emulatorUrl,
      }),
    );
  };
  let base = '/';
  return {
    name: 'token-admin:emulator-config',
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use(handler(base));
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler(base));
    },
  };
}
