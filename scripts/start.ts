/**
 * `npm start`: the emulator of Genesys Cloud and the app's dev server, in one process.
 * EMULATOR_PORT (default 8787) and APP_PORT (default 5173) change the ports.
 */
import { createServer } from 'vite';
import { portOrExit, startEmulatorServer } from '../emulator/server.ts';
import { describeDemoAccounts } from '../emulator/seed.ts';

function inUse(error: unknown): boolean {
  return (
    (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' || /already in use/i.test(error instanceof Error ? error.message : '')
  );
}

const emulatorPort = portOrExit(process.env.EMULATOR_PORT, 'EMULATOR_PORT', 8787);
const appPort = portOrExit(process.env.APP_PORT, 'APP_PORT', 5173);

let emulator: Awaited<ReturnType<typeof startEmulatorServer>>;
try {
  emulator = await startEmulatorServer({
    port: emulatorPort,
    control: true,
    redirectUris: [`http://localhost:${appPort}/auth/callback`, `http://127.0.0.1:${appPort}/auth/callback`],
  });
} catch (error) {
  if (!inUse(error)) throw error;
  console.error(`Port ${emulatorPort} is already in use, so the Genesys Cloud emulator cannot start. Stop what uses it or run with EMULATOR_PORT=<another port>.`);
  process.exit(1);
}

process.env.EMULATOR_URL = emulator.url;
const vite = await createServer({ server: { port: appPort, strictPort: true }, clearScreen: false });
try {
  await vite.listen();
} catch (error) {
  await emulator.close();
  if (!inUse(error)) throw error;
  console.error(`Port ${appPort} is already in use, so the app cannot start. Stop what uses it or run with APP_PORT=<another port>.`);
  process.exit(1);
}

const appUrl = vite.resolvedUrls?.local[0] ?? `http://localhost:${appPort}/`;
console.log(`
  Token Admin is running.

  Open the app:        ${appUrl}
  Genesys emulator:    ${emulator.url}

${describeDemoAccounts(emulator.url, emulator.redirectUris)
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}

  Press Ctrl+C to stop.
`);

async function shutdown() {
  await Promise.allSettled([vite.close(), emulator.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
