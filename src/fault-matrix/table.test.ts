import { describe, expect, it } from 'vitest';
import { CELLS, COLUMNS, PARTS, ROWS, tableText } from '../../test/faultMatrix.ts';

describe('the fault matrix', () => {
  it('is one cell per call and fault, and every call is in exactly one part', () => {
    const known = CELLS.filter((cell) => cell.knownBug).length;
    console.log(`fault matrix: ${CELLS.length} cells (${ROWS.length} calls × ${COLUMNS.length} faults), ${known} known failures`);
    if (process.env.FAULT_MATRIX_TABLE === '1') console.log(tableText());
    expect(CELLS).toHaveLength(ROWS.length * COLUMNS.length);
    const inParts: string[] = Object.values(PARTS).flat();
    expect([...inParts].sort()).toEqual(ROWS.map((row) => row.name).sort());
  });
});
