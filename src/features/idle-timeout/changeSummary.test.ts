import { describe, expect, it } from 'vitest';
import type { IdleTokenTimeout } from '../../api/tokens.ts';
import { describeChanges, describeEffects, groupList, shortTimeout } from './changeSummary.ts';

const NAMES: Record<string, string> = { g1: 'Supervisors', g2: 'Night Shift', g3: 'Billing Team' };
const nameOf = (id: string) => NAMES[id] ?? id;

const BEFORE: IdleTokenTimeout = {
  enableIdleTokenTimeout: true,
  idleTokenTimeoutSeconds: 1800,
  inactivityTimeoutUnit: 'Minutes',
  inactivityTimeoutGroupsEnabled: true,
  inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 7200, inactivityTimeoutUnit: 'Hours', groups: ['g1'] }],
};

describe('the change summary', () => {
  it('lists each changed field as old → new', () => {
    const after: IdleTokenTimeout = {
      ...BEFORE,
      idleTokenTimeoutSeconds: 2700,
      inactivityTimeoutGroupBundles: [
        { priority: 1, timeoutSeconds: 3600, inactivityTimeoutUnit: 'Hours', groups: ['g1', 'g2'] },
        { priority: 2, timeoutSeconds: 600, inactivityTimeoutUnit: 'Minutes', groups: ['g3'] },
      ],
    };
    expect(describeChanges(BEFORE, after, nameOf)).toEqual([
      'Timeout: 30 minutes → 45 minutes',
      'Priority 1 timeout: 2 hours → 1 hour',
      'Priority 1 groups: Supervisors → Supervisors and Night Shift',
      'Priority 2: added, 10 minutes for Billing Team',
    ]);
    expect(describeChanges(BEFORE, BEFORE, nameOf)).toEqual([]);
  });

  it('says what switching off means', () => {
    const off = { ...BEFORE, enableIdleTokenTimeout: false, inactivityTimeoutGroupsEnabled: false };
    expect(describeChanges(BEFORE, off, nameOf)).toEqual(['Idle timeout: on → off', 'Per-group timeouts: on → off']);
    expect(describeEffects(BEFORE, off, nameOf)[0]).toMatch(/no longer idle out/);
  });

  it('says what the settings mean for people while on', () => {
    expect(describeEffects(BEFORE, BEFORE, nameOf)).toEqual([
      'Idle people are signed out after 30 minutes without activity: their token stops working.',
      'Members of Supervisors (priority 1): after 2 hours instead.',
      'On-queue agents whose token idles out go off queue.',
      'Browser sign-ins get no refresh tokens while the idle timeout is on.',
    ]);
  });

  it('finds a timeout under ten minutes that applies', () => {
    expect(shortTimeout(BEFORE)).toBeUndefined();
    expect(shortTimeout({ ...BEFORE, idleTokenTimeoutSeconds: 300 })).toBe(300);
    expect(shortTimeout({ ...BEFORE, idleTokenTimeoutSeconds: 300, enableIdleTokenTimeout: false })).toBeUndefined();
    expect(shortTimeout({ ...BEFORE, inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 540, groups: ['g1'] }] })).toBe(540);
  });

  it('joins group names in words', () => {
    expect(groupList(['g1'], nameOf)).toBe('Supervisors');
    expect(groupList(['g1', 'g2', 'g3'], nameOf)).toBe('Supervisors, Night Shift and Billing Team');
  });
});
