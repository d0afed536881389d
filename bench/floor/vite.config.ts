import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import appConfig from '../../vite.config.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

const app = appConfig({ command: 'build', mode: 'production' });

/** Built as the app is: the same React plugin, PostCSS config, module resolution and chunk groups. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  css: { postcss: projectRoot },
  resolve: app.resolve,
  build: { ...app.build, emptyOutDir: true },
  logLevel: 'warn',
});
