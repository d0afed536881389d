import type { IdleTimeoutGroupBundle, IdleTokenTimeout } from '../../api/tokens.ts';

/** Which idle timeout applies to one person, and why. */
export type Rule =
  | { kind: 'off' }
  /** The organisation's value: groups are off, or none of the person's groups is in a bundle. */
  | { kind: 'organisation'; seconds: number; groupsEnabled: boolean; matching: [] }
  /** The bundle with the best (lowest) priority among those holding one of the person's groups. */
  | { kind: 'bundle'; seconds: number; winner: IdleTimeoutGroupBundle; matching: IdleTimeoutGroupBundle[] };

/**
 * A person in groups of several bundles gets the bundle with the lowest priority number (1 wins
 * over 2); a person in no bundle's group, or any person while per-group timeouts are off, gets
 * the organisation's value; nobody idles out while the timeout is off.
 */
export function resolveRule(settings: IdleTokenTimeout, groupIds: readonly string[]): Rule {
  if (!settings.enableIdleTokenTimeout) return { kind: 'off' };
  const seconds = settings.idleTokenTimeoutSeconds ?? Number.NaN;
  const groupsEnabled = settings.inactivityTimeoutGroupsEnabled ?? false;
  const mine = new Set(groupIds);
  const matching = groupsEnabled
    ? (settings.inactivityTimeoutGroupBundles ?? []).filter((bundle) => bundle.groups.some((id) => mine.has(id))).sort((a, b) => a.priority - b.priority)
    : [];
  const [winner] = matching;
  if (!winner) return { kind: 'organisation', seconds, groupsEnabled, matching: [] };
  return { kind: 'bundle', seconds: winner.timeoutSeconds, winner, matching };
}

/** Two rules that give a person the same timeout for the same reason. */
export function sameRule(a: Rule, b: Rule): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'off' || b.kind === 'off') return true;
  if (a.seconds !== b.seconds) return false;
  return a.kind !== 'bundle' || b.kind !== 'bundle' || a.winner.groups.join() === b.winner.groups.join();
}
