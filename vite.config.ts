/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bootPlugin } from './scripts/bootPlugin.ts';
import { emulatorConfigPlugin } from './scripts/emulator-config-plugin.ts';
import { securityHeadersPlugin } from './scripts/securityHeadersPlugin.ts';

/** The boot module and all it imports: its chunk must run on its own, before the rest has arrived. */
const BOOT = /src[\\/](boot[\\/]|api[\\/](requests|earlyReads|timeoutDuration|models|clock)\.ts|ui[\\/](pageLook|formatRelative|headingClasses)\.ts|features[\\/](token|users|idle-timeout)[\\/]look\.ts|auth[\\/](session|oauthResponse)\.ts|config[\\/]|paths\.ts|features[\\/]users[\\/]userId\.ts)|node_modules[\\/]valibot[\\/]/;
const SHARED = /src[\\/](ui|api|auth|paths)[\\/]?[^\\/]*\.tsx?$/;
const LATER = /src[\\/]ui[\\/](ConfirmDialogModal|LeaveDialog|csv)\.tsx?$/;

export default defineConfig(({ mode }) => ({
  resolve: {
    // react-router's exports name only its development build, whose dev warnings stay on in
    // production (remix-run/react-router#14102); the production build is beside it.
    alias: mode === 'production' ? [{ find: /^react-router$/, replacement: fileURLToPath(new URL('node_modules/react-router/dist/production/index.mjs', import.meta.url)) }] : [],
  },
  // The security headers first, so they are on every response, config.json included.
  plugins: [react(), securityHeadersPlugin(), emulatorConfigPlugin(), bootPlugin()],
  build: {
    rolldownOptions: {
      output: {
        // React changes less often than the app: its own chunk stays cached across deploys. Other
        // libraries are left to follow the import graph, so a page's libraries load with the page
        // (a catch-all vendor chunk would put every page's libraries in the first load).
        codeSplitting: {
          groups: [
            // First on every visit (scripts/bootPlugin.ts): it starts the Genesys reads while the rest downloads.
            { name: 'boot', test: BOOT, priority: 2 },
            { name: 'react', priority: 1, test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            // Our own small shared pieces in one chunk rather than a request each (13 -> 9 on /token).
            // Dialogs are shared too, but only by pages loaded later: kept out, or every first visit
            // would download Mantine's Modal.
            { name: 'shared', test: (id: string) => SHARED.test(id) && !LATER.test(id), minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: { port: Number(process.env.APP_PORT ?? 5173), strictPort: true },
  preview: { port: Number(process.env.APP_PORT ?? 4173), strictPort: true },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'emulator/**/*.test.ts', 'scripts/**/*.test.ts'],
    css: false,
    restoreMocks: true,
    // Vitest leaves a core to itself by default: one worker on a 2-core machine, though the
    // in-process app tests mostly wait on timers and promises.
    maxWorkers: availableParallelism(),
    // Files share a worker's module cache and environment: the app keeps no module state (one
    // app instance per test), and setting each file up afresh cost 40 s of the suite's 2.7 min.
    isolate: false,
  },
}));
