// zod/mini, as config/ uses: the full build would more than double this page's download.
import * as z from 'zod/mini';
import type { IdleTimeoutGroupBundle, IdleTokenTimeout, TimeoutUnit } from '../../api/tokens.ts';
import { MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, fromSeconds, rangeMessage, toSeconds } from '../../api/timeoutDuration.ts';

/** At most this many group bundles, with priorities 1 to this. */
export const MAX_BUNDLES = 5;

/** One group bundle as the form holds it; its priority is its place in the list (first = 1). */
export interface BundleValues {
  /** Stable across moves, for React keys. */
  key: string;
  /** What the number input holds: a number, or '' when empty. */
  timeout: number | string;
  unit: TimeoutUnit;
  /** Group ids. */
  groups: string[];
}

export interface IdleTimeoutValues {
  enabled: boolean;
  timeout: number | string;
  unit: TimeoutUnit;
  groupsEnabled: boolean;
  bundles: BundleValues[];
}

let nextKey = 0;
export const newBundleKey = () => `bundle-${String(++nextKey)}`;

/** Settings from Genesys as form values: bundles in priority order, values in an exact unit. */
export function toFormValues(settings: IdleTokenTimeout): IdleTimeoutValues {
  const org = fromSeconds(settings.idleTokenTimeoutSeconds ?? 1800, settings.inactivityTimeoutUnit);
  const bundles = [...(settings.inactivityTimeoutGroupBundles ?? [])].sort((a, b) => a.priority - b.priority);
  return {
    enabled: settings.enableIdleTokenTimeout ?? false,
    timeout: org.value,
    unit: org.unit,
    groupsEnabled: settings.inactivityTimeoutGroupsEnabled ?? false,
    bundles: bundles.map((bundle) => {
      const shown = fromSeconds(bundle.timeoutSeconds, bundle.inactivityTimeoutUnit);
      return { key: newBundleKey(), timeout: shown.value, unit: shown.unit, groups: [...bundle.groups] };
    }),
  };
}

/** Form values as the whole object the PUT sends; priorities follow the list's order. */
export function toSettings(values: IdleTimeoutValues): Required<IdleTokenTimeout> {
  return {
    enableIdleTokenTimeout: values.enabled,
    idleTokenTimeoutSeconds: toSeconds(values.timeout, values.unit),
    inactivityTimeoutUnit: values.unit,
    inactivityTimeoutGroupsEnabled: values.groupsEnabled,
    inactivityTimeoutGroupBundles: values.bundles.map((bundle, index) => ({
      priority: index + 1,
      timeoutSeconds: toSeconds(bundle.timeout, bundle.unit),
      inactivityTimeoutUnit: bundle.unit,
      groups: [...bundle.groups],
    })),
  };
}

/** The same settings, whatever order or numbering the bundles' priorities use. */
export function sameSettings(a: IdleTokenTimeout, b: IdleTokenTimeout): boolean {
  const canonical = (s: IdleTokenTimeout) => JSON.stringify(toSettings(toFormValues(s)), (key, value: unknown) => (key === 'key' ? undefined : value));
  return canonical(a) === canonical(b);
}

/** A whole number of seconds in the documented range. */
export const timeoutSecondsSchema = z.int().check(z.minimum(MIN_TIMEOUT_SECONDS), z.maximum(MAX_TIMEOUT_SECONDS));

/** A timeout typed in a unit: a whole number of that unit inside the range, else the range in that unit. */
function checkTimeout(value: number | string, unit: TimeoutUnit, ctx: z.core.$RefinementCtx, path: PropertyKey[]) {
  const number = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isInteger(number) || !timeoutSecondsSchema.safeParse(toSeconds(number, unit)).success) {
    ctx.addIssue({ code: 'custom', path, message: rangeMessage(unit) });
  }
}

/**
 * Problems across bundles, by form path: at most five, priorities unique, each group in one
 * bundle only, every bundle with a group. Works on what the PUT sends, so it also checks
 * priorities the form's order cannot get wrong.
 */
export function bundleProblems(bundles: readonly IdleTimeoutGroupBundle[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (bundles.length > MAX_BUNDLES) problems.push({ path: 'bundles', message: `At most ${MAX_BUNDLES} group bundles` });
  const priorities = new Map<number, number>();
  const owners = new Map<string, number>();
  bundles.forEach((bundle, index) => {
    if (!Number.isInteger(bundle.priority) || bundle.priority < 1 || bundle.priority > MAX_BUNDLES) {
      problems.push({ path: `bundles.${index}.priority`, message: `Priority must be 1 to ${MAX_BUNDLES}` });
    } else if (priorities.has(bundle.priority)) {
      problems.push({ path: `bundles.${index}.priority`, message: `Priority ${bundle.priority} is already used by another bundle` });
    } else {
      priorities.set(bundle.priority, index);
    }
    if (bundle.groups.length === 0) problems.push({ path: `bundles.${index}.groups`, message: 'Pick at least one group' });
    const taken = bundle.groups.filter((group) => owners.has(group) && owners.get(group) !== index);
    if (taken.length > 0) {
      const other = owners.get(taken[0] ?? '') ?? 0;
      problems.push({ path: `bundles.${index}.groups`, message: `A group may be in one bundle only; already in priority ${other + 1}` });
    }
    for (const group of bundle.groups) if (!owners.has(group)) owners.set(group, index);
  });
  return problems;
}

const bundleSchema = z.object({
  key: z.string(),
  timeout: z.union([z.number(), z.string()]),
  unit: z.enum(['Minutes', 'Hours']),
  groups: z.array(z.string()),
});

/** The form's schema: every message names what to do, by the field it concerns. */
export const idleTimeoutSchema = z
  .object({
    enabled: z.boolean(),
    timeout: z.union([z.number(), z.string()]),
    unit: z.enum(['Minutes', 'Hours']),
    groupsEnabled: z.boolean(),
    bundles: z.array(bundleSchema),
  })
  .check(
    z.superRefine((values, ctx) => {
      checkTimeout(values.timeout, values.unit, ctx, ['timeout']);
      values.bundles.forEach((bundle, index) => checkTimeout(bundle.timeout, bundle.unit, ctx, ['bundles', index, 'timeout']));
      for (const problem of bundleProblems(toSettings(values).inactivityTimeoutGroupBundles)) {
        ctx.addIssue({ code: 'custom', path: problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message: problem.message });
      }
    }),
  );

/**
 * A new unit for a typed value: the value is converted when the new unit shows it as a whole
 * number (120 minutes → 2 hours), else kept as typed for the admin to correct.
 */
export function changeUnit<T extends { timeout: number | string; unit: TimeoutUnit }>(values: T, unit: TimeoutUnit): T {
  const converted = toSeconds(values.timeout, values.unit) / toSeconds(1, unit);
  return { ...values, unit, timeout: Number.isInteger(converted) && converted > 0 ? converted : values.timeout };
}
