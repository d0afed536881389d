import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { DEV_SERVER_HEADERS, parseDeployedConfig, securityHeaders, SecurityHeadersError, type SecurityHeaders } from './securityHeaders.ts';

/** Marks the preview server's own read of its config.json, so that read does not recurse. */
const OWN_READ_HEADER = 'x-token-admin-policy-read';

function send(res: ServerResponse, headers: SecurityHeaders) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/** This server's own address, as the request reached it. */
function ownOrigin(req: IncomingMessage): string {
  const address = req.socket.localAddress ?? '127.0.0.1';
  return `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort ?? 80}`;
}

/**
 * Sends Token Admin's security headers (scripts/securityHeaders.ts) from Vite's servers. The
 * preview server, which every end-to-end scenario runs against, sends the full policy for the
 * config.json it serves right now. The dev server sends only Referrer-Policy and nosniff: a
 * Content-Security-Policy would refuse the inline script it writes into index.html (React
 * Refresh's preamble) and so break hot reloading.
 */
export function securityHeadersPlugin(): Plugin {
  let base = '/';
  let indexPath = '';
  let lastHeaders: SecurityHeaders | undefined;
  let lastProblem = '';

  async function headersFor(req: IncomingMessage, logWarning: (message: string) => void): Promise<SecurityHeaders> {
    const indexHtml = readFileSync(indexPath, 'utf8');
    try {
      // Read back through this server, so the policy follows whichever config.json it serves: the
      // emulator's (scripts/emulator-config-plugin.ts) or the built file (APP_CONFIG=file).
      const response = await fetch(`${ownOrigin(req)}${base}config.json`, { headers: { [OWN_READ_HEADER]: '1' } });
      if (!response.ok) throw new SecurityHeadersError(`config.json could not be loaded (HTTP ${response.status})`);
      const headers = securityHeaders(parseDeployedConfig(await response.text()), indexHtml);
      lastProblem = '';
      return headers;
    } catch (error) {
      if (!(error instanceof SecurityHeadersError)) throw error;
      if (error.message !== lastProblem) logWarning(`Security headers: ${error.message}; sending the policy for a broken config.json (no Genesys hosts).`);
      lastProblem = error.message;
      return securityHeaders(null, indexHtml);
    }
  }

  return {
    name: 'token-admin:security-headers',
    configResolved(config) {
      base = config.base;
      indexPath = resolve(config.root, config.build.outDir, 'index.html');
    },
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        send(res, DEV_SERVER_HEADERS);
        next();
      });
    },
    configurePreviewServer(server) {
      const logWarning = (message: string) => server.config.logger.warn(message);
      server.middlewares.use((req, res, next) => {
        if (req.headers[OWN_READ_HEADER]) {
          next();
          return;
        }
        // Hashed assets never change and are not documents: they reuse the last policy computed.
        const isAsset = (req.url ?? '').startsWith(`${base}assets/`);
        const pending = isAsset && lastHeaders ? Promise.resolve(lastHeaders) : headersFor(req, logWarning);
        pending.then(
          (headers) => {
            lastHeaders = headers;
            send(res, headers);
            next();
          },
          next,
        );
      });
    },
  };
}
