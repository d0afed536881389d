// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { NO_BROWSER_MESSAGE, ensureBrowser, type BrowserEnvironment } from './ensure-browser.ts';
import { systemChromium } from './chromium.ts';

function environment(overrides: Partial<BrowserEnvironment> = {}) {
  const env: BrowserEnvironment = {
    env: {},
    which: () => undefined,
    playwrightChromium: () => '/cache/ms-playwright/chromium/chrome',
    exists: () => false,
    install: vi.fn(() => false),
    log: vi.fn(),
    ...overrides,
  };
  return env;
}

describe('systemChromium', () => {
  it('prefers CHROMIUM_PATH, then chromium, then chromium-browser on the PATH', () => {
    const which = (name: string) => ({ chromium: '/usr/bin/chromium', 'chromium-browser': '/usr/bin/chromium-browser' })[name];
    expect(systemChromium({ env: { CHROMIUM_PATH: '/opt/chrome' }, which })).toBe('/opt/chrome');
    expect(systemChromium({ env: {}, which })).toBe('/usr/bin/chromium');
    expect(systemChromium({ env: {}, which: (n) => (n === 'chromium-browser' ? '/snap/bin/chromium-browser' : undefined) })).toBe('/snap/bin/chromium-browser');
    expect(systemChromium({ env: { CHROMIUM_PATH: '' }, which: () => undefined })).toBeUndefined();
  });
});

describe('ensureBrowser', () => {
  it('does nothing when CHROMIUM_PATH is set', () => {
    const env = environment({ env: { CHROMIUM_PATH: '/opt/chrome' } });
    expect(ensureBrowser(env)).toEqual({ ready: true, via: 'CHROMIUM_PATH or PATH' });
    expect(env.install).not.toHaveBeenCalled();
    expect(env.log).not.toHaveBeenCalled();
  });

  it('does nothing when chromium is on the PATH', () => {
    const env = environment({ which: (n) => (n === 'chromium' ? '/usr/bin/chromium' : undefined) });
    expect(ensureBrowser(env).ready).toBe(true);
    expect(env.install).not.toHaveBeenCalled();
  });

  it('does nothing when Playwright\u2019s own Chromium is on disk', () => {
    const env = environment({ exists: (p) => p === '/cache/ms-playwright/chromium/chrome' });
    expect(ensureBrowser(env)).toEqual({ ready: true, via: 'Playwright' });
    expect(env.install).not.toHaveBeenCalled();
  });

  it('downloads Playwright\u2019s Chromium when there is none, and goes on when that works', () => {
    const env = environment({ install: vi.fn(() => true) });
    expect(ensureBrowser(env)).toEqual({ ready: true, via: 'download' });
    expect(env.install).toHaveBeenCalledOnce();
    expect(env.log).not.toHaveBeenCalledWith(NO_BROWSER_MESSAGE);
  });

  it('says in one line what to install when the download fails', () => {
    const env = environment({ playwrightChromium: () => undefined });
    expect(ensureBrowser(env)).toEqual({ ready: false });
    expect(env.install).toHaveBeenCalledOnce();
    expect(env.log).toHaveBeenLastCalledWith(NO_BROWSER_MESSAGE);
    expect(NO_BROWSER_MESSAGE).not.toContain('\n');
  });
});
