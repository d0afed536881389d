// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmulator } from './app.ts';
import type { ErrorBody } from './errors.ts';
import { ADMIN, AGENT, ORG, SCRIPT_CLIENT, SUPERVISOR, TRUSTEE } from './seed.ts';
import { callApi } from './testing.ts';

interface User {
  id: string;
  name: string;
  email: string;
  username: string;
  state: string;
  department: string;
  title: string;
  division: { id: string; name: string; selfUri: string };
  version: number;
  selfUri: string;
  dateLastLogin?: string;
  lastTokenIssued?: { dateIssued: string };
  authorization?: { permissions: string[] };
  organization?: { id: string; name: string };
}
interface SearchResponse {
  total: number;
  pageCount: number;
  pageSize: number;
  pageNumber: number;
  results?: User[];
}
interface EntityListing {
  entities: User[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
}

const setup = () => {
  const emulator = createEmulator();
  const admin = emulator.issueToken(ADMIN.email).access_token;
  return { emulator, admin };
};

const search = (emulator: ReturnType<typeof createEmulator>, token: string, body: unknown) => callApi(emulator, token, 'POST', '/api/v2/users/search', body);

async function errorOf(res: Response, status: number, code: string): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(body.contextId).toBe(res.headers.get('ININ-Correlation-Id'));
  return body;
}

describe('GET /api/v2/users/me', () => {
  it('returns the caller; expand=authorization adds the permissions, expand=organization the org', async () => {
    const { emulator, admin } = setup();
    const plain = (await (await callApi(emulator, admin, 'GET', '/api/v2/users/me')).json()) as User;
    expect(plain).toMatchObject({ id: ADMIN.id, name: ADMIN.name, email: ADMIN.email, username: ADMIN.email, state: 'active', selfUri: `/api/v2/users/${ADMIN.id}` });
    expect(plain.authorization).toBeUndefined();
    expect(plain.dateLastLogin).toBeUndefined();
    const res = await callApi(emulator, admin, 'GET', '/api/v2/users/me?expand=authorization,organization');
    expect(res.status).toBe(200);
    const me = (await res.json()) as User;
    expect(me.authorization?.permissions.sort()).toEqual([...ADMIN.permissions].sort());
    expect(me.organization).toEqual({ id: ORG.id, name: ORG.name });
  });

  it('returns wildcard permissions as granted (trustee) and none for the agent', async () => {
    const { emulator } = setup();
    const trustee = (await (await callApi(emulator, emulator.issueToken(TRUSTEE.email).access_token, 'GET', '/api/v2/users/me?expand=authorization')).json()) as User;
    expect(trustee.id).toBe(TRUSTEE.id);
    expect(trustee.authorization?.permissions).toEqual(['directory:*:*', 'oauth:token:*']);
    const agent = (await (await callApi(emulator, emulator.issueToken(AGENT.email).access_token, 'GET', '/api/v2/users/me?expand=authorization')).json()) as User;
    expect(agent.authorization?.permissions).toEqual(['conversation:call:add']);
  });

  it('400 bad.request for a client-credentials token', async () => {
    const { emulator } = setup();
    const cc = emulator.issueToken('', { clientId: SCRIPT_CLIENT.id }).access_token;
    const body = await errorOf(await callApi(emulator, cc, 'GET', '/api/v2/users/me'), 400, 'bad.request');
    expect(body.message).toBe('This request requires a user context. Client credentials cannot be used for requests to this resource.');
  });
});

describe('GET /api/v2/users/{userId}', () => {
  it('returns the user; expand adds dateLastLogin and lastTokenIssued', async () => {
    const { emulator, admin } = setup();
    const plain = (await (await callApi(emulator, admin, 'GET', `/api/v2/users/${AGENT.id}`)).json()) as User;
    expect(plain).toMatchObject({ id: AGENT.id, email: AGENT.email, state: 'active' });
    expect(plain.division).toMatchObject({ id: expect.any(String) as unknown, name: expect.any(String) as unknown });
    expect(plain.dateLastLogin).toBeUndefined();
    expect(plain.lastTokenIssued).toBeUndefined();
    const res = await callApi(emulator, admin, 'GET', `/api/v2/users/${AGENT.id}?expand=dateLastLogin,lasttokenissued`);
    const expanded = (await res.json()) as User;
    expect(Date.parse(expanded.dateLastLogin ?? '')).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(expanded.lastTokenIssued?.dateIssued ?? '')).toBeLessThanOrEqual(Date.now());
    const repeated = (await (await callApi(emulator, admin, 'GET', `/api/v2/users/${AGENT.id}?expand=dateLastLogin&expand=lastTokenIssued`)).json()) as User;
    expect(repeated.lastTokenIssued).toBeDefined();
  });

  it('signing in updates dateLastLogin and lastTokenIssued', async () => {
    const emulator = createEmulator({ now: () => Date.UTC(2025, 0, 6, 12) });
    emulator.advanceClock(3600);
    emulator.issueToken(AGENT.email);
    const admin = emulator.issueToken(ADMIN.email).access_token;
    const user = (await (await callApi(emulator, admin, 'GET', `/api/v2/users/${AGENT.id}?expand=lasttokenissued,datelastlogin`)).json()) as User;
    expect(user.lastTokenIssued?.dateIssued).toBe(new Date(emulator.store.now()).toISOString());
    expect(user.dateLastLogin).toBe(user.lastTokenIssued?.dateIssued);
  });

  it('404 not.found for an unknown id', async () => {
    const { emulator, admin } = setup();
    await errorOf(await callApi(emulator, admin, 'GET', '/api/v2/users/00000000-0000-4000-8000-000000000000'), 404, 'not.found');
  });

  it('403 missing.permissions without directory:user:view', async () => {
    const { emulator } = setup();
    const body = await errorOf(await callApi(emulator, emulator.issueToken(AGENT.email).access_token, 'GET', `/api/v2/users/${ADMIN.id}`), 403, 'missing.permissions');
    expect(body.message).toContain('[directory:user:view]');
  });
});

describe('GET /api/v2/users', () => {
  it('lists users by id with the entity listing shape', async () => {
    const { emulator, admin } = setup();
    const res = await callApi(emulator, admin, 'GET', `/api/v2/users?id=${ADMIN.id}&id=${AGENT.id}&id=nope`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as EntityListing;
    expect(list).toMatchObject({ pageSize: 25, pageNumber: 1, total: 2, pageCount: 1 });
    expect(list.entities.map((u) => u.id).sort()).toEqual([ADMIN.id, AGENT.id].sort());
  });

  it('pages through active users', async () => {
    const { emulator, admin } = setup();
    const first = (await (await callApi(emulator, admin, 'GET', '/api/v2/users?pageSize=100&pageNumber=1')).json()) as EntityListing;
    const active = [...emulator.store.users.values()].filter((u) => u.state === 'active').length;
    expect(first.total).toBe(active);
    expect(first.pageCount).toBe(Math.ceil(active / 100));
    expect(first.entities).toHaveLength(100);
    const second = (await (await callApi(emulator, admin, 'GET', '/api/v2/users?pageSize=100&pageNumber=2')).json()) as EntityListing;
    expect(second.entities[0]?.id).not.toBe(first.entities[0]?.id);
  });

  it('400 for a bad pageSize, 403 without permission', async () => {
    const { emulator, admin } = setup();
    const body = await errorOf(await callApi(emulator, admin, 'GET', '/api/v2/users?pageSize=0'), 400, 'bad.request');
    expect(body.details).toEqual([{ errorCode: 'invalid.value', fieldName: 'pageSize' }]);
    await errorOf(await callApi(emulator, emulator.issueToken(AGENT.email).access_token, 'GET', '/api/v2/users'), 403, 'missing.permissions');
  });
});

describe('POST /api/v2/users/search', () => {
  it('finds users case-insensitively with the search response shape', async () => {
    const { emulator, admin } = setup();
    const res = await search(emulator, admin, { query: [{ type: 'EXACT', fields: ['email'], value: 'AGENT@example.com' }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as SearchResponse;
    expect(body).toMatchObject({ total: 1, pageCount: 1, pageSize: 25, pageNumber: 1 });
    expect(body.results?.[0]?.id).toBe(AGENT.id);
  });

  it('supports STARTS_WITH, CONTAINS, TERM, QUERY_STRING, MATCH_ALL', async () => {
    const { emulator, admin } = setup();
    const total = async (item: Record<string, unknown>) => ((await (await search(emulator, admin, { query: [item] })).json()) as SearchResponse).total;
    expect(await total({ type: 'STARTS_WITH', fields: ['email'], value: 'super' })).toBe(1);
    expect(await total({ type: 'STARTS_WITH', fields: ['name'], value: 'supervisor' })).toBe(1); // a word of the name
    expect(await total({ type: 'CONTAINS', fields: ['name', 'email'], value: 'ari agent' })).toBe(1);
    expect(await total({ type: 'TERM', fields: ['name'], value: 'sam' })).toBeGreaterThanOrEqual(1);
    expect(await total({ type: 'QUERY_STRING', fields: ['name'], value: 'Avery Admin' })).toBe(1);
    const all = [...emulator.store.users.values()].length;
    expect(await total({ type: 'MATCH_ALL' })).toBe(all);
  });

  it('ANDs query items; an item matches any field with any value', async () => {
    const { emulator, admin } = setup();
    const body = (await (
      await search(emulator, admin, {
        query: [
          { type: 'EXACT', fields: ['email', 'username'], values: [ADMIN.email, AGENT.email, SUPERVISOR.email] },
          { type: 'EXACT', fields: ['department'], value: 'support' },
        ],
      })
    ).json()) as SearchResponse;
    expect(body.results?.map((u) => u.id).sort()).toEqual([AGENT.id, SUPERVISOR.id].sort());
  });

  it('returns inactive users with their state; leaves results out when nothing matches', async () => {
    const { emulator, admin } = setup();
    const inactive = (await (await search(emulator, admin, { query: [{ type: 'EXACT', fields: ['state'], value: 'inactive' }], pageSize: 100 })).json()) as SearchResponse;
    expect(inactive.total).toBeGreaterThan(0);
    expect(inactive.results?.every((u) => u.state === 'inactive')).toBe(true);
    const none = (await (await search(emulator, admin, { query: [{ type: 'EXACT', fields: ['email'], value: 'nobody@nowhere' }] })).json()) as SearchResponse;
    expect(none).toMatchObject({ total: 0, pageCount: 0 });
    expect(none.results).toBeUndefined();
  });

  it('never returns deleted users', async () => {
    const { emulator, admin } = setup();
    const user = emulator.store.users.get(AGENT.id);
    if (user) user.state = 'deleted';
    const body = (await (await search(emulator, admin, { query: [{ type: 'EXACT', fields: ['id'], value: AGENT.id }] })).json()) as SearchResponse;
    expect(body.total).toBe(0);
  });

  it('pages and sorts, and honours expand', async () => {
    const { emulator, admin } = setup();
    const query = [{ type: 'EXACT', fields: ['department'], value: 'Billing' }];
    const asc = (await (await search(emulator, admin, { query, pageSize: 5, pageNumber: 2, sortOrder: 'ASC', sortBy: 'name', expand: ['lastTokenIssued'] })).json()) as SearchResponse;
    expect(asc.pageSize).toBe(5);
    expect(asc.pageNumber).toBe(2);
    expect(asc.results).toHaveLength(5);
    expect(asc.pageCount).toBe(Math.ceil(asc.total / 5));
    const names = asc.results?.map((u) => u.name) ?? [];
    expect([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))).toEqual(names);
    expect(asc.results?.[0]?.lastTokenIssued).toBeDefined();
    const desc = (await (await search(emulator, admin, { query, pageSize: 100, sortOrder: 'DESC' })).json()) as SearchResponse;
    expect(desc.results?.[0]?.name.localeCompare(desc.results.at(-1)?.name ?? '')).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['no query', {}, ['query']],
    ['an empty query', { query: [] }, ['query']],
    ['a bad type', { query: [{ type: 'FUZZY', fields: ['name'], value: 'a' }] }, ['query[0].type']],
    ['an unknown field', { query: [{ type: 'EXACT', fields: ['salary'], value: 'a' }] }, ['query[0].fields[0]']],
    ['no fields', { query: [{ type: 'EXACT', value: 'a' }] }, ['query[0].fields']],
    ['no value', { query: [{ type: 'EXACT', fields: ['name'] }] }, ['query[0].value']],
    ['pageSize over 100', { pageSize: 101, query: [{ type: 'MATCH_ALL' }] }, ['pageSize']],
    ['pageNumber 0', { pageNumber: 0, query: [{ type: 'MATCH_ALL' }] }, ['pageNumber']],
    ['a bad sortOrder', { sortOrder: 'UP', query: [{ type: 'MATCH_ALL' }] }, ['sortOrder']],
  ])('400 with details for %s', async (_name, body, fields) => {
    const { emulator, admin } = setup();
    const error = await errorOf(await search(emulator, admin, body), 400, 'bad.request');
    expect(error.details.map((d) => d.fieldName)).toEqual(fields);
  });

  it('400 for invalid JSON, 403 without directory:user:view', async () => {
    const { emulator, admin } = setup();
    await errorOf(await search(emulator, admin, '{"query":'), 400, 'bad.request');
    await errorOf(await search(emulator, emulator.issueToken(AGENT.email).access_token, { query: [{ type: 'MATCH_ALL' }] }), 403, 'missing.permissions');
  });
});
