import type { ErrorDetail } from '../../api/http.ts';
import { HIPAA_MAX_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, formatDuration, rangeMessage } from '../../api/timeoutDuration.ts';

/** A refused save as the form shows it: messages by the fields they name, the rest at the top. */
export interface SaveProblems {
  fields: Record<string, string>;
  /** Problems that name no field of the form. */
  general: string[];
}

/** Genesys field names (`inactivityTimeoutGroupBundles[1].timeoutSeconds`) as form paths (`bundles.1.timeout`). */
export function formPathOf(fieldName: string): string | undefined {
  const top: Record<string, string> = {
    idleTokenTimeoutSeconds: 'timeout',
    inactivityTimeoutUnit: 'unit',
    enableIdleTokenTimeout: 'enabled',
    inactivityTimeoutGroupsEnabled: 'groupsEnabled',
  };
  if (top[fieldName]) return top[fieldName];
  const bundle = /^inactivityTimeoutGroupBundles\[(\d+)\]\.(\w+)/.exec(fieldName);
  if (!bundle) return fieldName === 'inactivityTimeoutGroupBundles' ? 'bundles' : undefined;
  const inner: Record<string, string> = { timeoutSeconds: 'timeout', inactivityTimeoutUnit: 'unit', groups: 'groups' };
  const field = inner[bundle[2] ?? ''];
  return field ? `bundles.${bundle[1] ?? ''}.${field}` : undefined;
}

/** The part of Genesys' message about one field, which it joins for all of them. */
function partAbout(message: string, fieldName: string, all: readonly string[]): string {
  const start = message.indexOf(`${fieldName} `);
  if (start < 0) return message;
  const ends = all.map((name) => message.indexOf(`${name} `, start + fieldName.length)).filter((at) => at > start);
  return message.slice(start, ends.length > 0 ? Math.min(...ends) : undefined).trim();
}

const HIPAA_LIMIT = `Your organisation has HIPAA compliance on, which caps every idle timeout at ${formatDuration(HIPAA_MAX_TIMEOUT_SECONDS)}. ${rangeMessage('Minutes', HIPAA_MAX_TIMEOUT_SECONDS)}`;

/**
 * Where each problem of a 400 goes. A refused timeout that is in the documented range can only
 * have met the HIPAA cap: it is said so even when Genesys' message does not name HIPAA.
 */
export function saveProblems(message: string, details: readonly ErrorDetail[], sentSeconds: (path: string) => number | undefined): SaveProblems {
  const names = details.flatMap((d) => (d.fieldName ? [d.fieldName] : []));
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const name of names) {
    const path = formPathOf(name);
    const part = partAbout(message, name, names);
    if (!path || path === 'bundles') {
      general.push(part);
      continue;
    }
    const seconds = path.endsWith('timeout') ? sentSeconds(path) : undefined;
    const hipaa = /hipaa/i.test(part) || (seconds !== undefined && seconds > HIPAA_MAX_TIMEOUT_SECONDS && seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS);
    fields[path] ??= hipaa ? HIPAA_LIMIT : `Genesys Cloud refused this: ${part}`;
  }
  if (names.length === 0) general.push(message);
  return { fields, general };
}
