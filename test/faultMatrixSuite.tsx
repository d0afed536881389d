import 'fake-indexeddb/auto';
import { beforeEach, describe, it, vi } from 'vitest';
import { CELLS, PARTS, ROWS, runCell, type Part } from './faultMatrix.ts';

/** FAULT_MATRIX_STRICT=1 runs the known failures as plain tests, to see what each one hits. */
const STRICT = process.env.FAULT_MATRIX_STRICT === '1';

/**
 * One part of the matrix (src/fault-matrix/*.test.tsx): every Genesys call of the part against
 * every kind of failure, in-process: the whole app in jsdom against the emulator, one render per
 * cell, on a clock CLOCK_SPEED times faster than real time.
 */
export function describeFaultMatrix(part: Part): void {
  const names: readonly string[] = PARTS[part];
  describe(`the fault matrix: ${part}`, { timeout: 30_000 }, () => {
    // jsdom lays nothing out: the bulk tables' scrolling areas get a size, so their rows are drawn.
    beforeEach(() => {
      vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
      vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
    });

    for (const row of ROWS.filter((candidate) => names.includes(candidate.name))) {
      describe(`${row.name}: ${row.how}`, () => {
        for (const cell of CELLS.filter((c) => c.row === row)) {
          const name = `${cell.column.title}: ${cell.expected}`;
          // A known failure stays in the table, named by its bug, until the app is fixed.
          if (cell.knownBug && !STRICT) it.fails(`${name} [${cell.knownBug}]`, () => runCell(cell));
          else it(name, () => runCell(cell));
        }
      });
    }
  });
}
