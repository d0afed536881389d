import type { IdleTimeoutGroupBundle, IdleTokenTimeout } from '../../api/tokens.ts';
import { SHORT_TIMEOUT_SECONDS, formatDuration } from '../../api/timeoutDuration.ts';

const onOff = (value: boolean | undefined) => (value ? 'on' : 'off');

function sortedBundles(settings: IdleTokenTimeout): IdleTimeoutGroupBundle[] {
  return [...(settings.inactivityTimeoutGroupBundles ?? [])].sort((a, b) => a.priority - b.priority);
}

/** Group names in words: "Supervisors and Night Shift". */
export function groupList(ids: readonly string[], nameOf: (id: string) => string): string {
  const names = ids.map(nameOf);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** Each field that changed, in words: "Timeout: 30 minutes → 45 minutes". */
export function describeChanges(before: IdleTokenTimeout, after: IdleTokenTimeout, nameOf: (id: string) => string): string[] {
  const changes: string[] = [];
  if (Boolean(before.enableIdleTokenTimeout) !== Boolean(after.enableIdleTokenTimeout)) {
    changes.push(`Idle timeout: ${onOff(before.enableIdleTokenTimeout)} → ${onOff(after.enableIdleTokenTimeout)}`);
  }
  if (before.idleTokenTimeoutSeconds !== after.idleTokenTimeoutSeconds) {
    changes.push(`Timeout: ${formatDuration(before.idleTokenTimeoutSeconds ?? Number.NaN)} → ${formatDuration(after.idleTokenTimeoutSeconds ?? Number.NaN)}`);
  }
  if ((before.inactivityTimeoutUnit ?? 'Minutes') !== (after.inactivityTimeoutUnit ?? 'Minutes')) {
    changes.push(`Unit shown: ${before.inactivityTimeoutUnit ?? 'Minutes'} → ${after.inactivityTimeoutUnit ?? 'Minutes'}`);
  }
  if (Boolean(before.inactivityTimeoutGroupsEnabled) !== Boolean(after.inactivityTimeoutGroupsEnabled)) {
    changes.push(`Per-group timeouts: ${onOff(before.inactivityTimeoutGroupsEnabled)} → ${onOff(after.inactivityTimeoutGroupsEnabled)}`);
  }
  const old = sortedBundles(before);
  const next = sortedBundles(after);
  const describe = (bundle: IdleTimeoutGroupBundle) => `${formatDuration(bundle.timeoutSeconds)} for ${groupList(bundle.groups, nameOf) || 'no group'}`;
  for (let index = 0; index < Math.max(old.length, next.length); index++) {
    const a = old[index];
    const b = next[index];
    const label = `Priority ${index + 1}`;
    if (!a && b) changes.push(`${label}: added, ${describe(b)}`);
    else if (a && !b) changes.push(`${label}: removed (was ${describe(a)})`);
    else if (a && b) {
      if (a.timeoutSeconds !== b.timeoutSeconds) changes.push(`${label} timeout: ${formatDuration(a.timeoutSeconds)} → ${formatDuration(b.timeoutSeconds)}`);
      if ((a.inactivityTimeoutUnit ?? 'Minutes') !== (b.inactivityTimeoutUnit ?? 'Minutes')) {
        changes.push(`${label} unit shown: ${a.inactivityTimeoutUnit ?? 'Minutes'} → ${b.inactivityTimeoutUnit ?? 'Minutes'}`);
      }
      if (a.groups.join() !== b.groups.join()) changes.push(`${label} groups: ${groupList(a.groups, nameOf) || 'none'} → ${groupList(b.groups, nameOf) || 'none'}`);
    }
  }
  return changes;
}

/** What the saved settings mean for people. */
export function describeEffects(before: IdleTokenTimeout, after: IdleTokenTimeout, nameOf: (id: string) => string): string[] {
  if (!after.enableIdleTokenTimeout) {
    return before.enableIdleTokenTimeout
      ? ['Tokens no longer idle out: idle people stay signed in until their token expires.', 'Browser sign-ins may get refresh tokens again.']
      : ['The idle timeout stays off: nobody is signed out for being idle.'];
  }
  const effects = [`Idle people are signed out after ${formatDuration(after.idleTokenTimeoutSeconds ?? Number.NaN)} without activity: their token stops working.`];
  if (after.inactivityTimeoutGroupsEnabled) {
    for (const bundle of sortedBundles(after)) {
      effects.push(`Members of ${groupList(bundle.groups, nameOf) || 'no group'} (priority ${bundle.priority}): after ${formatDuration(bundle.timeoutSeconds)} instead.`);
    }
  }
  effects.push('On-queue agents whose token idles out go off queue.', 'Browser sign-ins get no refresh tokens while the idle timeout is on.');
  return effects;
}

/** The shortest timeout the settings apply, when it is under ten minutes. */
export function shortTimeout(settings: IdleTokenTimeout): number | undefined {
  if (!settings.enableIdleTokenTimeout) return undefined;
  const applied = [settings.idleTokenTimeoutSeconds ?? Number.POSITIVE_INFINITY];
  if (settings.inactivityTimeoutGroupsEnabled) applied.push(...(settings.inactivityTimeoutGroupBundles ?? []).map((b) => b.timeoutSeconds));
  const shortest = Math.min(...applied);
  return shortest < SHORT_TIMEOUT_SECONDS ? shortest : undefined;
}
