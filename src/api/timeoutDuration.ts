import type { TimeoutUnit } from './tokens.ts';

/** The documented range of every idle timeout, organisation-wide or per group. */
export const MIN_TIMEOUT_SECONDS = 300;
export const MAX_TIMEOUT_SECONDS = 28_800;
/** Organisations with HIPAA compliance on may not go above this. */
export const HIPAA_MAX_TIMEOUT_SECONDS = 900;
/** Below this a timeout signs admins out as quickly as anyone: saving it asks first. */
export const SHORT_TIMEOUT_SECONDS = 600;

export const UNITS: readonly TimeoutUnit[] = ['Minutes', 'Hours'];

const SECONDS_PER: Record<TimeoutUnit, number> = { Minutes: 60, Hours: 3600 };

/** A number in a unit as Genesys stores it: seconds. Never rounded; NaN for no number. */
export function toSeconds(value: number | string, unit: TimeoutUnit): number {
  const number = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  return number * SECONDS_PER[unit];
}

/**
 * Stored seconds in the stored unit when that unit shows them as a whole number, else in
 * minutes, even when that is a fraction: the value is shown as stored, never rounded.
 */
export function fromSeconds(seconds: number, unit: TimeoutUnit | undefined): { value: number; unit: TimeoutUnit } {
  if (unit === 'Hours' && seconds % SECONDS_PER.Hours === 0) return { value: seconds / SECONDS_PER.Hours, unit: 'Hours' };
  return { value: seconds / SECONDS_PER.Minutes, unit: 'Minutes' };
}

/** The allowed range in a unit: minutes take 5 to 480; hours, whole hours from 1 to 8. */
export function rangeIn(unit: TimeoutUnit, maxSeconds = MAX_TIMEOUT_SECONDS): { min: number; max: number } {
  const per = SECONDS_PER[unit];
  return { min: Math.ceil(MIN_TIMEOUT_SECONDS / per), max: Math.floor(maxSeconds / per) };
}

/** "Enter 5 to 480 minutes": what a timeout field asks for in its unit. */
export function rangeMessage(unit: TimeoutUnit, maxSeconds = MAX_TIMEOUT_SECONDS): string {
  const { min, max } = rangeIn(unit, maxSeconds);
  return `Enter ${min} to ${max} ${unit.toLowerCase()}`;
}

/** "45 minutes", "2 hours", "1 hour 30 minutes", "5.5 minutes": exact, in words. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'no valid value';
  const hours = Math.floor(seconds / 3600);
  const minutes = (seconds - hours * 3600) / 60;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (hours === 0) return plural(minutes, 'minute');
  if (minutes === 0) return plural(hours, 'hour');
  return `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`;
}
