/**
 * What a first visit to each route downloads, from Vite's build manifest: pure functions over
 * the manifest and the files' gzip sizes, so the closure rules are tested on a hand-made manifest.
 */

/** One entry of `dist/.vite/manifest.json`. */
export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

export interface Route {
  path: string;
  /** The route's lazily loaded module, relative to the project root. */
  module: string;
}

export interface Budgets {
  /** Gzip bytes of JavaScript a first visit to the first-load route may fetch. */
  firstLoadJs: number;
  firstLoadCss: number;
  /** Gzip bytes of JavaScript any other route may add on top of the first load. */
  routeJs: number;
  /** Gzip bytes a module loaded on first use (a file drop, the quick search) may add to what loads it; routeJs when not set. */
  lazyJs?: number;
}

export interface RouteSize {
  path: string;
  module: string;
  /** "first load": entry plus route; "own": what the route adds to the first load. */
  kind: 'first load' | 'own';
  status: 'measured' | 'not built yet';
  js: number;
  css: number;
  jsBudget: number;
  cssBudget?: number;
  jsFiles: string[];
  cssFiles: string[];
  note?: string;
}

export interface SizeReport {
  routes: RouteSize[];
  total: { js: number; css: number };
  overBudget: string[];
}

/** Manifest keys of `roots` and of every chunk they import statically, transitively; dynamic imports are not followed. */
export function staticClosure(manifest: Manifest, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const key = stack.pop();
    if (key === undefined || seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no entry ${key}.`);
    seen.add(key);
    stack.push(...(chunk.imports ?? []));
  }
  return seen;
}

/** The JavaScript and CSS files of some chunks, each file once. */
export function filesOf(manifest: Manifest, keys: Iterable<string>): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk) continue;
    if (chunk.file.endsWith('.js')) js.add(chunk.file);
    else if (chunk.file.endsWith('.css')) css.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
  }
  return { js, css };
}

/** Finds the manifest key of a source module (keys are project-relative source paths). */
function keyOf(manifest: Manifest, module: string): string | undefined {
  if (manifest[module]) return module;
  return Object.keys(manifest).find((key) => manifest[key]?.src === module);
}

function sum(files: Iterable<string>, sizeOf: (file: string) => number): number {
  let total = 0;
  for (const file of files) total += sizeOf(file);
  return total;
}

/**
 * Per-route sizes. `firstLoad` is the route people land on (its chunk is loaded together with the
 * entry); every other listed route, and any other lazy module under `featuresDir`, is measured by
 * what it adds to that first load.
 */
export function analyse(
  manifest: Manifest,
  sizeOf: (file: string) => number,
  options: { firstLoad: Route; routes: readonly Route[]; budgets: Budgets; featuresDir?: string },
): SizeReport {
  const { firstLoad, budgets } = options;
  const featuresDir = options.featuresDir ?? 'src/features/';
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error('The manifest has no entry chunk (index.html).');

  const routes: RouteSize[] = [];
  const firstKey = keyOf(manifest, firstLoad.module);
  const firstClosure = staticClosure(manifest, firstKey === undefined ? entries : [...entries, firstKey]);
  const first = filesOf(manifest, firstClosure);
  routes.push({
    path: firstLoad.path,
    module: firstLoad.module,
    kind: 'first load',
    status: 'measured',
    js: sum(first.js, sizeOf),
    css: sum(first.css, sizeOf),
    jsBudget: budgets.firstLoadJs,
    cssBudget: budgets.firstLoadCss,
    jsFiles: [...first.js].sort(),
    cssFiles: [...first.css].sort(),
    ...(firstKey === undefined ? { note: `${firstLoad.module} is not built yet: the entry alone` } : {}),
  });

  /** `beyond`: what is already loaded when this is (the first load, and the route that loads a lazy module). */
  const measureOwn = (path: string, module: string, key: string, beyond: ReadonlySet<string> = firstClosure): RouteSize => {
    const own = [...staticClosure(manifest, [key])].filter((k) => !firstClosure.has(k) && !beyond.has(k));
    const files = filesOf(manifest, own);
    // A file the first load already fetched is not fetched again.
    const js = [...files.js].filter((f) => !first.js.has(f)).sort();
    const css = [...files.css].filter((f) => !first.css.has(f)).sort();
    return { path, module, kind: 'own', status: 'measured', js: sum(js, sizeOf), css: sum(css, sizeOf), jsBudget: budgets.routeJs, jsFiles: js, cssFiles: css };
  };

  const listed = new Set<string>([firstLoad.module]);
  for (const route of options.routes) {
    if (route.module === firstLoad.module) continue;
    listed.add(route.module);
    const key = keyOf(manifest, route.module);
    if (key === undefined) {
      routes.push({ path: route.path, module: route.module, kind: 'own', status: 'not built yet', js: 0, css: 0, jsBudget: budgets.routeJs, jsFiles: [], cssFiles: [] });
    } else {
      routes.push(measureOwn(route.path, route.module, key));
    }
  }
  // A lazy module a route loads on use (a file drop, a quick search) is measured by what it adds
  // to that route, the route it is loaded from; one no listed route loads, against the first load.
  const routeClosures = options.routes.flatMap((route) => {
    const key = keyOf(manifest, route.module);
    return key === undefined ? [] : [{ path: route.path, closure: staticClosure(manifest, [key]) }];
  });
  for (const [key, chunk] of Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b))) {
    const src = chunk.src ?? key;
    if (!chunk.isDynamicEntry || !src.startsWith(featuresDir) || listed.has(src)) continue;
    const parent = routeClosures.find(({ closure }) => [...closure].some((k) => manifest[k]?.dynamicImports?.includes(key)));
    const measured = { ...measureOwn(`(lazy) ${src}`, src, key, parent?.closure), jsBudget: budgets.lazyJs ?? budgets.routeJs };
    routes.push(parent ? { ...measured, note: `beyond what ${parent.path} has loaded` } : measured);
  }

  const all = filesOf(manifest, Object.keys(manifest));
  const overBudget: string[] = [];
  for (const route of routes) {
    if (route.status !== 'measured') continue;
    if (route.js > route.jsBudget) overBudget.push(`${route.path}: ${route.kind} JavaScript is ${kb(route.js)} gzip, over its budget of ${kb(route.jsBudget)}`);
    if (route.cssBudget !== undefined && route.css > route.cssBudget) {
      overBudget.push(`${route.path}: ${route.kind} CSS is ${kb(route.css)} gzip, over its budget of ${kb(route.cssBudget)}`);
    }
  }
  return { routes, total: { js: sum(all.js, sizeOf), css: sum(all.css, sizeOf) }, overBudget };
}

/** Kilobytes of 1000 bytes, one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
