// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmulator } from './app.ts';
import type { ErrorBody } from './errors.ts';
import { ADMIN, AGENT, GROUPS, SUPERVISOR, SUPERVISORS_GROUP_ID } from './seed.ts';
import { callApi } from './testing.ts';

interface Group {
  id: string;
  name: string;
  description: string;
  memberCount: number;
  state: string;
  type: string;
  selfUri: string;
}

const setup = () => {
  const emulator = createEmulator();
  return { emulator, admin: emulator.issueToken(ADMIN.email).access_token, agent: emulator.issueToken(AGENT.email).access_token };
};

async function errorOf(res: Response, status: number, code: string): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body).toMatchObject({ status, code, contextId: res.headers.get('ININ-Correlation-Id') });
  return body;
}

describe('POST /api/v2/groups/search', () => {
  it('finds groups by name with the search response shape', async () => {
    const { emulator, admin } = setup();
    const res = await callApi(emulator, admin, 'POST', '/api/v2/groups/search', { query: [{ type: 'CONTAINS', fields: ['name'], value: 'support' }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; pageCount: number; pageSize: number; pageNumber: number; results: Group[] };
    expect(body).toMatchObject({ total: 2, pageCount: 1, pageSize: 25, pageNumber: 1 });
    expect(body.results.map((g) => g.name)).toEqual(['Tier 1 Support', 'Tier 2 Support']);
    expect(body.results[0]).toMatchObject({ state: 'active', type: 'official', selfUri: `/api/v2/groups/${GROUPS[1]?.id ?? ''}` });
    expect(body.results[0]?.memberCount).toBeGreaterThan(0);
    expect(typeof body.results[0]?.description).toBe('string');
  });

  it('finds by id, lists all with MATCH_ALL, omits results when nothing matches', async () => {
    const { emulator, admin } = setup();
    const byId = (await (await callApi(emulator, admin, 'POST', '/api/v2/groups/search', { query: [{ type: 'EXACT', fields: ['id'], values: [SUPERVISORS_GROUP_ID] }] })).json()) as { results: Group[] };
    expect(byId.results.map((g) => g.name)).toEqual(['Supervisors']);
    const all = (await (await callApi(emulator, admin, 'POST', '/api/v2/groups/search', { query: [{ type: 'MATCH_ALL' }] })).json()) as { total: number };
    expect(all.total).toBe(GROUPS.length);
    const none = (await (await callApi(emulator, admin, 'POST', '/api/v2/groups/search', { query: [{ type: 'EXACT', fields: ['name'], value: 'zzz' }] })).json()) as Record<string, unknown>;
    expect(none.total).toBe(0);
    expect(none.results).toBeUndefined();
  });

  it('400 for an invalid body, 403 without directory:group:view', async () => {
    const { emulator, admin, agent } = setup();
    const bad = await errorOf(await callApi(emulator, admin, 'POST', '/api/v2/groups/search', { query: [{ type: 'EXACT', fields: ['email'], value: 'x' }] }), 400, 'bad.request');
    expect(bad.details).toEqual([{ errorCode: 'invalid.value', fieldName: 'query[0].fields[0]' }]);
    await errorOf(await callApi(emulator, admin, 'POST', '/api/v2/groups/search', {}), 400, 'bad.request');
    const denied = await errorOf(await callApi(emulator, agent, 'POST', '/api/v2/groups/search', { query: [{ type: 'MATCH_ALL' }] }), 403, 'missing.permissions');
    expect(denied.message).toContain('[directory:group:view]');
  });
});

describe('GET /api/v2/groups/{groupId}', () => {
  it('returns the group with its member count', async () => {
    const { emulator, admin } = setup();
    const res = await callApi(emulator, admin, 'GET', `/api/v2/groups/${SUPERVISORS_GROUP_ID}`);
    expect(res.status).toBe(200);
    const group = (await res.json()) as Group;
    expect(group).toMatchObject({ id: SUPERVISORS_GROUP_ID, name: 'Supervisors', memberCount: 16, state: 'active', type: 'official' });
  });

  it('404 for an unknown group, 403 without permission', async () => {
    const { emulator, admin, agent } = setup();
    await errorOf(await callApi(emulator, admin, 'GET', '/api/v2/groups/6e000000-0000-4000-8000-0000000000ff'), 404, 'not.found');
    await errorOf(await callApi(emulator, agent, 'GET', `/api/v2/groups/${SUPERVISORS_GROUP_ID}`), 403, 'missing.permissions');
  });
});

describe('GET /api/v2/groups/{groupId}/members', () => {
  it('pages through the members as Users', async () => {
    const { emulator, admin } = setup();
    const first = (await (await callApi(emulator, admin, 'GET', `/api/v2/groups/${SUPERVISORS_GROUP_ID}/members?pageSize=10&pageNumber=1`)).json()) as {
      entities: { id: string; email: string }[];
      total: number;
      pageCount: number;
      pageSize: number;
      pageNumber: number;
    };
    expect(first).toMatchObject({ total: 16, pageCount: 2, pageSize: 10, pageNumber: 1 });
    expect(first.entities).toHaveLength(10);
    const second = (await (await callApi(emulator, admin, 'GET', `/api/v2/groups/${SUPERVISORS_GROUP_ID}/members?pageSize=10&pageNumber=2`)).json()) as { entities: { id: string }[] };
    expect(second.entities).toHaveLength(6);
    const ids = [...first.entities, ...second.entities].map((u) => u.id);
    expect(ids).toContain(SUPERVISOR.id);
    expect(new Set(ids).size).toBe(16);
  });

  it('404 for an unknown group, 400 for a bad page size', async () => {
    const { emulator, admin } = setup();
    await errorOf(await callApi(emulator, admin, 'GET', '/api/v2/groups/nope/members'), 404, 'not.found');
    await errorOf(await callApi(emulator, admin, 'GET', `/api/v2/groups/${SUPERVISORS_GROUP_ID}/members?pageSize=abc`), 400, 'bad.request');
  });
});
