/**
 * The boot module: the first of the app's code to run on a visit. index.html loads it from the
 * app's origin as an async module of its own (no inline script: the policy's script-src stays
 * 'self'), so it runs as soon as its few kilobytes arrive and starts the visit's reads while
 * the rest of the bundle downloads. main.tsx imports the same module, and adopts what it started.
 */
import { startEarly, type BootStart, type PageChunks } from './early.ts';
import { paintFirstLook } from './firstLook.ts';
import { PAGE_CHUNKS_ELEMENT_ID } from './pages.ts';

function readPageChunks(): PageChunks {
  try {
    return JSON.parse(document.getElementById(PAGE_CHUNKS_ELEMENT_ID)?.textContent ?? '{}') as PageChunks;
  } catch {
    return {};
  }
}

function start(): BootStart | undefined {
  try {
    return startEarly({
      location: window.location,
      storage: sessionStorage,
      fetch: window.fetch.bind(window),
      basePath: import.meta.env.BASE_URL,
      pageChunks: readPageChunks(),
      preload: (href, as) => {
        const link = document.createElement('link');
        link.rel = as === 'script' ? 'modulepreload' : 'preload';
        if (as === 'style') link.as = 'style';
        link.crossOrigin = '';
        link.href = href;
        document.head.append(link);
      },
    });
  } catch {
    // Storage refused (a locked-down browser): the app asks for itself, as it would without this.
    return undefined;
  }
}

/**
 * What the boot started, for main.tsx's one app. Started as this module is evaluated, which is
 * the point of it; each early answer can be taken only once (EarlyReads), whoever reads this.
 */
export const bootHandoff: BootStart | undefined = start();

// The page's heading with its data, drawn while the rest downloads (a slow connection's first
// second or more); never once main.tsx has begun to render (stopFirstLook).
void bootHandoff?.look.then((look) => look && paintFirstLook(document, look, Date.now()));
