import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { createEmulator } from './app.ts';
import type { Connection } from './env.ts';
import type { SeedBuilder } from './model.ts';
import { redirectUriProblem } from './oauth.ts';
import { describeDemoAccounts } from './seed.ts';

export interface EmulatorServerOptions {
  port: number;
  /** Default 127.0.0.1: the control API mints admin tokens, so it stays off the network. */
  hostname?: string;
  control: boolean;
  rateLimitPerMinute?: number;
  rateLimitPerUserPerMinute?: number;
  /** Redirect URIs registered for the browser clients (exact match); default the app's dev server. */
  redirectUris?: readonly string[];
  /** The world to start from (default the full seed); the bench adds users to it. */
  seed?: SeedBuilder;
}

export interface EmulatorServer {
  url: string;
  redirectUris: readonly string[];
  close(): Promise<void>;
}

/** Listens on the port (0 = any free port); rejects with the listen error (e.g. EADDRINUSE). */
export async function startEmulatorServer(opts: EmulatorServerOptions): Promise<EmulatorServer> {
  const hostname = opts.hostname ?? '127.0.0.1';
  const emulator = createEmulator({
    control: opts.control,
    boundTo: hostname,
    ...(opts.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: opts.rateLimitPerMinute }),
    ...(opts.rateLimitPerUserPerMinute === undefined ? {} : { rateLimitPerUserPerMinute: opts.rateLimitPerUserPerMinute }),
    ...(opts.redirectUris === undefined ? {} : { redirectUris: opts.redirectUris }),
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
  });
  // Ends every hang and delay when the server closes, so close() never waits on them.
  const closing = new AbortController();
  const server = createAdaptorServer({
    fetch: async (request, env) => {
      const dropped = new AbortController();
      const connection: Connection = {
        // The adapter aborts the request's signal when the client disconnects.
        closed: AbortSignal.any([request.signal, closing.signal, dropped.signal]),
        drop: () => {
          dropped.abort();
          env.incoming.socket.destroy();
        },
        enforcesCors: true,
      };
      const response = await emulator.app.fetch(request, { connection });
      // The socket is gone (dropped, the client left, the server closing): write nothing to it.
      return connection.closed.aborted ? RESPONSE_ALREADY_SENT : response;
    },
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(opts.port, hostname, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  // The default is reported as localhost, the name people type; clients try IPv4 too.
  const wildcard = opts.hostname === undefined || ['0.0.0.0', '::', 'localhost'].includes(opts.hostname);
  const host = wildcard ? 'localhost' : opts.hostname?.includes(':') ? `[${opts.hostname}]` : opts.hostname;
  return {
    url: `http://${host ?? 'localhost'}:${String(address.port)}`,
    redirectUris: emulator.redirectUris,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        closing.abort();
        server.close((error) => {
          if (error) rejectClose(error);
          else resolveClose();
        });
        // Keep-alive connections and hanging requests would otherwise hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const prefixed = args.find((a) => a.startsWith(`${name}=`));
  return prefixed?.slice(name.length + 1);
}

function argValues(args: readonly string[], name: string): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    if (arg === name && args[i + 1] !== undefined) values.push(args[i + 1] ?? '');
    else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  });
  return values;
}

/** --redirect-uri (repeatable) wins over EMULATOR_REDIRECT_URIS (comma-separated); neither: the defaults. */
function redirectUrisFrom(args: readonly string[], env: string | undefined): string[] | undefined {
  const fromArgs = argValues(args, '--redirect-uri');
  const uris = fromArgs.length > 0 ? fromArgs : (env ?? '').split(',');
  const list = uris.map((u) => u.trim()).filter((u) => u !== '');
  if (list.length === 0) return undefined;
  const problems = list.map(redirectUriProblem).filter((p): p is string => p !== undefined);
  if (problems.length > 0) {
    console.error(`Invalid redirect URI from ${fromArgs.length > 0 ? '--redirect-uri' : 'EMULATOR_REDIRECT_URIS'}: ${problems.join(' ')}`);
    process.exit(1);
  }
  return list;
}

/**
 * A port number from the command line or the environment: 1 to 65535, or 0 for any free port.
 * Absent or empty gives the fallback. Throws an Error whose message names the setting.
 */
export function parsePort(raw: string | undefined, name: string, fallback: number): number {
  const value = raw?.trim() ?? '';
  if (value === '') return fallback;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) throw new Error(`${name}=${raw ?? ''} is not a port number: use 1 to 65535, or 0 for any free port.`);
  return port;
}

/** parsePort for a command: prints the problem and exits 1. */
export function portOrExit(raw: string | undefined, name: string, fallback: number): number {
  try {
    return parsePort(raw, name, fallback);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portArg = argValue(args, '--port');
  const port = portArg !== undefined ? portOrExit(portArg, '--port', 8787) : portOrExit(process.env.EMULATOR_PORT, 'EMULATOR_PORT', 8787);
  const hostname = argValue(args, '--host') ?? process.env.EMULATOR_HOST;
  const control = args.includes('--control');
  const rateEnv = process.env.EMULATOR_RATE_LIMIT;
  const rateLimitPerMinute = rateEnv === undefined || rateEnv === '' ? undefined : Number(rateEnv);
  if (rateLimitPerMinute !== undefined && (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1)) {
    console.error(`Invalid EMULATOR_RATE_LIMIT=${rateEnv ?? ''}: use a positive whole number of requests per minute.`);
    process.exit(1);
  }
  const redirectUris = redirectUrisFrom(args, process.env.EMULATOR_REDIRECT_URIS);

  let server: EmulatorServer;
  try {
    server = await startEmulatorServer({
      port,
      control,
      ...(hostname ? { hostname } : {}),
      ...(rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute }),
      ...(redirectUris === undefined ? {} : { redirectUris }),
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      console.error(`Port ${String(port)} is already in use. Stop whatever uses it or set EMULATOR_PORT=<another port>.`);
    } else {
      console.error('Could not start the Genesys Cloud emulator:', error);
    }
    process.exit(1);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping the emulator (${signal}).`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Error while stopping the emulator:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  console.log(`Genesys Cloud emulator listening on ${server.url}${control ? ` (control API at ${server.url}/__emulator/)` : ''}`);
  console.log(describeDemoAccounts(server.url, server.redirectUris));
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(resolve(entry))).href;
  } catch {
    return false;
  }
}

if (isMainModule()) await main();
