import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import appConfig from '../../vite.config.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** Built as the app is: the same React plugin, PostCSS config and chunk groups. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  css: { postcss: projectRoot },
  build: { ...appConfig.build, emptyOutDir: true },
  logLevel: 'warn',
});
