/**
 * `npm run size`: builds the production app into dist/ and prints, per route, the gzip size of
 * the JavaScript and CSS a first visit fetches; exits 1 when a route is over its budget.
 * Sizes are gzip level 9 in KB of 1000 bytes.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { analyse, kb, type Budgets, type Manifest, type Route, type RouteSize } from './sizeReport.ts';

const FIRST_LOAD: Route = { path: '/token', module: 'src/features/token/route.tsx' };
const ROUTES: readonly Route[] = [
  FIRST_LOAD,
  { path: '/settings/idle-timeout', module: 'src/features/idle-timeout/route.tsx' },
  { path: '/users', module: 'src/features/users/searchRoute.tsx' },
  { path: '/users/:userId', module: 'src/features/users/userRoute.tsx' },
  { path: '/activity', module: 'src/features/activity/route.tsx' },
  { path: '/bulk-revoke', module: 'src/features/bulk-revoke/route.tsx' },
  { path: '/bulk-revoke/runs/:runId', module: 'src/features/bulk-revoke/runRoute.tsx' },
];
// Modules loaded on first use get a little more than a page: Mantine's Spotlight and Modal carry a
// ScrollArea with a positioning library (~14 KB) that no code of ours can leave out.
const BUDGETS: Budgets = { firstLoadJs: 170_000, firstLoadCss: 25_000, routeJs: 40_000, lazyJs: 45_000 };

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'dist');

await build({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  build: { manifest: true, outDir, emptyOutDir: true },
});

const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
const gzipSizes = new Map<string, number>();
const sizeOf = (file: string) => {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
    gzipSizes.set(file, size);
  }
  return size;
};

const report = analyse(manifest, sizeOf, { firstLoad: FIRST_LOAD, routes: ROUTES, budgets: BUDGETS });

const pad = (text: string, width: number) => text.padEnd(width);
const describe = (route: RouteSize) => {
  if (route.status === 'not built yet') return `${pad(route.path, 26)} ${route.module} not built yet (skipped)`;
  const budget = route.cssBudget === undefined ? `JS budget ${kb(route.jsBudget)}` : `budgets ${kb(route.jsBudget)} JS, ${kb(route.cssBudget)} CSS`;
  const label = route.kind === 'first load' ? 'first visit' : 'own chunks';
  const line = `${pad(route.path, 26)} ${pad(label, 11)} JS ${kb(route.js).padStart(9)}  CSS ${kb(route.css).padStart(8)}  (${budget})`;
  return route.note ? `${line}\n${' '.repeat(27)}${route.note}` : line;
};

console.log('\nGzip sizes (level 9; 1 KB = 1000 bytes) of what a first visit to each route fetches:\n');
for (const route of report.routes) console.log(describe(route));
console.log(`\n${pad('All JavaScript and CSS', 26)} ${pad('', 11)} JS ${kb(report.total.js).padStart(9)}  CSS ${kb(report.total.css).padStart(8)}\n`);

if (report.overBudget.length > 0) {
  for (const problem of report.overBudget) console.error(`Over budget: ${problem}.`);
  process.exit(1);
}
console.log('Every route is within its budget.');
