import type { IdleTimeoutGroupBundle, IdleTokenTimeout } from './tokens.ts';
import { formatDuration as formatSeconds } from './timeoutDuration.ts';

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

/** A rule in words: what happens to the person, and each step of why. */
export function explainRule(rule: Rule, nameOf: (id: string) => string): { headline: string; reasons: string[] } {
  const names = (ids: readonly string[]) => ids.map(nameOf).join(', ');
  if (rule.kind === 'off') {
    return { headline: 'No idle timeout: tokens last until they expire.', reasons: ['The idle timeout is off for the whole organisation.'] };
  }
  const after = formatSeconds(rule.seconds);
  if (rule.kind === 'organisation') {
    return {
      headline: `Signed out after ${after} without activity: the organisation's timeout.`,
      reasons: [rule.groupsEnabled ? 'None of their groups is in a group bundle.' : 'Per-group timeouts are off, so group bundles do not apply.'],
    };
  }
  const reasons = rule.matching.map((bundle) => `Priority ${bundle.priority} (${formatSeconds(bundle.timeoutSeconds)}) holds ${names(bundle.groups)}.`);
  if (rule.matching.length > 1) reasons.push(`Priority ${rule.winner.priority} wins: the lowest priority number applies.`);
  return { headline: `Signed out after ${after} without activity: group bundle priority ${rule.winner.priority}.`, reasons };
}
