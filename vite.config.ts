/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { emulatorConfigPlugin } from './scripts/emulator-config-plugin.ts';

export default defineConfig({
  plugins: [react(), emulatorConfigPlugin()],
  server: { port: Number(process.env.APP_PORT ?? 5173), strictPort: true },
  preview: { port: Number(process.env.APP_PORT ?? 4173), strictPort: true },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'emulator/**/*.test.ts', 'scripts/**/*.test.ts'],
    css: false,
    restoreMocks: true,
  },
});
