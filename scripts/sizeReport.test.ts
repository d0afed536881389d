// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyse, staticClosure, type Manifest } from './sizeReport.ts';

/**
 * index.html imports react and shared and lazily loads the token and users routes; both routes
 * import shared; the users route also imports table (with its own CSS) and lazily loads csv.
 */
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_react.js', '_shared.js'],
    dynamicImports: ['src/features/token/route.tsx', 'src/features/users/searchRoute.tsx'],
    css: ['assets/index.css'],
  },
  '_react.js': { file: 'assets/react.js' },
  '_shared.js': { file: 'assets/shared.js', imports: ['_react.js'], css: ['assets/shared.css'] },
  'src/features/token/route.tsx': {
    file: 'assets/token.js',
    src: 'src/features/token/route.tsx',
    isDynamicEntry: true,
    imports: ['_shared.js', '_copy.js'],
    css: ['assets/token.css'],
  },
  '_copy.js': { file: 'assets/copy.js', imports: ['_react.js'] },
  'src/features/users/searchRoute.tsx': {
    file: 'assets/search.js',
    src: 'src/features/users/searchRoute.tsx',
    isDynamicEntry: true,
    imports: ['_shared.js', '_table.js', '_copy.js'],
    dynamicImports: ['src/features/users/csv.ts'],
  },
  '_table.js': { file: 'assets/table.js', imports: ['_react.js'], css: ['assets/table.css'] },
  'src/features/users/csv.ts': { file: 'assets/csv.js', src: 'src/features/users/csv.ts', isDynamicEntry: true },
};

const sizes: Record<string, number> = {
  'assets/index.js': 1_000,
  'assets/react.js': 50_000,
  'assets/shared.js': 20_000,
  'assets/token.js': 3_000,
  'assets/copy.js': 700,
  'assets/search.js': 4_000,
  'assets/table.js': 9_000,
  'assets/csv.js': 30_000,
  'assets/index.css': 100,
  'assets/shared.css': 2_000,
  'assets/token.css': 300,
  'assets/table.css': 800,
};
const sizeOf = (file: string) => {
  const size = sizes[file];
  if (size === undefined) throw new Error(`no size for ${file}`);
  return size;
};

const budgets = { firstLoadJs: 170_000, firstLoadCss: 25_000, routeJs: 40_000 };
const token = { path: '/token', module: 'src/features/token/route.tsx' };
const routes = [
  token,
  { path: '/users', module: 'src/features/users/searchRoute.tsx' },
  { path: '/activity', module: 'src/features/activity/route.tsx' },
];

describe('staticClosure', () => {
  it('follows static imports transitively, each chunk once, and not dynamic imports', () => {
    expect([...staticClosure(manifest, ['index.html'])].sort()).toEqual(['_react.js', '_shared.js', 'index.html']);
  });

  it('ends on chunks that import each other', () => {
    const cyclic: Manifest = { a: { file: 'a.js', imports: ['b'] }, b: { file: 'b.js', imports: ['a'] } };
    expect([...staticClosure(cyclic, ['a'])].sort()).toEqual(['a', 'b']);
  });
});

describe('analyse', () => {
  const report = analyse(manifest, sizeOf, { firstLoad: token, routes, budgets });
  const route = (path: string) => report.routes.find((r) => r.path === path);

  it('counts the first load as the entry and the first route with their static imports, shared chunks once', () => {
    // index 1000 + react 50000 + shared 20000 (imported three times) + token 3000 + copy 700; not search, table or csv.
    expect(route('/token')).toMatchObject({ kind: 'first load', status: 'measured', js: 74_700 });
    expect(route('/token')?.jsFiles).toEqual(['assets/copy.js', 'assets/index.js', 'assets/react.js', 'assets/shared.js', 'assets/token.js']);
  });

  it('counts the CSS of every chunk the first load imports', () => {
    expect(route('/token')?.css).toBe(100 + 2_000 + 300);
  });

  it('counts for another route only what the first load has not fetched, with its CSS', () => {
    // search 4000 + table 9000; shared, react and copy are already loaded; csv is loaded later, on demand.
    expect(route('/users')).toMatchObject({ kind: 'own', status: 'measured', js: 13_000, css: 800 });
  });

  it('reports a listed route whose module is not built yet and skips it', () => {
    expect(route('/activity')).toMatchObject({ status: 'not built yet', js: 0 });
  });

  it('reports lazy modules under src/features/ that no route lists by what they add to the route that loads them', () => {
    expect(route('(lazy) src/features/users/csv.ts')).toMatchObject({ js: 30_000, jsBudget: 40_000, note: 'beyond what /users has loaded' });
    const own = analyse(manifest, sizeOf, { firstLoad: token, routes, budgets: { ...budgets, lazyJs: 45_000 } });
    expect(own.routes.find((r) => r.path === '(lazy) src/features/users/csv.ts')?.jsBudget).toBe(45_000);
  });

  it('does not count again what the loading route already fetched', () => {
    const withTable: Manifest = { ...manifest, 'src/features/users/csv.ts': { ...manifest['src/features/users/csv.ts'], file: 'assets/csv.js', imports: ['_table.js'] } };
    const lazy = analyse(withTable, sizeOf, { firstLoad: token, routes, budgets }).routes.find((r) => r.path === '(lazy) src/features/users/csv.ts');
    expect(lazy?.js).toBe(30_000);
  });

  it('totals every JavaScript and CSS file once', () => {
    expect(report.total).toEqual({ js: 1_000 + 50_000 + 20_000 + 3_000 + 700 + 4_000 + 9_000 + 30_000, css: 100 + 2_000 + 300 + 800 });
  });

  it('is within budget here', () => {
    expect(report.overBudget).toEqual([]);
  });

  it('names the route, its size and its budget when over', () => {
    const tight = analyse(manifest, sizeOf, { firstLoad: token, routes, budgets: { firstLoadJs: 70_000, firstLoadCss: 2_000, routeJs: 12_000 } });
    expect(tight.overBudget).toEqual([
      '/token: first load JavaScript is 74.7 KB gzip, over its budget of 70.0 KB',
      '/token: first load CSS is 2.4 KB gzip, over its budget of 2.0 KB',
      '/users: own JavaScript is 13.0 KB gzip, over its budget of 12.0 KB',
      '(lazy) src/features/users/csv.ts: own JavaScript is 30.0 KB gzip, over its budget of 12.0 KB',
    ]);
  });

  it('measures the entry alone for the first-load route while its lazy module is not built', () => {
    const withoutToken = Object.fromEntries(Object.entries(manifest).filter(([key]) => key !== 'src/features/token/route.tsx'));
    const entry = withoutToken['index.html'];
    if (!entry) throw new Error('no entry');
    const early = analyse({ ...withoutToken, 'index.html': { ...entry, dynamicImports: [] } }, sizeOf, { firstLoad: token, routes, budgets });
    expect(early.routes[0]).toMatchObject({ path: '/token', status: 'measured', js: 71_000, css: 2_100 });
    expect(early.routes[0]?.note).toContain('not built yet');
    // copy.js is not in the first load any more, so /users now pays for it.
    expect(early.routes.find((r) => r.path === '/users')?.js).toBe(13_700);
  });
});
