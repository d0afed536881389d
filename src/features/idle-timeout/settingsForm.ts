import * as v from 'valibot';
import type { IdleTimeoutGroupBundle, IdleTokenTimeout, TimeoutUnit } from '../../api/tokens.ts';
import { MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, fromSeconds, rangeIn, rangeMessage, toSeconds } from '../../api/timeoutDuration.ts';

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

/** A React key for a bundle, stable across moves; random, so no counter is shared between apps. */
export const newBundleKey = () => `bundle-${crypto.randomUUID()}`;

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
export function isTimeoutSeconds(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS;
}

/** What the field holds, as a number only when it is written in digits: "0x10", "1e1" and "+5" are not minutes. */
export function wholeNumberIn(value: number | string): number {
  if (typeof value === 'number') return value;
  return /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
}

/** A number with a fraction, typed ("1.5", "1,5") or stored (450 seconds shows as 7.5 minutes); else undefined. */
function fractionIn(value: number | string): number | undefined {
  const number = typeof value === 'number' ? value : /^\s*\d+[.,]\d+\s*$/.test(value) ? Number(value.replace(',', '.')) : Number.NaN;
  return Number.isFinite(number) && !Number.isInteger(number) ? number : undefined;
}

/**
 * A fraction inside the range: "Enter 1 to 8 hours" would read as if 1.5 were allowed, so the
 * message asks for whole units and, for hours, gives the same time in minutes.
 */
function fractionProblem(fraction: number, unit: TimeoutUnit): string | undefined {
  const seconds = toSeconds(fraction, unit);
  if (seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS) return undefined;
  const { min, max } = rangeIn(unit);
  const whole = `Enter ${min} to ${max} whole ${unit.toLowerCase()}`;
  return unit === 'Hours' && seconds % 60 === 0 ? `${whole}, or choose minutes and enter ${seconds / 60}` : whole;
}

/** A timeout typed in a unit: a whole number of that unit inside the range, else the range in that unit. */
function timeoutProblem(value: number | string, unit: TimeoutUnit): string | undefined {
  const fraction = fractionIn(value);
  const inRange = fraction === undefined ? undefined : fractionProblem(fraction, unit);
  if (inRange !== undefined) return inRange;
  const number = wholeNumberIn(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isNaN(number)) return `${rangeMessage(unit)}, in digits only`;
  return Number.isInteger(number) && isTimeoutSeconds(toSeconds(number, unit)) ? undefined : rangeMessage(unit);
}

/**
 * Problems across bundles, by form path: at most five, priorities unique, each group in one
 * bundle only, every bundle with a group. Works on what the PUT sends, so it also checks
 * priorities the form's order cannot get wrong.
 */
export function bundleProblems(bundles: readonly IdleTimeoutGroupBundle[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const tooMany = bundles.length - MAX_BUNDLES;
  if (tooMany > 0) problems.push({ path: 'bundles', message: `At most ${MAX_BUNDLES} group bundles: remove ${tooMany === 1 ? 'one' : String(tooMany)}` });
  const priorities = new Map<number, number>();
  const owners = new Map<string, number>();
  bundles.forEach((bundle, index) => {
    if (!Number.isInteger(bundle.priority) || bundle.priority < 1 || bundle.priority > MAX_BUNDLES) {
      // The sixth bundle's priority 6 is the count's problem, said once for the list.
      const countsProblem = tooMany > 0 && bundle.priority > MAX_BUNDLES && Number.isInteger(bundle.priority);
      if (!countsProblem) problems.push({ path: `bundles.${index}.priority`, message: `Priority must be 1 to ${MAX_BUNDLES}` });
    } else if (priorities.has(bundle.priority)) {
      problems.push({ path: `bundles.${index}.priority`, message: `Priority ${bundle.priority} is already used by another bundle` });
    } else {
      priorities.set(bundle.priority, index);
    }
    if (bundle.groups.length === 0) problems.push({ path: `bundles.${index}.groups`, message: 'Pick at least one group' });
    const taken = bundle.groups.filter((group) => owners.has(group) && owners.get(group) !== index);
    if (taken.length > 0) {
      const other = owners.get(taken[0] ?? '') ?? 0;
      // Named by its priority, not its place: settings from elsewhere need not be numbered in order.
      const otherPriority = bundles[other]?.priority ?? other + 1;
      problems.push({ path: `bundles.${index}.groups`, message: `A group may be in one bundle only; already in priority ${otherPriority}` });
    }
    for (const group of bundle.groups) if (!owners.has(group)) owners.set(group, index);
  });
  return problems;
}

/** Every problem of the form, by path ("timeout", "bundles.1.groups"): every message names what to do. */
export function formProblems(values: IdleTimeoutValues): Record<string, string> {
  const problems: Record<string, string> = {};
  const org = timeoutProblem(values.timeout, values.unit);
  if (org) problems.timeout = org;
  values.bundles.forEach((bundle, index) => {
    const problem = timeoutProblem(bundle.timeout, bundle.unit);
    if (problem) problems[`bundles.${index}.timeout`] = problem;
  });
  for (const problem of bundleProblems(toSettings(values).inactivityTimeoutGroupBundles)) problems[problem.path] ??= problem.message;
  return problems;
}

const timeoutValue = v.union([v.number(), v.string()]);
const unitValue = v.picklist(['Minutes', 'Hours']);

/** The form's schema, for @mantine/form through Standard Schema: the shape, then formProblems by path. */
export const idleTimeoutSchema = v.pipe(
  v.object({
    enabled: v.boolean(),
    timeout: timeoutValue,
    unit: unitValue,
    groupsEnabled: v.boolean(),
    bundles: v.array(v.object({ key: v.string(), timeout: timeoutValue, unit: unitValue, groups: v.array(v.string()) })),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const [path, message] of Object.entries(formProblems(dataset.value))) {
      let input: unknown = dataset.value;
      const items = path.split('.').map((part) => {
        const key = /^\d+$/.test(part) ? Number(part) : part;
        const parent = input;
        input = (parent as Record<string | number, unknown>)[key];
        return typeof key === 'number'
          ? ({ type: 'array', origin: 'value', input: parent as unknown[], key, value: input } as const)
          : ({ type: 'object', origin: 'value', input: parent as Record<string, unknown>, key, value: input } as const);
      });
      addIssue({ message, path: items as [v.IssuePathItem, ...v.IssuePathItem[]] });
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
