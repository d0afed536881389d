import { Hono } from 'hono';
import { requirePermission } from './auth.ts';
import type { AuthInfo, Env } from './env.ts';
import type { ErrorDetail } from './errors.ts';
import { errorResponse, isRecord, notFound, readJson } from './errors.ts';
import type { Parsed } from './search.ts';
import type { GroupBundle, IdleTokenTimeout, OAuthClientRecord, TimeoutUnit } from './model.ts';
import type { Store } from './store.ts';

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

const UNITS: readonly TimeoutUnit[] = ['Minutes', 'Hours'];

function describeDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${String(seconds / 3600)} hour${seconds === 3600 ? '' : 's'}`;
  return `${String(seconds / 60)} minutes`;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

/**
 * Validates a PUT body against the documented limits. Every field is optional: an absent (or null)
 * one keeps its stored value, and the merged result must be valid too.
 */
export function validateIdleTimeout(body: unknown, store: Store): Parsed<IdleTokenTimeout> {
  if (!isRecord(body)) {
    return { ok: false, message: 'The request body must be a JSON object.', details: [{ errorCode: 'invalid.value', fieldName: 'body' }] };
  }
  const previous = store.idleTimeout;
  const max = store.org.hipaa ? HIPAA_MAX_TIMEOUT_SECONDS : MAX_TIMEOUT_SECONDS;
  const range = `from ${String(MIN_TIMEOUT_SECONDS)} (${describeDuration(MIN_TIMEOUT_SECONDS)}) to ${String(max)} (${describeDuration(max)})${
    store.org.hipaa ? ', the limit for a HIPAA-compliant organization' : ''
  }`;
  const problems: { detail: ErrorDetail; message: string }[] = [];
  const bad = (fieldName: string, message: string, entityId?: string) =>
    problems.push({ detail: { errorCode: 'invalid.value', fieldName, ...(entityId ? { entityId } : {}) }, message });
  const validSeconds = (v: unknown): v is number => isInteger(v) && v >= MIN_TIMEOUT_SECONDS && v <= max;

  const enabled = body.enableIdleTokenTimeout;
  if (!absent(enabled) && typeof enabled !== 'boolean') bad('enableIdleTokenTimeout', 'enableIdleTokenTimeout must be true or false.');

  const seconds = body.idleTokenTimeoutSeconds;
  if (absent(seconds)) {
    // The stored value may be out of range now (e.g. HIPAA switched on outside the API).
    if (!validSeconds(previous.idleTokenTimeoutSeconds)) {
      bad(
        'idleTokenTimeoutSeconds',
        `idleTokenTimeoutSeconds (stored: ${String(previous.idleTokenTimeoutSeconds)}) must be a whole number of seconds ${range}; send a new value.`,
      );
    }
  } else if (!validSeconds(seconds)) {
    bad('idleTokenTimeoutSeconds', `idleTokenTimeoutSeconds must be a whole number of seconds ${range}.`);
  }

  const unit = body.inactivityTimeoutUnit;
  if (!absent(unit) && !UNITS.includes(unit as TimeoutUnit)) bad('inactivityTimeoutUnit', 'inactivityTimeoutUnit must be "Minutes" or "Hours".');

  const groupsEnabled = body.inactivityTimeoutGroupsEnabled;
  if (!absent(groupsEnabled) && typeof groupsEnabled !== 'boolean') {
    bad('inactivityTimeoutGroupsEnabled', 'inactivityTimeoutGroupsEnabled must be true or false.');
  }

  const bundles: GroupBundle[] = [];
  const rawBundles = body.inactivityTimeoutGroupBundles;
  if (absent(rawBundles)) {
    previous.inactivityTimeoutGroupBundles.forEach((b, i) => {
      if (!validSeconds(b.timeoutSeconds)) {
        const at = `inactivityTimeoutGroupBundles[${String(i)}].timeoutSeconds`;
        bad(at, `${at} (stored: ${String(b.timeoutSeconds)}) must be a whole number of seconds ${range}; send the bundles again.`);
      }
    });
  } else if (!Array.isArray(rawBundles)) {
    bad('inactivityTimeoutGroupBundles', 'inactivityTimeoutGroupBundles must be an array.');
  } else {
    if (rawBundles.length > MAX_GROUP_BUNDLES) {
      bad('inactivityTimeoutGroupBundles', `inactivityTimeoutGroupBundles may hold at most ${String(MAX_GROUP_BUNDLES)} group bundles (got ${String(rawBundles.length)}).`);
    }
    const priorities = new Map<number, number>();
    const groupOwner = new Map<string, number>();
    rawBundles.forEach((raw: unknown, i) => {
      const at = `inactivityTimeoutGroupBundles[${String(i)}]`;
      if (!isRecord(raw)) {
        bad(at, `${at} must be an object.`);
        return;
      }
      const { priority, timeoutSeconds, inactivityTimeoutUnit, groups } = raw;
      if (!isInteger(priority) || priority < 1 || priority > MAX_GROUP_BUNDLES) {
        bad(`${at}.priority`, `${at}.priority must be a whole number from 1 to ${String(MAX_GROUP_BUNDLES)}.`);
      } else if (priorities.has(priority)) {
        bad(`${at}.priority`, `${at}.priority ${String(priority)} is already used by inactivityTimeoutGroupBundles[${String(priorities.get(priority))}]; priorities must be unique.`);
      } else {
        priorities.set(priority, i);
      }
      if (!validSeconds(timeoutSeconds)) bad(`${at}.timeoutSeconds`, `${at}.timeoutSeconds must be a whole number of seconds ${range}.`);
      if (!absent(inactivityTimeoutUnit) && !UNITS.includes(inactivityTimeoutUnit as TimeoutUnit)) {
        bad(`${at}.inactivityTimeoutUnit`, `${at}.inactivityTimeoutUnit must be "Minutes" or "Hours".`);
      }
      const groupIds: string[] = [];
      // A bundle without groups applies to nobody, so it is refused rather than stored.
      if (!Array.isArray(groups) || groups.length === 0) {
        bad(`${at}.groups`, `${at}.groups must be a non-empty array of group ids.`);
      } else {
        groups.forEach((g: unknown, j) => {
          const gAt = `${at}.groups[${String(j)}]`;
          if (typeof g !== 'string' || !store.groups.has(g)) {
            bad(gAt, `${gAt} is not an existing group id${typeof g === 'string' ? ` (${g})` : ''}.`, typeof g === 'string' ? g : undefined);
            return;
          }
          const owner = groupOwner.get(g);
          if (owner !== undefined) {
            bad(gAt, `${gAt}: group ${g} is already in inactivityTimeoutGroupBundles[${String(owner)}]; a group may be in only one bundle.`, g);
            return;
          }
          groupOwner.set(g, i);
          groupIds.push(g);
        });
      }
      if (isInteger(priority) && isInteger(timeoutSeconds)) {
        bundles.push({
          priority,
          timeoutSeconds,
          inactivityTimeoutUnit: (inactivityTimeoutUnit as TimeoutUnit | null | undefined) ?? (timeoutSeconds % 3600 === 0 ? 'Hours' : 'Minutes'),
          groups: groupIds,
        });
      }
    });
  }

  if (problems.length > 0) {
    return { ok: false, message: problems.map((p) => p.message).join(' '), details: problems.map((p) => p.detail) };
  }
  return {
    ok: true,
    value: {
      enableIdleTokenTimeout: typeof enabled === 'boolean' ? enabled : previous.enableIdleTokenTimeout,
      idleTokenTimeoutSeconds: isInteger(seconds) ? seconds : previous.idleTokenTimeoutSeconds,
      inactivityTimeoutUnit: (unit as TimeoutUnit | null | undefined) ?? previous.inactivityTimeoutUnit,
      inactivityTimeoutGroupsEnabled: typeof groupsEnabled === 'boolean' ? groupsEnabled : previous.inactivityTimeoutGroupsEnabled,
      inactivityTimeoutGroupBundles: absent(rawBundles) ? structuredClone(previous.inactivityTimeoutGroupBundles) : bundles,
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
    if (!parsed.ok) return errorResponse(c, 400, 'bad.request', parsed.message, { details: parsed.details });
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
