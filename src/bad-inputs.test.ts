import { describe, expect, it } from 'vitest';
import { BAD_INPUTS, IGNORED, type BadInput } from '../test/bad-inputs.ts';

/** The list's item count by where, for the log. */
function countsByWhere(items: readonly BadInput[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.where, (counts.get(item.where) ?? 0) + 1);
  return counts;
}

describe('bad inputs (test/bad-inputs.ts)', () => {
  it('are at least 40, counted by where', () => {
    const lines = [...countsByWhere(BAD_INPUTS)].map(([where, count]) => `  ${String(count).padStart(3)}  ${where}`);
    console.log(`${BAD_INPUTS.length} bad inputs:\n${lines.join('\n')}`);
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
  });

  // Each by its where and input, so a failure names what was given ($label would be cut at 40 characters).
  it.each(BAD_INPUTS.map((item) => [item.where, item.label, item] as const))('%s: %s', (_where, _label, item) => {
    const answer = item.check();
    if (item.expect === IGNORED) {
      expect(answer, 'a bad URL parameter must not be used').toBeUndefined();
    } else if (typeof item.expect === 'string') {
      expect(answer, 'the input was taken without a word').toBeDefined();
      expect(answer).toBe(item.expect);
    } else {
      expect(answer, 'the input was taken without a word').toBeDefined();
      expect(answer).toMatch(item.expect);
    }
  });
});
