import { describe, expect, it } from 'vitest';
import { formatDuration, fromSeconds, rangeMessage, toSeconds } from './timeoutDuration.ts';

describe('seconds and units', () => {
  it('converts a value in a unit to seconds without rounding', () => {
    expect(toSeconds(45, 'Minutes')).toBe(2700);
    expect(toSeconds(2, 'Hours')).toBe(7200);
    expect(toSeconds(4.5, 'Minutes')).toBe(270);
    expect(toSeconds('', 'Minutes')).toBeNaN();
    expect(toSeconds('abc', 'Hours')).toBeNaN();
  });

  it('shows stored seconds in the stored unit when it is exact', () => {
    expect(fromSeconds(7200, 'Hours')).toEqual({ value: 2, unit: 'Hours' });
    expect(fromSeconds(1800, 'Minutes')).toEqual({ value: 30, unit: 'Minutes' });
    expect(fromSeconds(7200, 'Minutes')).toEqual({ value: 120, unit: 'Minutes' });
  });

  it('shows in minutes what hours cannot show exactly, and never rounds', () => {
    expect(fromSeconds(5400, 'Hours')).toEqual({ value: 90, unit: 'Minutes' });
    expect(fromSeconds(330, 'Hours')).toEqual({ value: 5.5, unit: 'Minutes' });
    expect(fromSeconds(301, 'Minutes').value * 60).toBeCloseTo(301, 9);
    expect(fromSeconds(1800, undefined)).toEqual({ value: 30, unit: 'Minutes' });
  });

  it('names the range in the chosen unit', () => {
    expect(rangeMessage('Minutes')).toBe('Enter 5 to 480 minutes');
    expect(rangeMessage('Hours')).toBe('Enter 1 to 8 hours');
    expect(rangeMessage('Minutes', 900)).toBe('Enter 5 to 15 minutes');
  });

  it('says a duration in words, exactly', () => {
    expect(formatDuration(2700)).toBe('45 minutes');
    expect(formatDuration(60)).toBe('1 minute');
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(5400)).toBe('1 hour 30 minutes');
    expect(formatDuration(330)).toBe('5.5 minutes');
    expect(formatDuration(Number.NaN)).toBe('no valid value');
  });
});
