import { describe, expect, it } from 'vitest';
import { idleTimeoutLook } from './look.ts';

const lead = (settings: Parameters<typeof idleTimeoutLook>[0]) => idleTimeoutLook(settings).lead.map((part) => (typeof part === 'string' ? part : '<time>')).join('');

describe("the idle timeout page's heading", () => {
  it('says what applies now: off, on for everyone, or on with groups of their own', () => {
    expect(lead({ enableIdleTokenTimeout: false, idleTokenTimeoutSeconds: 1800 })).toBe('Off: an unused token keeps working until it expires.');
    expect(lead({ enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 5400, inactivityTimeoutGroupsEnabled: false })).toBe(
      'On: a token unused for 1 hour 30 minutes stops working, for everyone in the organisation.',
    );
    const bundles = [
      { priority: 1, timeoutSeconds: 600, groups: ['a', 'b'] },
      { priority: 2, timeoutSeconds: 7200, groups: ['b', 'c'] },
    ];
    expect(lead({ enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 1800, inactivityTimeoutGroupsEnabled: true, inactivityTimeoutGroupBundles: bundles })).toBe(
      'On: a token unused for 30 minutes stops working, except for members of 3 groups with a timeout of their own.',
    );
    // Bundles kept while per-group timeouts are off apply to nobody.
    expect(lead({ enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 1800, inactivityTimeoutGroupsEnabled: false, inactivityTimeoutGroupBundles: bundles })).toContain('for everyone');
  });
});
