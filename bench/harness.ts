/**
 * What the bench suites share: production builds, a gzip static server, a throttled Chromium,
 * and medians. Suites (bench/suites/) use these and return figures; bench/run.ts prints them.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { build } from 'vite';
import { QUIET_CHROMIUM_ARGS, systemChromium } from '../scripts/chromium.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');
/** Build output; dist-* is ignored by git and by the linter. */
export const OUT_DIR = join(PROJECT_ROOT, 'dist-bench');

/** The production app, as `vite build` makes it, served at /. */
export async function buildApp(): Promise<string> {
  const outDir = join(OUT_DIR, 'app');
  await build({ root: PROJECT_ROOT, configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** The floor page (bench/floor/): the app's libraries showing one title and one JSON file. */
export async function buildFloor(): Promise<string> {
  const outDir = join(OUT_DIR, 'floor');
  await build({ configFile: join(PROJECT_ROOT, 'bench', 'floor', 'vite.config.ts'), build: { outDir, emptyOutDir: true } });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a build as a static host would: gzip for text, immutable caching for hashed assets,
 * index.html for unknown paths (deep links), and `overrides` (e.g. config.json) answered as given.
 */
export async function serveStatic(dir: string, overrides: Record<string, string> = {}): Promise<StaticServer> {
  const files = new Map<string, Buffer>();
  const compressed = new Map<Buffer, Buffer>();
  const send = (req: IncomingMessage, res: ServerResponse, body: Buffer, type: string, cache: string) => {
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', cache);
    res.setHeader('Vary', 'Accept-Encoding');
    const compressible = type.startsWith('text/') || type.startsWith('application/json') || type.startsWith('image/svg');
    if (compressible && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      let gzipped = compressed.get(body);
      if (!gzipped) {
        gzipped = gzipSync(body, { level: 6 });
        compressed.set(body, gzipped);
      }
      res.setHeader('Content-Encoding', 'gzip');
      res.end(gzipped);
    } else {
      res.end(body);
    }
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const override = overrides[path];
    if (override !== undefined) {
      send(req, res, Buffer.from(override), TYPES[extname(path)] ?? 'application/octet-stream', 'no-store');
      return;
    }
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !isFile(file)) file = join(dir, 'index.html');
    let body = files.get(file);
    if (!body) {
      body = readFileSync(file);
      files.set(file, body);
    }
    const hashed = path.startsWith('/assets/');
    send(req, res, body, TYPES[extname(file)] ?? 'application/octet-stream', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${String(port)}`,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The same Chromium the end-to-end tests use. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = systemChromium();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: QUIET_CHROMIUM_ARGS });
}

/** A mid-range phone on a poor connection: 4× CPU slowdown and DevTools' "fast 3G". */
export const THROTTLING = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
} as const;

export async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLING.latencyMs,
    downloadThroughput: THROTTLING.downloadBitsPerSecond / 8,
    uploadThroughput: THROTTLING.uploadBitsPerSecond / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
  return cdp;
}

/** Counts the requests a page makes and the bytes they take on the wire (headers and compressed bodies). */
export function countTraffic(cdp: CDPSession): () => { requests: number; transferredBytes: number } {
  let requests = 0;
  let transferredBytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    requests += 1;
    transferredBytes += event.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', () => {
    requests += 1;
  });
  return () => ({ requests, transferredBytes });
}

const SHOWN_KEY = '__benchShownAt';

/**
 * Installed before the page's scripts: records `performance.now()` (ms since navigation start)
 * in `window[key]` the first time an element matching `selector` is in the DOM and
 * rendered visible. Only added subtrees are searched, so the watch costs the page next to
 * nothing however much it renders (searching the whole document on every mutation cost the app
 * over 100 ms of a throttled CPU, and the floor almost none); a match not yet visible is then
 * checked every frame.
 */
export async function watchForShown(page: Page, selector: string, key = SHOWN_KEY): Promise<void> {
  // A string, not a function: tsx's name-keeping helpers would not exist in the page.
  await page.addInitScript(`(() => {
    const selector = ${JSON.stringify(selector)};
    const key = ${JSON.stringify(key)};
    let found;
    function visible(element) {
      return element.isConnected && element.checkVisibility() && element.getBoundingClientRect().height > 0;
    }
    function record() {
      if (window[key] !== undefined) return;
      // Replaced by a later render: the one in the document now.
      if (!found.isConnected) found = document.querySelector(selector) ?? found;
      if (visible(found)) window[key] = performance.now();
      else requestAnimationFrame(record);
    }
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (node.nodeType !== 1) continue;
          const match = node.matches(selector) ? node : node.querySelector(selector);
          if (!match) continue;
          found = match;
          observer.disconnect();
          record();
          return;
        }
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`);
}

/** How long the largest contentful paint must stay the same before it is taken as final. */
const LCP_SETTLED_MS = 1_500;

/** Waits for the watched element (watchForShown with the same key) and says when it showed. */
export async function readShown(page: Page, key = SHOWN_KEY): Promise<number> {
  await page.waitForFunction((name) => (window as unknown as Record<string, number | undefined>)[name] !== undefined, key, { timeout: 60_000 });
  return page.evaluate((name) => (window as unknown as Record<string, number>)[name] ?? Number.NaN, key);
}

/**
 * The page's largest contentful paint, once no larger paint has come for LCP_SETTLED_MS. Read
 * as soon as the data showed, it missed the page's largest text when that was painted with the
 * watched element (an entry comes a frame or more after its paint): a loader's line was taken
 * for the page's LCP.
 */
export async function readSettledLcp(page: Page): Promise<number> {
  return page.evaluate(
    (settledMs) =>
      new Promise<number>((resolveLcp) => {
        let last = Number.NaN;
        let quiet = setTimeout(() => resolveLcp(last), settledMs);
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          last = entries[entries.length - 1]?.startTime ?? last;
          clearTimeout(quiet);
          quiet = setTimeout(() => resolveLcp(last), settledMs);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
    LCP_SETTLED_MS,
  );
}

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** What a suite hands back: figures to print and to keep in results.json. */
export interface SuiteResult {
  /** One line each, for the terminal. */
  summary: string[];
  /** Anything JSON: medians, ratios, raw per-run values. */
  figures: Record<string, unknown>;
}

export interface SuiteContext {
  browser: Browser;
  runs: number;
  log: (line: string) => void;
}

export interface Suite {
  name: string;
  description: string;
  run(context: SuiteContext): Promise<SuiteResult>;
}
