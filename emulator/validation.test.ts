// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEmulator, type Emulator } from './app.ts';
import type { ErrorBody } from './errors.ts';
import { ADMIN, GROUPS, SUPERVISORS_GROUP_ID } from './seed.ts';
import { callApi } from './testing.ts';
import { describeZodError, fieldPath } from './validation.ts';

async function error400(res: Response): Promise<ErrorBody> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as ErrorBody;
  expect(body.code).toBe('bad.request');
  return body;
}

function control(emulator: Emulator, path: string, body: unknown): Promise<Response> {
  return emulator.fetch(`http://localhost/__emulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describe('fieldPath', () => {
  it.each([
    [[], 'body'],
    [['idleTokenTimeoutSeconds'], 'idleTokenTimeoutSeconds'],
    [['inactivityTimeoutGroupBundles', 0, 'timeoutSeconds'], 'inactivityTimeoutGroupBundles[0].timeoutSeconds'],
    [['query', 0, 'fields', 1], 'query[0].fields[1]'],
    [[2], '[2]'],
  ])('%j → %s', (path, expected) => {
    expect(fieldPath(path)).toBe(expected);
  });
});

describe('describeZodError', () => {
  const schema = z.strictObject({
    name: z.string({ error: 'must be a string.' }),
    items: z
      .array(z.object({ n: z.number().min(0, { error: 'must be 0 or more.' }), tag: z.string({ error: 'must be a string.' }) }))
      .superRefine(
        (list, ctx) => {
          if (ctx.value.length > 2) ctx.addIssue({ code: 'custom', message: 'may hold at most 2 items.' });
          ctx.addIssue({ code: 'custom', path: [0, 'tag'], message: 'is taken.', params: { entityId: 'x' } });
        },
      ),
  });

  it('gives Genesys field paths in the schema’s order (unknown fields first), with entity ids', () => {
    const input = { name: 1, items: [{ tag: 't', n: -1 }, { n: 2, tag: 't' }, { n: -2, tag: 'u' }], extra: true };
    const result = schema.safeParse(input);
    if (result.success) throw new Error('expected a failure');
    const { message, details } = describeZodError(result.error, schema);
    expect(details).toEqual([
      { errorCode: 'invalid.value', fieldName: 'extra' },
      { errorCode: 'invalid.value', fieldName: 'name' },
      { errorCode: 'invalid.value', fieldName: 'items' },
      { errorCode: 'invalid.value', fieldName: 'items[0].n' },
      { errorCode: 'invalid.value', fieldName: 'items[0].tag', entityId: 'x' },
      { errorCode: 'invalid.value', fieldName: 'items[2].n' },
    ]);
    expect(message).toBe(
      'extra is not a known field. name must be a string. items may hold at most 2 items. items[0].n must be 0 or more. ' +
        'items[0].tag is taken. items[2].n must be 0 or more.',
    );
  });

  it('names the body itself when it is not an object', () => {
    const result = z.object({}, { error: 'must be a JSON object.' }).safeParse([1]);
    if (result.success) throw new Error('expected a failure');
    expect(describeZodError(result.error)).toEqual({ message: 'The request body must be a JSON object.', details: [{ errorCode: 'invalid.value', fieldName: 'body' }] });
  });
});

describe('PUT /api/v2/tokens/timeout messages', () => {
  it('name the field, the allowed range and the conflicting bundle', async () => {
    const emulator = createEmulator();
    const token = emulator.issueToken(ADMIN.email).access_token;
    const error = await error400(
      await callApi(emulator, token, 'PUT', '/api/v2/tokens/timeout', {
        idleTokenTimeoutSeconds: 299,
        inactivityTimeoutGroupBundles: [
          { priority: 1, timeoutSeconds: 600, groups: [SUPERVISORS_GROUP_ID] },
          { priority: 1, timeoutSeconds: 28801, groups: [GROUPS[1]?.id, SUPERVISORS_GROUP_ID, 'nope'] },
        ],
      }),
    );
    expect(error.details).toEqual([
      { errorCode: 'invalid.value', fieldName: 'idleTokenTimeoutSeconds' },
      { errorCode: 'invalid.value', fieldName: 'inactivityTimeoutGroupBundles[1].priority' },
      { errorCode: 'invalid.value', fieldName: 'inactivityTimeoutGroupBundles[1].timeoutSeconds' },
      { errorCode: 'invalid.value', fieldName: 'inactivityTimeoutGroupBundles[1].groups[1]', entityId: SUPERVISORS_GROUP_ID },
      { errorCode: 'invalid.value', fieldName: 'inactivityTimeoutGroupBundles[1].groups[2]', entityId: 'nope' },
    ]);
    expect(error.message).toBe(
      [
        'idleTokenTimeoutSeconds must be a whole number of seconds from 300 (5 minutes) to 28800 (8 hours).',
        'inactivityTimeoutGroupBundles[1].priority 1 is already used by inactivityTimeoutGroupBundles[0]; priorities must be unique.',
        'inactivityTimeoutGroupBundles[1].timeoutSeconds must be a whole number of seconds from 300 (5 minutes) to 28800 (8 hours).',
        `inactivityTimeoutGroupBundles[1].groups[1] (group ${SUPERVISORS_GROUP_ID}) is already in inactivityTimeoutGroupBundles[0]; a group may be in only one bundle.`,
        'inactivityTimeoutGroupBundles[1].groups[2] is not an existing group id (nope).',
      ].join(' '),
    );
  });
});

describe('paging parameters of GET listings', () => {
  it.each([
    ['/api/v2/users?pageSize=0', ['pageSize'], 'pageSize must be a whole number from 1 to 500.'],
    ['/api/v2/users?pageSize=501', ['pageSize'], 'pageSize must be a whole number from 1 to 500.'],
    ['/api/v2/users?pageSize=2.5&pageNumber=x', ['pageSize', 'pageNumber'], 'pageSize must be a whole number from 1 to 500. pageNumber must be a whole number of 1 or more.'],
    ['/api/v2/users?pageNumber=-1', ['pageNumber'], 'pageNumber must be a whole number of 1 or more.'],
    [`/api/v2/groups/${SUPERVISORS_GROUP_ID}/members?pageSize=101`, ['pageSize'], 'pageSize must be a whole number from 1 to 100.'],
    [`/api/v2/groups/${SUPERVISORS_GROUP_ID}/members?pageNumber=0`, ['pageNumber'], 'pageNumber must be a whole number of 1 or more.'],
  ])('%s is a 400 naming %j', async (path, fields, message) => {
    const emulator = createEmulator();
    const error = await error400(await callApi(emulator, emulator.issueToken(ADMIN.email).access_token, 'GET', path));
    expect(error.details.map((d) => d.fieldName)).toEqual(fields);
    expect(error.message).toBe(message);
  });

  it.each([['/api/v2/users?pageSize=&pageNumber='], ['/api/v2/users?pageSize=500&pageNumber=2'], [`/api/v2/groups/${SUPERVISORS_GROUP_ID}/members?pageSize=100`]])(
    '%s is fine (empty means the default)',
    async (path) => {
      const emulator = createEmulator();
      expect((await callApi(emulator, emulator.issueToken(ADMIN.email).access_token, 'GET', path)).status).toBe(200);
    },
  );
});

describe('control API bodies', () => {
  it.each([
    ['rate-limit', {}, ['perMinute']],
    ['rate-limit', { perMinute: 0, perUserPerMinute: 'many' }, ['perMinute', 'perUserPerMinute']],
    ['rate-limit', 'not an object', ['body']],
    ['clock', { advanceSeconds: -1 }, ['advanceSeconds']],
    ['clock', {}, ['advanceSeconds']],
    ['org', { hipaa: 'yes' }, ['hipaa']],
    ['tokens', { email: 42 }, ['email']],
    ['faults', { path: '/api/v2/x', status: 503, retryAfterSeconds: -1, code: 5 }, ['code', 'retryAfterSeconds']],
  ])('POST %s %j is a 400 naming %j', async (path, body, fields) => {
    const emulator = createEmulator({ control: true });
    const error = await error400(await control(emulator, path, body));
    expect(error.details.map((d) => d.fieldName)).toEqual(fields);
    for (const field of fields) expect(error.message).toContain(field === 'body' ? 'The request body' : field);
  });

  it('accepts good bodies', async () => {
    const emulator = createEmulator({ control: true });
    expect(await (await control(emulator, 'rate-limit', { perUserPerMinute: 7 })).json()).toEqual({ perMinute: 300, perUserPerMinute: 7 });
    expect((await control(emulator, 'clock', { advanceSeconds: 1.5 })).status).toBe(200);
    expect(emulator.store.clockOffsetMs).toBe(1500);
    expect(await (await control(emulator, 'faults', { method: 'get', path: '/api/v2/users/*', status: 503 })).json()).toEqual({
      method: 'GET',
      path: '/api/v2/users/*',
      remaining: 1,
      status: 503,
    });
  });
});
