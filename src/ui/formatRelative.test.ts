import { describe, expect, it } from 'vitest';
import { formatRelative } from './formatRelative.ts';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

describe('formatRelative', () => {
  it.each([
    [0, 'now'],
    [45, 'in 45 seconds'],
    [-5, '5 seconds ago'],
    [30 * 60, 'in 30 minutes'],
    [29 * 60 + 59, 'in 29 minutes'],
    [24 * 3600, 'in 24 hours'],
    [47 * 3600, 'in 47 hours'],
    [3 * 86_400, 'in 3 days'],
    [-2 * 3600, '2 hours ago'],
  ])('%i seconds away reads "%s"', (offset, text) => {
    expect(formatRelative(NOW + offset * 1000, NOW)).toBe(text);
  });
});
