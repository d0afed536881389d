import type { Context } from 'hono';
import { Hono } from 'hono';
import { requirePermission } from './auth.ts';
import type { Env } from './env.ts';
import { badRequest, notFound, readJson } from './errors.ts';
import { entityListing, expandSet, parseSearchRequest, runSearch } from './search.ts';
import type { UserRecord } from './model.ts';
import type { Store } from './store.ts';
import { invalid, pageParams } from './validation.ts';

export const USER_SEARCH_FIELDS = ['name', 'email', 'username', 'id', 'department', 'title', 'state'] as const;

const iso = (ms: number) => new Date(ms).toISOString();

export const AVATAR_RESOLUTIONS = ['x96', 'x200'] as const;
export type AvatarResolution = (typeof AVATAR_RESOLUTIONS)[number];

/** The origin of this request (scheme, host, port), for absolute URLs. */
export const requestOrigin = (c: Context<Env>): string => new URL(c.req.url).origin;

/** Where the emulator serves a user's profile picture (an SVG avatar) at one resolution. */
export function avatarPath(userId: string, resolution: AvatarResolution): string {
  return `/avatars/${userId}/${resolution}.svg`;
}

/**
 * The Genesys User shape; extra fields only when expanded (keys lower-cased). `origin` is the
 * request's, for the absolute image URLs (Genesys serves them from another host).
 */
export function userJson(store: Store, user: UserRecord, expand: ReadonlySet<string>, origin: string): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: user.id,
    name: user.name,
    division: user.division,
    department: user.department,
    email: user.email,
    primaryContactInfo: [{ address: user.email, mediaType: 'EMAIL', type: 'PRIMARY' }],
    addresses: [],
    state: user.state,
    title: user.title,
    username: user.username,
    version: user.version,
    acdAutoAnswer: false,
    selfUri: `/api/v2/users/${user.id}`,
  };
  // Like Genesys, users with a profile picture list its images whatever the expand.
  if (user.hasPicture) {
    json.images = AVATAR_RESOLUTIONS.map((resolution) => ({ resolution, imageUri: `${origin}${avatarPath(user.id, resolution)}` }));
  }
  if (expand.has('datelastlogin') && user.dateLastLogin !== undefined) json.dateLastLogin = iso(user.dateLastLogin);
  if (expand.has('lasttokenissued') && user.lastTokenIssued !== undefined) {
    json.lastTokenIssued = { dateIssued: iso(user.lastTokenIssued) };
  }
  if (expand.has('groups')) {
    json.groups = store.groupIdsOf(user.id).flatMap((id) => {
      const group = store.groups.get(id);
      return group ? [{ id: group.id, name: group.name, selfUri: `/api/v2/groups/${group.id}` }] : [];
    });
  }
  if (expand.has('organization')) json.organization = { id: store.org.id, name: store.org.name };
  return json;
}

export function userFieldText(user: UserRecord, field: string): string {
  switch (field) {
    case 'name':
      return user.name;
    case 'email':
      return user.email;
    case 'username':
      return user.username;
    case 'id':
      return user.id;
    case 'department':
      return user.department;
    case 'title':
      return user.title;
    case 'state':
      return user.state;
    default:
      return '';
  }
}

export function byName(a: UserRecord, b: UserRecord): number {
  return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}

export function usersRoutes(store: Store): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/me', (c) => {
    const { user, permissions } = c.get('auth');
    if (!user) {
      return badRequest(c, 'This request requires a user context. Client credentials cannot be used for requests to this resource.');
    }
    const expand = expandSet(c.req.queries('expand'));
    const json = userJson(store, user, expand, requestOrigin(c));
    if (expand.has('authorization')) {
      json.authorization = { roles: [], unusedRoles: [], permissions: [...permissions], permissionPolicies: [] };
    }
    return c.json(json);
  });

  app.post('/search', async (c) => {
    const denied = requirePermission(c, 'directory:user:view');
    if (denied) return denied;
    const body = await readJson(c, { requireJsonType: true });
    if (!body.ok) return body.response;
    const parsed = parseSearchRequest(body.value, USER_SEARCH_FIELDS);
    if (!parsed.ok) return invalid(c, parsed);
    const request = parsed.value;
    const candidates = [...store.users.values()].filter((u) => u.state !== 'deleted');
    const { total, pageCount, page } = runSearch(candidates, request, userFieldText);
    const expand = expandSet(request.expand);
    return c.json({
      total,
      pageCount,
      pageSize: request.pageSize,
      pageNumber: request.pageNumber,
      // The real service leaves `results` out when nothing matched.
      ...(page.length > 0 ? { results: page.map((u) => userJson(store, u, expand, requestOrigin(c))) } : {}),
      types: ['users'],
    });
  });

  app.get('/:userId', (c) => {
    const denied = requirePermission(c, 'directory:user:view');
    if (denied) return denied;
    const id = c.req.param('userId');
    const user = store.users.get(id);
    if (!user || user.state === 'deleted') return notFound(c, `User ${id} was not found.`);
    return c.json(userJson(store, user, expandSet(c.req.queries('expand')), requestOrigin(c)));
  });

  app.get('/', (c) => {
    const denied = requirePermission(c, 'directory:user:view');
    if (denied) return denied;
    const page = pageParams(c, { maxPageSize: 500 });
    if (page instanceof Response) return page;
    const ids = (c.req.queries('id') ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    const state = c.req.query('state') ?? (ids.length > 0 ? 'any' : 'active');
    if (!['active', 'inactive', 'deleted', 'any'].includes(state)) {
      return badRequest(c, 'state must be one of active, inactive, deleted, any.', [{ errorCode: 'invalid.value', fieldName: 'state' }]);
    }
    const wanted = new Set(ids);
    const all = [...store.users.values()]
      .filter((u) => wanted.size === 0 || wanted.has(u.id))
      .filter((u) => (state === 'any' ? u.state !== 'deleted' : u.state === state))
      .sort(byName);
    const expand = expandSet(c.req.queries('expand'));
    const origin = requestOrigin(c);
    return c.json(entityListing(all, page, (u) => userJson(store, u, expand, origin)));
  });

  return app;
}
