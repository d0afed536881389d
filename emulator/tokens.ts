import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from './auth.ts';
import type { AuthInfo, Env } from './env.ts';
import { notFound, readJson } from './errors.ts';
import type { GroupBundle, IdleTokenTimeout, OAuthClientRecord, TimeoutUnit } from './model.ts';
import type { Store } from './store.ts';
import type { Parsed } from './validation.ts';
import { bool, describeZodError, intIn, invalid, objectBody } from './validation.ts';

export const MIN_TIMEOUT_SECONDS = 300;
export const MAX_TIMEOUT_SECONDS = 28800;
export const HIPAA_MAX_TIMEOUT_SECONDS = 900;
export const MAX_GROUP_BUNDLES = 5;

export function oauthClientJson(store: Store, client: OAuthClientRecord): Record<string, unknown> {
  return {
    id: client.id,
    name: client.name,
    authorizedGrantType: client.authorizedGrantType,
    dateCreated: client.dateCreated,
    dateModified: client.dateModified,
    createdBy: client.createdBy,
    modifiedBy: client.createdBy,
    scope: client.scope,
    state: 'active',
    organization: { id: store.org.id, name: store.org.name },
  };
}

export function tokenInfoJson(store: Store, auth: AuthInfo): Record<string, unknown> {
  const org = { id: store.org.id, name: store.org.name };
  const deadline = store.idleDeadline(auth.token);
  return {
    organization: org,
    homeOrganization: auth.user?.homeOrg ?? org,
    authorizedScope: [...auth.client.scope],
    ...(auth.user?.clonedUser ? { clonedUser: auth.user.clonedUser } : {}),
    ...(deadline !== null ? { dateTokenIdles: new Date(deadline).toISOString() } : {}),
    OAuthClient: oauthClientJson(store, auth.client),
  };
}

const UNITS = ['Minutes', 'Hours'] as const satisfies readonly TimeoutUnit[];

function describeDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${String(seconds / 3600)} hour${seconds === 3600 ? '' : 's'}`;
  return `${String(seconds / 60)} minutes`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The PUT body's schema for this org's limits and groups. Every field is optional: an absent (or
 * null) one keeps its stored value, and the merged result must be valid too, so a stored value
 * over the current limit (HIPAA switched on since) is reported where the field would be.
 */
function idleTimeoutSchema(store: Store) {
  const previous = store.idleTimeout;
  const max = store.org.hipaa ? HIPAA_MAX_TIMEOUT_SECONDS : MAX_TIMEOUT_SECONDS;
  const range = `from ${String(MIN_TIMEOUT_SECONDS)} (${describeDuration(MIN_TIMEOUT_SECONDS)}) to ${String(max)} (${describeDuration(max)})${
    store.org.hipaa ? ', the limit for a HIPAA-compliant organization' : ''
  }`;
  const seconds = intIn(MIN_TIMEOUT_SECONDS, max, `must be a whole number of seconds ${range}.`);
  const validSeconds = (v: number) => seconds.safeParse(v).success;
  const unit = z.enum(UNITS, { error: 'must be "Minutes" or "Hours".' });

  const bundle = z.object(
    {
      priority: intIn(1, MAX_GROUP_BUNDLES, `must be a whole number from 1 to ${String(MAX_GROUP_BUNDLES)}.`),
      timeoutSeconds: seconds,
      inactivityTimeoutUnit: unit.nullish(),
      // A bundle without groups applies to nobody, so it is refused rather than stored.
      groups: z
        .array(
          z.string({ error: 'is not an existing group id.' }).superRefine((id, ctx) => {
            if (!store.groups.has(id)) ctx.addIssue({ code: 'custom', message: `is not an existing group id (${id}).`, params: { entityId: id } });
          }),
          { error: 'must be a non-empty array of group ids.' },
        )
        .min(1, { error: 'must be a non-empty array of group ids.' }),
    },
    { error: 'must be an object.' },
  );

  const bundles = z.array(bundle, { error: 'must be an array.' });
  return z.object(
    {
      enableIdleTokenTimeout: bool().nullish(),
      idleTokenTimeoutSeconds: seconds.nullish().superRefine((value, ctx) => {
        if (value == null && !validSeconds(previous.idleTokenTimeoutSeconds)) {
          ctx.addIssue({ code: 'custom', message: `(stored: ${String(previous.idleTokenTimeoutSeconds)}) must be a whole number of seconds ${range}; send a new value.` });
        }
      }),
      inactivityTimeoutUnit: unit.nullish(),
      inactivityTimeoutGroupsEnabled: bool().nullish(),
      inactivityTimeoutGroupBundles: bundles.nullish().superRefine((value, ctx) => {
        if (value != null) return;
        previous.inactivityTimeoutGroupBundles.forEach((b, i) => {
          if (validSeconds(b.timeoutSeconds)) return;
          ctx.addIssue({
            code: 'custom',
            path: [i, 'timeoutSeconds'],
            message: `(stored: ${String(b.timeoutSeconds)}) must be a whole number of seconds ${range}; send the bundles again.`,
          });
        });
      }),
    },
    objectBody,
  );
}

/**
 * Rules across bundles: at most five, priorities unique, each group in one bundle only. Zod skips an
 * array's own checks once an item is malformed, so these read the raw body and always run.
 */
function bundleRuleIssues(body: unknown, store: Store): z.core.$ZodIssue[] {
  const raw = isRecord(body) ? body.inactivityTimeoutGroupBundles : undefined;
  if (!Array.isArray(raw)) return [];
  const at = (...path: PropertyKey[]) => ['inactivityTimeoutGroupBundles', ...path];
  const issues: z.core.$ZodIssue[] = [];
  const issue = (path: PropertyKey[], message: string, entityId?: string) =>
    issues.push({ code: 'custom', path, message, input: undefined, ...(entityId === undefined ? {} : { params: { entityId } }) });
  if (raw.length > MAX_GROUP_BUNDLES) issue(at(), `may hold at most ${String(MAX_GROUP_BUNDLES)} group bundles (got ${String(raw.length)}).`);
  const priorities = new Map<number, number>();
  const owners = new Map<string, number>();
  raw.forEach((item: unknown, i) => {
    if (!isRecord(item)) return;
    const { priority, groups } = item;
    if (typeof priority === 'number' && Number.isInteger(priority) && priority >= 1 && priority <= MAX_GROUP_BUNDLES) {
      const first = priorities.get(priority);
      if (first === undefined) priorities.set(priority, i);
      else issue(at(i, 'priority'), `${String(priority)} is already used by inactivityTimeoutGroupBundles[${String(first)}]; priorities must be unique.`);
    }
    if (!Array.isArray(groups)) return;
    groups.forEach((id: unknown, j) => {
      if (typeof id !== 'string' || !store.groups.has(id)) return;
      const owner = owners.get(id);
      if (owner === undefined) owners.set(id, i);
      else issue(at(i, 'groups', j), `(group ${id}) is already in inactivityTimeoutGroupBundles[${String(owner)}]; a group may be in only one bundle.`, id);
    });
  });
  return issues;
}

const FIELDS = ['enableIdleTokenTimeout', 'idleTokenTimeoutSeconds', 'inactivityTimeoutUnit', 'inactivityTimeoutGroupsEnabled', 'inactivityTimeoutGroupBundles'] as const;

/** Validates a PUT body against the documented limits and merges it over the stored settings. */
export function validateIdleTimeout(body: unknown, store: Store): Parsed<IdleTokenTimeout> {
  // Every field present (absent ones as undefined), so the checks of stored values run too.
  const input = isRecord(body) ? { ...Object.fromEntries(FIELDS.map((f) => [f, undefined])), ...body } : body;
  const schema = idleTimeoutSchema(store);
  const result = schema.safeParse(input);
  const issues = [...(result.error?.issues ?? []), ...bundleRuleIssues(body, store)];
  if (!result.success || issues.length > 0) return { ok: false, ...describeZodError(new z.ZodError(issues), schema) };
  const v = result.data;
  const previous = store.idleTimeout;
  return {
    ok: true,
    value: {
      enableIdleTokenTimeout: v.enableIdleTokenTimeout ?? previous.enableIdleTokenTimeout,
      idleTokenTimeoutSeconds: v.idleTokenTimeoutSeconds ?? previous.idleTokenTimeoutSeconds,
      inactivityTimeoutUnit: v.inactivityTimeoutUnit ?? previous.inactivityTimeoutUnit,
      inactivityTimeoutGroupsEnabled: v.inactivityTimeoutGroupsEnabled ?? previous.inactivityTimeoutGroupsEnabled,
      inactivityTimeoutGroupBundles:
        v.inactivityTimeoutGroupBundles?.map((b): GroupBundle => ({
          priority: b.priority,
          timeoutSeconds: b.timeoutSeconds,
          inactivityTimeoutUnit: b.inactivityTimeoutUnit ?? (b.timeoutSeconds % 3600 === 0 ? 'Hours' : 'Minutes'),
          groups: b.groups,
        })) ?? structuredClone(previous.inactivityTimeoutGroupBundles),
    },
  };
}

export function tokensRoutes(store: Store): Hono<Env> {
  const app = new Hono<Env>();

  // HEAD is answered by this handler too (Hono drops the body).
  app.get('/me', (c) => c.json(tokenInfoJson(store, c.get('auth'))));

  app.delete('/me', (c) => {
    store.revokeToken(c.get('auth').token);
    return c.body(null, store.quirks.deleteStatus);
  });

  app.get('/timeout', (c) => c.json(store.idleTimeout));

  app.put('/timeout', async (c) => {
    const denied = requirePermission(c, 'directory:organization:admin');
    if (denied) return denied;
    const body = await readJson(c, { requireJsonType: true });
    if (!body.ok) return body.response;
    const parsed = validateIdleTimeout(body.value, store);
    if (!parsed.ok) return invalid(c, parsed);
    store.setIdleTimeout(parsed.value);
    return c.json(store.idleTimeout);
  });

  app.delete('/:userId', (c) => {
    const denied = requirePermission(c, 'oauth:token:delete');
    if (denied) return denied;
    const id = c.req.param('userId');
    const user = store.users.get(id);
    if (!user || user.state === 'deleted') return notFound(c, `User ${id} was not found.`);
    store.revokeUserTokens(id);
    return c.body(null, store.quirks.deleteStatus);
  });

  return app;
}
