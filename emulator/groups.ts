import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { requirePermission } from './auth.ts';
import type { Env } from './env.ts';
import { notFound, readJson } from './errors.ts';
import { entityListing, expandSet, parseSearchRequest, runSearch } from './search.ts';
import type { GroupRecord, UserRecord } from './model.ts';
import type { Store } from './store.ts';
import { invalid, pageParams } from './validation.ts';
import { byName, requestOrigin, userJson } from './users.ts';

export const GROUP_SEARCH_FIELDS = ['name', 'id', 'description'] as const;

function members(store: Store, group: GroupRecord): UserRecord[] {
  return group.memberIds
    .map((id) => store.users.get(id))
    .filter((u): u is UserRecord => u !== undefined && u.state !== 'deleted');
}

export function groupJson(store: Store, group: GroupRecord): Record<string, unknown> {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    dateModified: new Date(group.dateModified).toISOString(),
    memberCount: members(store, group).length,
    state: 'active',
    version: group.version,
    type: 'official',
    rulesVisible: true,
    visibility: 'public',
    selfUri: `/api/v2/groups/${group.id}`,
  };
}

function groupFieldText(group: GroupRecord, field: string): string {
  if (field === 'name') return group.name;
  if (field === 'id') return group.id;
  if (field === 'description') return group.description;
  return '';
}

export function groupsRoutes(store: Store): Hono<Env> {
  const app = new Hono<Env>();

  const needsGroupView: MiddlewareHandler<Env> = async (c, next) => {
    const denied = requirePermission(c, 'directory:group:view');
    if (denied) return denied;
    await next();
    return undefined;
  };
  app.use('*', needsGroupView);

  app.post('/search', async (c) => {
    const body = await readJson(c, { requireJsonType: true });
    if (!body.ok) return body.response;
    const parsed = parseSearchRequest(body.value, GROUP_SEARCH_FIELDS);
    if (!parsed.ok) return invalid(c, parsed);
    const request = parsed.value;
    const { total, pageCount, page } = runSearch([...store.groups.values()], request, groupFieldText);
    return c.json({
      total,
      pageCount,
      pageSize: request.pageSize,
      pageNumber: request.pageNumber,
      ...(page.length > 0 ? { results: page.map((g) => groupJson(store, g)) } : {}),
      types: ['groups'],
    });
  });

  app.get('/:groupId', (c) => {
    const id = c.req.param('groupId');
    const group = store.groups.get(id);
    if (!group) return notFound(c, `Group ${id} was not found.`);
    return c.json(groupJson(store, group));
  });

  app.get('/:groupId/members', (c) => {
    const id = c.req.param('groupId');
    const group = store.groups.get(id);
    if (!group) return notFound(c, `Group ${id} was not found.`);
    const page = pageParams(c, { maxPageSize: 100 });
    if (page instanceof Response) return page;
    const all = members(store, group).sort(byName);
    const expand = expandSet(c.req.queries('expand'));
    const origin = requestOrigin(c);
    return c.json(entityListing(all, page, (u) => userJson(store, u, expand, origin)));
  });

  return app;
}
