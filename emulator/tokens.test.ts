// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmulator } from './app.ts';
import type { ErrorBody } from './errors.ts';
import { ADMIN, AGENT, APP_CLIENT_ID, GROUPS, ORG, PARTNER_ORG, SCRIPT_CLIENT, SUPERVISOR, SUPERVISORS_GROUP_ID, TRUSTEE } from './seed.ts';
import { callApi } from './testing.ts';

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
const setup = () => createEmulator({ now: () => T0 });
const token = (emulator: ReturnType<typeof setup>, email: string, clientId?: string) =>
  emulator.issueToken(email, clientId === undefined ? {} : { clientId }).access_token;

async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body).toMatchObject({ status, code, details: expect.any(Array) as unknown, errors: [] });
  expect(typeof body.message).toBe('string');
  expect(typeof body.messageWithParams).toBe('string');
  expect(typeof body.messageParams).toBe('object');
  expect(body.contextId).toBe(res.headers.get('ININ-Correlation-Id'));
  return body;
}

interface TokenInfo {
  organization: { id: string; name: string };
  homeOrganization: { id: string; name: string };
  authorizedScope: string[];
  clonedUser?: { id: string; organization: { id: string } };
  dateTokenIdles?: string;
  OAuthClient: Record<string, unknown>;
}

describe('GET /api/v2/tokens/me', () => {
  it('returns TokenInfo for a user token', async () => {
    const emulator = setup();
    const res = await callApi(emulator, token(emulator, ADMIN.email), 'GET', '/api/v2/tokens/me');
    expect(res.status).toBe(200);
    const info = (await res.json()) as TokenInfo;
    expect(info.organization).toEqual({ id: ORG.id, name: ORG.name });
    expect(info.homeOrganization).toEqual({ id: ORG.id, name: ORG.name });
    expect(info.authorizedScope.length).toBeGreaterThan(0);
    expect(info.clonedUser).toBeUndefined();
    expect(info.dateTokenIdles).toBe(new Date(T0 + 1800_000).toISOString());
    expect(info.OAuthClient).toMatchObject({
      id: APP_CLIENT_ID,
      name: 'Token Admin (local)',
      authorizedGrantType: 'CODE',
      state: 'active',
      organization: { id: ORG.id, name: ORG.name },
      createdBy: { id: ADMIN.id, name: ADMIN.name, selfUri: `/api/v2/users/${ADMIN.id}` },
    });
    expect(typeof info.OAuthClient.dateCreated).toBe('string');
    expect(typeof info.OAuthClient.dateModified).toBe('string');
    expect(Array.isArray(info.OAuthClient.scope)).toBe(true);
  });

  it('uses the group bundle timeout for a member of a bundled group', async () => {
    const emulator = setup();
    const info = (await (await callApi(emulator, token(emulator, SUPERVISOR.email), 'GET', '/api/v2/tokens/me')).json()) as TokenInfo;
    expect(info.dateTokenIdles).toBe(new Date(T0 + 7200_000).toISOString());
  });

  it('describes a trustee: home organization and cloned user', async () => {
    const emulator = setup();
    const info = (await (await callApi(emulator, token(emulator, TRUSTEE.email), 'GET', '/api/v2/tokens/me')).json()) as TokenInfo;
    expect(info.organization).toEqual({ id: ORG.id, name: ORG.name });
    expect(info.homeOrganization).toEqual({ id: PARTNER_ORG.id, name: PARTNER_ORG.name });
    expect(info.clonedUser).toEqual({ id: 'b22de000-0000-4000-8000-000000000004', organization: { id: PARTNER_ORG.id } });
  });

  it('has no dateTokenIdles for client-credentials tokens or when the idle timeout is off', async () => {
    const emulator = setup();
    const cc = (await (await callApi(emulator, token(emulator, '', SCRIPT_CLIENT.id), 'GET', '/api/v2/tokens/me')).json()) as TokenInfo;
    expect(cc.dateTokenIdles).toBeUndefined();
    expect(cc.OAuthClient.authorizedGrantType).toBe('CLIENT-CREDENTIALS');
    emulator.store.idleTimeout.enableIdleTokenTimeout = false;
    const user = (await (await callApi(emulator, token(emulator, ADMIN.email), 'GET', '/api/v2/tokens/me')).json()) as TokenInfo;
    expect(user.dateTokenIdles).toBeUndefined();
  });
});

describe('HEAD /api/v2/tokens/me', () => {
  it('is 200 with no body for a valid token and 401 otherwise', async () => {
    const emulator = setup();
    const ok = await callApi(emulator, token(emulator, AGENT.email), 'HEAD', '/api/v2/tokens/me');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('');
    const bad = await callApi(emulator, 'nope', 'HEAD', '/api/v2/tokens/me');
    expect(bad.status).toBe(401);
  });
});

describe('bearer authentication', () => {
  it('401 authentication.required when the header is missing or not a bearer token', async () => {
    const emulator = setup();
    for (const headers of [{}, { Authorization: 'Basic abc' }, { Authorization: 'Bearer' }] as Record<string, string>[]) {
      const res = await emulator.fetch('http://x/api/v2/tokens/me', { headers });
      const body = await expectError(res, 401, 'authentication.required');
      expect(body.message).toBe('No authentication bearer token specified in authorization header.');
    }
  });

  it('401 bad.credentials for an unknown token', async () => {
    const emulator = setup();
    const body = await expectError(await callApi(emulator, 'not-a-token', 'GET', '/api/v2/tokens/me'), 401, 'bad.credentials');
    expect(body.message).toBe('Invalid login credentials.');
  });

  it('401 once the token has expired (expires_in after issue)', async () => {
    let now = T0;
    const emulator = createEmulator({ now: () => now });
    emulator.store.idleTimeout.enableIdleTokenTimeout = false;
    const t = token(emulator, ADMIN.email);
    now += 86399_000;
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/me')).status).toBe(200);
    now += 1000;
    await expectError(await callApi(emulator, t, 'GET', '/api/v2/tokens/me'), 401, 'bad.credentials');
  });
});

describe('idle timer', () => {
  it('idles a token timeoutSeconds after its last use, and it stays dead', async () => {
    const emulator = setup();
    const t = token(emulator, ADMIN.email);
    emulator.advanceClock(1799);
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    emulator.advanceClock(1799);
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    emulator.advanceClock(1800);
    await expectError(await callApi(emulator, t, 'GET', '/api/v2/tokens/me'), 401, 'bad.credentials');
    // Raising or switching off the timeout does not bring it back.
    emulator.store.setIdleTimeout({ ...emulator.store.idleTimeout, idleTokenTimeoutSeconds: 28800 });
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/me')).status).toBe(401);
    emulator.store.setIdleTimeout({ ...emulator.store.idleTimeout, enableIdleTokenTimeout: false });
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/me')).status).toBe(401);
  });

  it('GET tokens/me?preserveIdleTTL=true does not count as activity; without it, it does', async () => {
    const emulator = setup();
    const t = token(emulator, ADMIN.email);
    emulator.advanceClock(1000);
    const preserved = (await (await callApi(emulator, t, 'GET', '/api/v2/tokens/me?preserveIdleTTL=true')).json()) as TokenInfo;
    expect(preserved.dateTokenIdles).toBe(new Date(T0 + 1800_000).toISOString());
    emulator.advanceClock(799);
    const touched = (await (await callApi(emulator, t, 'GET', '/api/v2/tokens/me?preserveIdleTTL=false')).json()) as TokenInfo;
    expect(touched.dateTokenIdles).toBe(new Date(T0 + 1799_000 + 1800_000).toISOString());
    emulator.advanceClock(1799);
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/me?preserveIdleTTL=true')).status).toBe(200);
    emulator.advanceClock(1);
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/me?preserveIdleTTL=true')).status).toBe(401);
  });

  it('HEAD counts as activity', async () => {
    const emulator = setup();
    const t = token(emulator, ADMIN.email);
    emulator.advanceClock(1700);
    await callApi(emulator, t, 'HEAD', '/api/v2/tokens/me?preserveIdleTTL=true');
    emulator.advanceClock(1700);
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/me')).status).toBe(200);
  });

  it('picks the bundle with the lowest priority number among the user’s groups', () => {
    const emulator = setup();
    const tier1 = GROUPS[1]?.id ?? '';
    emulator.store.groups.get(tier1)?.memberIds.push(SUPERVISOR.id);
    emulator.store.setIdleTimeout({
      ...emulator.store.idleTimeout,
      inactivityTimeoutGroupBundles: [
        { priority: 2, timeoutSeconds: 7200, inactivityTimeoutUnit: 'Hours', groups: [SUPERVISORS_GROUP_ID] },
        { priority: 1, timeoutSeconds: 600, inactivityTimeoutUnit: 'Minutes', groups: [tier1] },
      ],
    });
    expect(emulator.store.idleTimeoutSecondsFor(SUPERVISOR.id)).toBe(600);
    expect(emulator.store.idleTimeoutSecondsFor(AGENT.id)).toBe(600);
    expect(emulator.store.idleTimeoutSecondsFor(ADMIN.id)).toBe(1800);
    emulator.store.setIdleTimeout({ ...emulator.store.idleTimeout, inactivityTimeoutGroupsEnabled: false });
    expect(emulator.store.idleTimeoutSecondsFor(SUPERVISOR.id)).toBe(1800);
  });

  it('client-credentials tokens never idle', async () => {
    const emulator = setup();
    const t = token(emulator, '', SCRIPT_CLIENT.id);
    emulator.advanceClock(5 * 3600);
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
  });

  it('switching the timeout on starts timers from that moment', async () => {
    const emulator = setup();
    emulator.store.setIdleTimeout({ ...emulator.store.idleTimeout, enableIdleTokenTimeout: false });
    const t = token(emulator, ADMIN.email);
    emulator.advanceClock(4000);
    emulator.store.setIdleTimeout({ ...emulator.store.idleTimeout, enableIdleTokenTimeout: true });
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/me')).status).toBe(200);
  });
});

describe('DELETE /api/v2/tokens/me', () => {
  it('204, revokes only that token', async () => {
    const emulator = setup();
    const a = token(emulator, ADMIN.email);
    const b = token(emulator, ADMIN.email);
    const res = await callApi(emulator, a, 'DELETE', '/api/v2/tokens/me');
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    await expectError(await callApi(emulator, a, 'GET', '/api/v2/tokens/me'), 401, 'bad.credentials');
    expect((await callApi(emulator, b, 'GET', '/api/v2/tokens/me')).status).toBe(200);
  });

  it('401 without a valid token', async () => {
    const emulator = setup();
    await expectError(await callApi(emulator, undefined, 'DELETE', '/api/v2/tokens/me'), 401, 'authentication.required');
  });
});

describe('DELETE /api/v2/tokens/{userId}', () => {
  it('403 missing.permissions without oauth:token:delete', async () => {
    const emulator = setup();
    const body = await expectError(await callApi(emulator, token(emulator, AGENT.email), 'DELETE', `/api/v2/tokens/${ADMIN.id}`), 403, 'missing.permissions');
    expect(body.message).toBe('Unable to perform the requested action. You are missing the following permission(s): [oauth:token:delete]');
    expect(body.messageParams).toEqual({ permissions: 'oauth:token:delete' });
    expect(body.messageWithParams).toContain('{permissions}');
  });

  it('404 not.found for an unknown user', async () => {
    const emulator = setup();
    await expectError(await callApi(emulator, token(emulator, ADMIN.email), 'DELETE', '/api/v2/tokens/00000000-0000-4000-8000-000000000000'), 404, 'not.found');
  });

  it('204 and every token of the user is dead at once', async () => {
    const emulator = setup();
    const victim = [...emulator.store.tokens.values()].find((t) => t.userId !== null && emulator.store.tokenStatus(t) === 'active');
    const userId = victim?.userId ?? '';
    const email = emulator.store.users.get(userId)?.email ?? '';
    const fresh = [token(emulator, email), token(emulator, email)];
    const res = await callApi(emulator, token(emulator, SUPERVISOR.email), 'DELETE', `/api/v2/tokens/${userId}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    for (const t of fresh) expect((await callApi(emulator, t, 'HEAD', '/api/v2/tokens/me')).status).toBe(401);
    expect([...emulator.store.tokens.values()].filter((t) => t.userId === userId).every((t) => emulator.store.tokenStatus(t) === 'revoked')).toBe(true);
    // A new sign-in works again.
    expect((await callApi(emulator, token(emulator, email), 'HEAD', '/api/v2/tokens/me')).status).toBe(200);
  });

  it('revoking yourself kills the caller’s own token too', async () => {
    const emulator = setup();
    const t = token(emulator, ADMIN.email);
    expect((await callApi(emulator, t, 'DELETE', `/api/v2/tokens/${ADMIN.id}`)).status).toBe(204);
    expect((await callApi(emulator, t, 'GET', '/api/v2/tokens/me')).status).toBe(401);
  });

  it('honours wildcard permissions (trustee: oauth:token:*)', async () => {
    const emulator = setup();
    expect((await callApi(emulator, token(emulator, TRUSTEE.email), 'DELETE', `/api/v2/tokens/${AGENT.id}`)).status).toBe(204);
  });
});

describe('GET /api/v2/tokens/timeout', () => {
  it('200 with the seeded IdleTokenTimeout, no permission needed', async () => {
    const emulator = setup();
    const res = await callApi(emulator, token(emulator, AGENT.email), 'GET', '/api/v2/tokens/timeout');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      enableIdleTokenTimeout: true,
      idleTokenTimeoutSeconds: 1800,
      inactivityTimeoutUnit: 'Minutes',
      inactivityTimeoutGroupsEnabled: true,
      inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 7200, inactivityTimeoutUnit: 'Hours', groups: [SUPERVISORS_GROUP_ID] }],
    });
  });
});

describe('PUT /api/v2/tokens/timeout', () => {
  const valid = {
    enableIdleTokenTimeout: true,
    idleTokenTimeoutSeconds: 3600,
    inactivityTimeoutUnit: 'Hours',
    inactivityTimeoutGroupsEnabled: true,
    inactivityTimeoutGroupBundles: [
      { priority: 1, timeoutSeconds: 7200, inactivityTimeoutUnit: 'Hours', groups: [SUPERVISORS_GROUP_ID] },
      { priority: 3, timeoutSeconds: 600, inactivityTimeoutUnit: 'Minutes', groups: [GROUPS[1]?.id, GROUPS[2]?.id] },
    ],
  };

  it('403 missing.permissions without directory:organization:admin', async () => {
    const emulator = setup();
    for (const email of [AGENT.email, SUPERVISOR.email]) {
      const body = await expectError(await callApi(emulator, token(emulator, email), 'PUT', '/api/v2/tokens/timeout', valid), 403, 'missing.permissions');
      expect(body.message).toContain('[directory:organization:admin]');
    }
  });

  it('200 with the stored value, which a later GET returns too', async () => {
    const emulator = setup();
    const t = token(emulator, ADMIN.email);
    const res = await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', valid);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(valid);
    expect(await (await callApi(emulator, t, 'GET', '/api/v2/tokens/timeout')).json()).toEqual(valid);
  });

  it('the trustee may change it through directory:*:*', async () => {
    const emulator = setup();
    expect((await callApi(emulator, token(emulator, TRUSTEE.email), 'PUT', '/api/v2/tokens/timeout', valid)).status).toBe(200);
  });

  it('takes effect on idle timers', async () => {
    const emulator = setup();
    const admin = token(emulator, ADMIN.email);
    const agent = token(emulator, AGENT.email);
    expect((await callApi(emulator, admin, 'PUT', '/api/v2/tokens/timeout', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 300 })).status).toBe(200);
    emulator.advanceClock(301);
    expect((await callApi(emulator, agent, 'HEAD', '/api/v2/tokens/me')).status).toBe(401);
    expect((await callApi(emulator, admin, 'HEAD', '/api/v2/tokens/me')).status).toBe(401);
  });

  describe('every field is optional: an absent one keeps its stored value', () => {
    const seed = {
      enableIdleTokenTimeout: true,
      idleTokenTimeoutSeconds: 1800,
      inactivityTimeoutUnit: 'Minutes',
      inactivityTimeoutGroupsEnabled: true,
      inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 7200, inactivityTimeoutUnit: 'Hours', groups: [SUPERVISORS_GROUP_ID] }],
    };

    it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
      ['an empty body', {}, {}],
      ['only the seconds', { idleTokenTimeoutSeconds: 600 }, { idleTokenTimeoutSeconds: 600 }],
      ['only the switch', { enableIdleTokenTimeout: false }, { enableIdleTokenTimeout: false }],
      ['only the unit', { inactivityTimeoutUnit: 'Hours' }, { inactivityTimeoutUnit: 'Hours' }],
      ['only the groups switch', { inactivityTimeoutGroupsEnabled: false }, { inactivityTimeoutGroupsEnabled: false }],
      ['only the bundles', { inactivityTimeoutGroupBundles: [] }, { inactivityTimeoutGroupBundles: [] }],
      ['null fields', { enableIdleTokenTimeout: null, idleTokenTimeoutSeconds: null, inactivityTimeoutUnit: null, inactivityTimeoutGroupBundles: null }, {}],
    ])('%s', async (_name, body, changed) => {
      const emulator = setup();
      const t = token(emulator, ADMIN.email);
      const res = await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', body);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ...seed, ...changed });
      expect(await (await callApi(emulator, t, 'GET', '/api/v2/tokens/timeout')).json()).toEqual({ ...seed, ...changed });
    });

    it('switching the timeout on without seconds uses the stored seconds', async () => {
      const emulator = setup();
      const t = token(emulator, ADMIN.email);
      expect((await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', { enableIdleTokenTimeout: false, idleTokenTimeoutSeconds: 2400 })).status).toBe(200);
      const res = await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', { enableIdleTokenTimeout: true });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 2400 });
    });

    it('the merged result is validated: stored values over the current limit must be sent anew', async () => {
      const emulator = setup();
      // HIPAA switched on behind the API's back, so the stored 1800 s and 7200 s are over the cap.
      emulator.store.org.hipaa = true;
      const t = token(emulator, ADMIN.email);
      const before = structuredClone(emulator.store.idleTimeout);
      const error = await expectError(await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', { enableIdleTokenTimeout: true }), 400, 'bad.request');
      expect(error.details.map((d) => d.fieldName)).toEqual(['idleTokenTimeoutSeconds', 'inactivityTimeoutGroupBundles[0].timeoutSeconds']);
      expect(error.message).toContain('stored: 1800');
      expect(emulator.store.idleTimeout).toEqual(before);
      const fixed = await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', {
        idleTokenTimeoutSeconds: 900,
        inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 600, groups: [SUPERVISORS_GROUP_ID] }],
      });
      expect(fixed.status).toBe(200);
    });
  });

  it('keeps stored values for absent optional fields; disabling needs no seconds', async () => {
    const emulator = setup();
    const t = token(emulator, ADMIN.email);
    const res = await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', { enableIdleTokenTimeout: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ enableIdleTokenTimeout: false, idleTokenTimeoutSeconds: 1800, inactivityTimeoutGroupsEnabled: true });
  });

  it('400 for a body that is not JSON or not an object', async () => {
    const emulator = setup();
    const t = token(emulator, ADMIN.email);
    await expectError(await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', '{oops'), 400, 'bad.request');
    await expectError(await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', ''), 400, 'bad.request');
    await expectError(await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', [1]), 400, 'bad.request');
  });

  const cases: [string, Record<string, unknown>, string[]][] = [
    ['enable not boolean', { enableIdleTokenTimeout: 'yes', idleTokenTimeoutSeconds: 600 }, ['enableIdleTokenTimeout']],
    ['seconds below 300', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 299 }, ['idleTokenTimeoutSeconds']],
    ['seconds above 28800', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 28801 }, ['idleTokenTimeoutSeconds']],
    ['seconds not an integer', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 600.5 }, ['idleTokenTimeoutSeconds']],
    ['seconds a string', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: '600' }, ['idleTokenTimeoutSeconds']],
    ['bad unit', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 600, inactivityTimeoutUnit: 'Days' }, ['inactivityTimeoutUnit']],
    ['groupsEnabled not boolean', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 600, inactivityTimeoutGroupsEnabled: 1 }, ['inactivityTimeoutGroupsEnabled']],
    ['only a bad field sent', { idleTokenTimeoutSeconds: 100 }, ['idleTokenTimeoutSeconds']],
    ['only a bundle with no groups sent', { inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 600, groups: [] }] }, ['inactivityTimeoutGroupBundles[0].groups']],
    ['bundles not an array', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 600, inactivityTimeoutGroupBundles: {} }, ['inactivityTimeoutGroupBundles']],
    [
      'more than 5 bundles',
      {
        enableIdleTokenTimeout: true,
        idleTokenTimeoutSeconds: 600,
        inactivityTimeoutGroupBundles: GROUPS.slice(0, 6).map((g, i) => ({ priority: (i % 5) + 1, timeoutSeconds: 600, groups: [g.id] })),
      },
      ['inactivityTimeoutGroupBundles', 'inactivityTimeoutGroupBundles[5].priority'],
    ],
    [
      'bundle priority out of range and duplicated',
      {
        enableIdleTokenTimeout: true,
        idleTokenTimeoutSeconds: 600,
        inactivityTimeoutGroupBundles: [
          { priority: 0, timeoutSeconds: 600, groups: [GROUPS[0]?.id] },
          { priority: 2, timeoutSeconds: 600, groups: [GROUPS[1]?.id] },
          { priority: 2, timeoutSeconds: 600, groups: [GROUPS[2]?.id] },
          { priority: 6, timeoutSeconds: 600, groups: [GROUPS[3]?.id] },
        ],
      },
      ['inactivityTimeoutGroupBundles[0].priority', 'inactivityTimeoutGroupBundles[2].priority', 'inactivityTimeoutGroupBundles[3].priority'],
    ],
    [
      'bundle timeout out of range',
      { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 600, inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 100, groups: [GROUPS[0]?.id] }] },
      ['inactivityTimeoutGroupBundles[0].timeoutSeconds'],
    ],
    [
      'bundle with empty groups, unknown group, bad unit',
      {
        enableIdleTokenTimeout: true,
        idleTokenTimeoutSeconds: 600,
        inactivityTimeoutGroupBundles: [
          { priority: 1, timeoutSeconds: 600, groups: [] },
          { priority: 2, timeoutSeconds: 600, inactivityTimeoutUnit: 'Weeks', groups: ['nope'] },
          'not an object',
        ],
      },
      [
        'inactivityTimeoutGroupBundles[0].groups',
        'inactivityTimeoutGroupBundles[1].inactivityTimeoutUnit',
        'inactivityTimeoutGroupBundles[1].groups[0]',
        'inactivityTimeoutGroupBundles[2]',
      ],
    ],
    [
      'a group in two bundles',
      {
        enableIdleTokenTimeout: true,
        idleTokenTimeoutSeconds: 600,
        inactivityTimeoutGroupBundles: [
          { priority: 1, timeoutSeconds: 600, groups: [GROUPS[0]?.id] },
          { priority: 2, timeoutSeconds: 900, groups: [GROUPS[1]?.id, GROUPS[0]?.id] },
        ],
      },
      ['inactivityTimeoutGroupBundles[1].groups[1]'],
    ],
    [
      'several bad fields at once',
      { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 5, inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 99999, groups: [GROUPS[0]?.id] }] },
      ['idleTokenTimeoutSeconds', 'inactivityTimeoutGroupBundles[0].timeoutSeconds'],
    ],
  ];

  it.each(cases)('400 with details for %s', async (_name, body, fields) => {
    const emulator = setup();
    const before = structuredClone(emulator.store.idleTimeout);
    const error = await expectError(await callApi(emulator, token(emulator, ADMIN.email), 'PUT', '/api/v2/tokens/timeout', body), 400, 'bad.request');
    expect(error.details.map((d) => d.fieldName)).toEqual(fields);
    expect(error.details.every((d) => d.errorCode === 'invalid.value')).toBe(true);
    for (const field of fields) expect(error.message).toContain(field);
    expect(emulator.store.idleTimeout).toEqual(before);
  });

  it('names the limit in the message', async () => {
    const emulator = setup();
    const error = await expectError(
      await callApi(emulator, token(emulator, ADMIN.email), 'PUT', '/api/v2/tokens/timeout', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 28801 }),
      400,
      'bad.request',
    );
    expect(error.message).toBe('idleTokenTimeoutSeconds must be a whole number of seconds from 300 (5 minutes) to 28800 (8 hours).');
  });

  it('caps timeouts at 900 seconds when the org is HIPAA compliant', async () => {
    const emulator = setup();
    emulator.store.org.hipaa = true;
    const t = token(emulator, ADMIN.email);
    const error = await expectError(
      await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', {
        enableIdleTokenTimeout: true,
        idleTokenTimeoutSeconds: 901,
        inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 1800, groups: [SUPERVISORS_GROUP_ID] }],
      }),
      400,
      'bad.request',
    );
    expect(error.details.map((d) => d.fieldName)).toEqual(['idleTokenTimeoutSeconds', 'inactivityTimeoutGroupBundles[0].timeoutSeconds']);
    expect(error.message).toContain('900 (15 minutes)');
    expect(error.message).toContain('HIPAA');
    const ok = await callApi(emulator, t, 'PUT', '/api/v2/tokens/timeout', {
      enableIdleTokenTimeout: true,
      idleTokenTimeoutSeconds: 900,
      inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 600, groups: [SUPERVISORS_GROUP_ID] }],
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ idleTokenTimeoutSeconds: 900, inactivityTimeoutGroupBundles: [{ priority: 1, timeoutSeconds: 600, inactivityTimeoutUnit: 'Minutes' }] });
  });
});
