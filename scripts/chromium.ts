/**
 * Which Chromium the end-to-end tests and the benchmark drive: CHROMIUM_PATH if set, else
 * `chromium` or `chromium-browser` on the PATH (Debian's package), else undefined, meaning
 * Playwright's own browser if one is installed.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Looks a command up on the PATH, as `which` does; undefined when it is not there. */
export function onPath(name: string, pathVar = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return undefined;
}

export interface ChromiumLookup {
  env: Readonly<Record<string, string | undefined>>;
  which: (name: string) => string | undefined;
}

export const defaultLookup: ChromiumLookup = { env: process.env, which: (name) => onPath(name) };

/** The system Chromium to launch, or undefined to let Playwright use its own. */
export function systemChromium(lookup: ChromiumLookup = defaultLookup): string | undefined {
  const fromEnv = lookup.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    const found = lookup.which(name);
    if (found) return found;
  }
  return undefined;
}

/** Flags that keep Chromium from calling home during tests and measurements. */
export const QUIET_CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
