import { describe, expect, it } from 'vitest';
import type { IdleTokenTimeout } from './tokens.ts';
import { explainRule, resolveRule, sameRule } from './idleTimeoutRule.ts';

const SETTINGS: IdleTokenTimeout = {
  enableIdleTokenTimeout: true,
  idleTokenTimeoutSeconds: 1800,
  inactivityTimeoutGroupsEnabled: true,
  inactivityTimeoutGroupBundles: [
    { priority: 2, timeoutSeconds: 900, groups: ['night', 'billing'] },
    { priority: 1, timeoutSeconds: 7200, groups: ['supervisors'] },
    { priority: 3, timeoutSeconds: 28800, groups: ['engineering'] },
  ],
};

describe('which timeout applies to a person', () => {
  it('gives someone in several bundles’ groups the bundle with the lowest priority number', () => {
    const rule = resolveRule(SETTINGS, ['billing', 'supervisors', 'sales']);
    expect(rule.kind).toBe('bundle');
    if (rule.kind !== 'bundle') return;
    expect(rule.seconds).toBe(7200);
    expect(rule.winner.priority).toBe(1);
    expect(rule.matching.map((b) => b.priority)).toEqual([1, 2]);
  });

  it('gives someone in no bundle’s group the organisation’s value', () => {
    expect(resolveRule(SETTINGS, ['sales'])).toEqual({ kind: 'organisation', seconds: 1800, groupsEnabled: true, matching: [] });
    expect(resolveRule(SETTINGS, [])).toEqual({ kind: 'organisation', seconds: 1800, groupsEnabled: true, matching: [] });
  });

  it('ignores the bundles while per-group timeouts are off', () => {
    expect(resolveRule({ ...SETTINGS, inactivityTimeoutGroupsEnabled: false }, ['supervisors'])).toEqual({
      kind: 'organisation',
      seconds: 1800,
      groupsEnabled: false,
      matching: [],
    });
  });

  it('says nobody idles out while the timeout is off', () => {
    expect(resolveRule({ ...SETTINGS, enableIdleTokenTimeout: false }, ['supervisors'])).toEqual({ kind: 'off' });
  });

  it('tells rules apart by their timeout and source', () => {
    const now = resolveRule(SETTINGS, ['supervisors']);
    expect(sameRule(now, resolveRule(SETTINGS, ['supervisors']))).toBe(true);
    expect(sameRule(now, resolveRule({ ...SETTINGS, inactivityTimeoutGroupsEnabled: false }, ['supervisors']))).toBe(false);
    expect(sameRule({ kind: 'off' }, resolveRule(SETTINGS, []))).toBe(false);
  });
});

describe('a rule in words', () => {
  const nameOf = (id: string) => ({ supervisors: 'Supervisors', billing: 'Billing Team', night: 'Night Shift' })[id] ?? id;
  it('explains a bundle that wins over another', () => {
    expect(explainRule(resolveRule(SETTINGS, ['billing', 'supervisors']), nameOf)).toEqual({
      headline: 'Signed out after 2 hours without activity: group bundle priority 1.',
      reasons: ['Priority 1 (2 hours) holds Supervisors.', 'Priority 2 (15 minutes) holds Night Shift, Billing Team.', 'Priority 1 wins: the lowest priority number applies.'],
    });
  });

  it('explains the organisation’s value and the timeout being off', () => {
    expect(explainRule(resolveRule(SETTINGS, []), nameOf).headline).toBe("Signed out after 30 minutes without activity: the organisation's timeout.");
    expect(explainRule({ kind: 'off' }, nameOf).headline).toBe('No idle timeout: tokens last until they expire.');
  });
});
