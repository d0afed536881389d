// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('.', import.meta.url));

/** The emulator's own modules and what each imports (type-only imports included: they tie files together too). */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(`${dir}${file}`, 'utf8');
    const targets = [...source.matchAll(/from '\.\/([\w-]+\.ts)'/g)].map((m) => m[1] ?? '');
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('emulator modules', () => {
  it('import one another without cycles', () => {
    expect(findCycle(importGraph())).toBeUndefined();
  });

  it('keep the records in model.ts, which imports nothing of the emulator', () => {
    const graph = importGraph();
    expect(graph.get('model.ts')).toEqual([]);
    expect(graph.get('store.ts')).not.toContain('seed.ts');
    expect(graph.get('seed.ts')).not.toContain('store.ts');
  });
});
