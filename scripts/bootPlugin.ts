import { resolve } from 'node:path';
import { normalizePath, type Plugin, type Rollup } from 'vite';
import type { PageChunks } from '../src/boot/early.ts';
import { BOOT_PAGES, PAGE_CHUNKS_ELEMENT_ID } from '../src/boot/pages.ts';

const ENTRY = 'src/boot/boot.ts';

/** The chunks (and their CSS) a page's module needs beyond what the entry already loads. */
export function pageChunksOf(bundle: Rollup.OutputBundle, root: string, base: string): PageChunks {
  const chunks = Object.values(bundle).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const closure = (start: Rollup.OutputChunk) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
    };
    visit(start.fileName);
    return seen;
  };
  const cssOf = (files: Iterable<string>) => [...files].flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])]);
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('The build has no entry chunk');
  const loaded = closure(entry);
  const loadedCss = new Set(cssOf(loaded));

  const result: PageChunks = {};
  for (const page of BOOT_PAGES) {
    const id = normalizePath(resolve(root, page.module));
    const chunk = chunks.find((candidate) => candidate.facadeModuleId !== null && normalizePath(candidate.facadeModuleId) === id);
    if (!chunk) throw new Error(`src/boot/pages.ts names ${page.module} for ${page.path}, but the build has no chunk for it: is the route table loading another module?`);
    const files = [...closure(chunk)].filter((file) => !loaded.has(file));
    result[page.path] = {
      scripts: files.map((file) => `${base}${file}`),
      styles: [...new Set(cssOf(files))].filter((file) => !loadedCss.has(file)).map((file) => `${base}${file}`),
    };
  }
  return result;
}

/** The boot module's chunk: it must import nothing but the bundler's runtime, or it would wait for more. */
function bootChunkOf(bundle: Rollup.OutputBundle, root: string): Rollup.OutputChunk {
  const id = normalizePath(resolve(root, ENTRY));
  const chunk = Object.values(bundle).find((item): item is Rollup.OutputChunk => item.type === 'chunk' && item.moduleIds.map(normalizePath).includes(id));
  if (!chunk) throw new Error(`The build has no chunk holding ${ENTRY}: does main.tsx still import it?`);
  if (chunk.isEntry || chunk.moduleIds.some((module) => /[\\/]src[\\/]main\.tsx$/.test(module))) {
    throw new Error(`${ENTRY} shares a chunk with main.tsx: vite.config.ts's "boot" group must hold it and what it imports`);
  }
  const waitsFor = chunk.imports.filter((file) => !file.includes('rolldown-runtime'));
  if (waitsFor.length > 0) {
    throw new Error(`The boot chunk imports ${waitsFor.join(', ')}: add the modules they hold to vite.config.ts's "boot" group, so it runs on its own`);
  }
  return chunk;
}

function bootTags(base: string, src: string, pageChunks: PageChunks): string {
  // A data block, not a script the browser runs: no policy hash needed. `<` escaped so no text can close it.
  const data = JSON.stringify(pageChunks).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${PAGE_CHUNKS_ELEMENT_ID}">${data}</script>\n    <script type="module" async crossorigin src="${base}${src}"></script>\n    `;
}

/**
 * Puts the boot module (src/boot/boot.ts) in index.html as an async module script of its own,
 * ahead of the entry, with each page's chunks as a data block: a deep link starts its page's
 * code and its data while the main bundle downloads. main.tsx imports the same module, so its
 * code is downloaded once.
 */
export function bootPlugin(): Plugin {
  let root = process.cwd();
  let base = '/';

  /** Before the entry's module script (or the end of head): the boot module's download starts first. */
  const insert = (html: string, tags: string) => {
    const at = html.search(/<script type="module"/);
    if (at >= 0) return html.slice(0, at) + tags + html.slice(at);
    return html.replace('</head>', `${tags}</head>`);
  };

  return {
    name: 'token-admin:boot',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) {
          const devChunks: PageChunks = Object.fromEntries(BOOT_PAGES.map((page) => [page.path, { scripts: [`${base}${page.module}`], styles: [] }]));
          return insert(html, bootTags(base, ENTRY, devChunks));
        }
        return insert(html, bootTags(base, bootChunkOf(context.bundle, root).fileName, pageChunksOf(context.bundle, root, base)));
      },
    },
  };
}
