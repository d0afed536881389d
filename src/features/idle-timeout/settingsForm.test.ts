import { describe, expect, it } from 'vitest';
import type { IdleTimeoutGroupBundle, IdleTokenTimeout } from '../../api/tokens.ts';
import * as v from 'valibot';
import { bundleProblems, changeUnit, formProblems, idleTimeoutSchema, isTimeoutSeconds, sameSettings, toFormValues, toSettings, type IdleTimeoutValues } from './settingsForm.ts';

const SEED: IdleTokenTimeout = {
  enableIdleTokenTimeout: true,
  idleTokenTimeoutSeconds: 1800,
  inactivityTimeoutUnit: 'Minutes',
  inactivityTimeoutGroupsEnabled: true,
  inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 7200, inactivityTimeoutUnit: 'Hours', groups: ['g1'] }],
};

/** The form's problems as @mantine/form gets them: through the schema (Standard Schema), by dot path. */
function errors(values: IdleTimeoutValues): Record<string, string> {
  const result = v.safeParse(idleTimeoutSchema, values);
  const fromSchema = Object.fromEntries((result.issues ?? []).map((issue) => [v.getDotPath(issue) ?? '', issue.message]));
  expect(fromSchema).toEqual(formProblems(values));
  return fromSchema;
}

const withTimeout = (timeout: number | string, unit: 'Minutes' | 'Hours' = 'Minutes'): IdleTimeoutValues => ({ ...toFormValues(SEED), timeout, unit });

describe('the form values', () => {
  it('round-trips the stored settings, bundles in priority order', () => {
    const stored: IdleTokenTimeout = {
      ...SEED,
      inactivityTimeoutGroupBundles: [
        { priority: 3, timeoutSeconds: 600, inactivityTimeoutUnit: 'Minutes', groups: ['g2'] },
        { priority: 1, timeoutSeconds: 7200, inactivityTimeoutUnit: 'Hours', groups: ['g1'] },
      ],
    };
    const values = toFormValues(stored);
    expect(values.bundles.map((b) => [b.timeout, b.unit])).toEqual([[2, 'Hours'], [10, 'Minutes']]);
    expect(toSettings(values).inactivityTimeoutGroupBundles.map((b) => [b.priority, b.timeoutSeconds])).toEqual([[1, 7200], [2, 600]]);
    // Renumbered priorities in the same order are the same settings.
    expect(sameSettings(stored, toSettings(values))).toBe(true);
    expect(sameSettings(stored, { ...stored, idleTokenTimeoutSeconds: 2700 })).toBe(false);
  });
});

describe('the schema at its edges', () => {
  it('takes whole seconds from 300 to 28800 only', () => {
    expect(isTimeoutSeconds(299)).toBe(false);
    expect(isTimeoutSeconds(300)).toBe(true);
    expect(isTimeoutSeconds(28800)).toBe(true);
    expect(isTimeoutSeconds(28801)).toBe(false);
    expect(isTimeoutSeconds(300.5)).toBe(false);
  });

  it('takes 5 to 480 whole minutes and names the range otherwise', () => {
    expect(errors(withTimeout(5))).toEqual({});
    expect(errors(withTimeout(480))).toEqual({});
    expect(errors(withTimeout(4))).toEqual({ timeout: 'Enter 5 to 480 minutes' });
    expect(errors(withTimeout(481))).toEqual({ timeout: 'Enter 5 to 480 minutes' });
    // 299 and 28801 seconds are not whole minutes.
    expect(errors(withTimeout(299 / 60))).toEqual({ timeout: 'Enter 5 to 480 minutes' });
    expect(errors(withTimeout(28801 / 60))).toEqual({ timeout: 'Enter 5 to 480 minutes' });
    // A fraction inside the range is not told the range it is in.
    expect(errors(withTimeout(7.5))).toEqual({ timeout: 'Enter 5 to 480 whole minutes' });
  });

  it('takes 1 to 8 whole hours in hours', () => {
    expect(errors(withTimeout(8, 'Hours'))).toEqual({});
    expect(errors(withTimeout(9, 'Hours'))).toEqual({ timeout: 'Enter 1 to 8 hours' });
    expect(errors(withTimeout(1.5, 'Hours'))).toEqual({ timeout: 'Enter 1 to 8 whole hours, or choose minutes and enter 90' });
    expect(errors(withTimeout('1,5', 'Hours'))).toEqual({ timeout: 'Enter 1 to 8 whole hours, or choose minutes and enter 90' });
    expect(errors(withTimeout(8.5, 'Hours'))).toEqual({ timeout: 'Enter 1 to 8 hours' });
  });

  it('refuses an empty value, and one not written in digits: 0x10 is not 16 minutes', () => {
    expect(errors(withTimeout(''))).toEqual({ timeout: 'Enter 5 to 480 minutes' });
    expect(errors(withTimeout(' 45 '))).toEqual({});
    for (const typed of ['abc', '0x10', '1e1', '+30', '30.0', '３０', '30 min']) {
      expect(errors(withTimeout(typed))).toEqual({ timeout: 'Enter 5 to 480 minutes, in digits only' });
    }
  });

  it('checks each bundle’s timeout by the same limits', () => {
    const values = toFormValues(SEED);
    values.bundles = values.bundles.map((bundle) => ({ ...bundle, timeout: 10, unit: 'Hours' }));
    expect(errors(values)).toEqual({ 'bundles.0.timeout': 'Enter 1 to 8 hours' });
  });
});

describe('the bundle rules', () => {
  const bundle = (priority: number, groups: string[]): IdleTimeoutGroupBundle => ({ priority, timeoutSeconds: 600, groups });

  it('accepts up to five bundles with unique priorities and groups', () => {
    expect(bundleProblems([1, 2, 3, 4, 5].map((p) => bundle(p, [`g${p}`])))).toEqual([]);
  });

  it('refuses a sixth bundle', () => {
    expect(bundleProblems([1, 2, 3, 4, 5, 5].map((p, i) => bundle(p, [`g${i}`])))).toContainEqual({ path: 'bundles', message: 'At most 5 group bundles: remove one' });
    // The sixth's priority 6 is not a problem of its own: the list says what to do.
    expect(bundleProblems([1, 2, 3, 4, 5, 6, 7].map((p) => bundle(p, [`g${p}`])))).toEqual([{ path: 'bundles', message: 'At most 5 group bundles: remove 2' }]);
  });

  it('refuses a priority used twice or outside 1 to 5', () => {
    expect(bundleProblems([bundle(1, ['a']), bundle(1, ['b'])])).toEqual([{ path: 'bundles.1.priority', message: 'Priority 1 is already used by another bundle' }]);
    expect(bundleProblems([bundle(6, ['a'])])).toEqual([{ path: 'bundles.0.priority', message: 'Priority must be 1 to 5' }]);
  });

  it('refuses a group in two bundles, and a bundle without groups', () => {
    expect(bundleProblems([bundle(1, ['a', 'b']), bundle(2, ['b'])])).toEqual([
      { path: 'bundles.1.groups', message: 'A group may be in one bundle only; already in priority 1' },
    ]);
    expect(bundleProblems([bundle(1, [])])).toEqual([{ path: 'bundles.0.groups', message: 'Pick at least one group' }]);
  });

  it('names the other bundle by its priority, whatever its place in the list', () => {
    expect(bundleProblems([bundle(3, ['a']), bundle(1, ['a'])])).toEqual([
      { path: 'bundles.1.groups', message: 'A group may be in one bundle only; already in priority 3' },
    ]);
  });

  it('puts the bundle rules on the form’s fields', () => {
    const values = toFormValues(SEED);
    values.bundles.push({ key: 'k', timeout: 15, unit: 'Minutes', groups: ['g1'] });
    expect(errors(values)).toEqual({ 'bundles.1.groups': 'A group may be in one bundle only; already in priority 1' });
  });
});

describe('changing the unit', () => {
  it('converts a value the new unit shows whole, and keeps any other as typed', () => {
    expect(changeUnit({ timeout: 120, unit: 'Minutes' as const }, 'Hours')).toEqual({ timeout: 2, unit: 'Hours' });
    expect(changeUnit({ timeout: 2, unit: 'Hours' as const }, 'Minutes')).toEqual({ timeout: 120, unit: 'Minutes' });
    expect(changeUnit({ timeout: 90, unit: 'Minutes' as const }, 'Hours')).toEqual({ timeout: 90, unit: 'Hours' });
    expect(changeUnit({ timeout: '', unit: 'Minutes' as const }, 'Hours')).toEqual({ timeout: '', unit: 'Hours' });
  });
});
