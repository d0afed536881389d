// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEmulator } from './app.ts';
import { callApi } from './testing.ts';
import {
  ADMIN,
  APP_CLIENT_ID,
  DEFAULT_REDIRECT_URIS,
  DEMO_ACCOUNTS,
  GROUPS,
  IMPLICIT_CLIENT_ID,
  ORG,
  PARTNER_ORG,
  SCRIPT_CLIENT,
  SEEDED_USER_COUNT,
  SMITH_LAST_NAMES,
  SUPERVISOR,
  SUPERVISORS_GROUP_ID,
  buildSeed,
  describeDemoAccounts,
} from './seed.ts';

describe('seed', () => {
  it('exports the fixed ids', () => {
    expect(ORG).toEqual({ id: 'c7f2a4e1-5b8d-4f3a-9e2c-1a6b3d8f0e57', name: 'Example Org' });
    expect(PARTNER_ORG).toEqual({ id: '9b1e6d3a-2c4f-4a8e-b7d5-3f0c9e1a2b64', name: 'Partner Support Ltd' });
    expect(APP_CLIENT_ID).toBe('5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13');
    expect(IMPLICIT_CLIENT_ID).toBe('8e2d4b6f-1a3c-4d5e-9f7a-0b2c4d6e8f91');
    expect(SCRIPT_CLIENT).toEqual({ id: '3c9e7a5b-2d4f-4b1e-8a6c-9f0d2e4b6a78', secret: 'local-emulator-secret' });
    expect(DEMO_ACCOUNTS.map((a) => [a.email, a.name, a.id])).toEqual([
      ['admin@example.com', 'Avery Admin', 'a11ce000-0000-4000-8000-000000000001'],
      ['supervisor@example.com', 'Sam Supervisor', 'a11ce000-0000-4000-8000-000000000002'],
      ['agent@example.com', 'Ari Agent', 'a11ce000-0000-4000-8000-000000000003'],
      ['trustee@partner.example.com', 'Taylor Trustee', 'a11ce000-0000-4000-8000-000000000004'],
    ]);
    expect(GROUPS).toHaveLength(8);
    for (const group of GROUPS) expect(group.id).toMatch(/^6e000000-0000-4000-8000-00000000000\d$/);
    expect(GROUPS[0]?.id).toBe(SUPERVISORS_GROUP_ID);
  });

  it('is deterministic', () => {
    const a = buildSeed(1_700_000_000_000);
    const b = buildSeed(1_700_000_000_000);
    expect(a.users).toEqual(b.users);
    expect(a.groups).toEqual(b.groups);
    expect(a.tokens).toEqual(b.tokens);
  });

  it('generates about 500 realistic users with unique emails', () => {
    const now = 1_700_000_000_000;
    const { users, tokens, groups } = buildSeed(now);
    expect(users.length).toBe(SEEDED_USER_COUNT);
    expect(SEEDED_USER_COUNT).toBe(538);
    const emails = users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const u of users.slice(DEMO_ACCOUNTS.length)) {
      expect(u.email).toMatch(/^[a-z]+\.[a-z]+\d*@example\.com$/);
      expect(u.username).toBe(u.email);
      expect(u.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(u.permissions).toEqual([]);
      expect(u.dateLastLogin).toBeLessThan(now);
    }
    const inactive = users.filter((u) => u.state === 'inactive').length;
    expect(inactive).toBeGreaterThan(5);
    expect(inactive).toBeLessThan(30);
    expect(new Set(users.map((u) => u.department)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(users.map((u) => u.division.id)).size).toBeGreaterThanOrEqual(3);
    expect(tokens.length).toBeGreaterThan(200);
    const inactiveIds = new Set(users.filter((u) => u.state === 'inactive').map((u) => u.id));
    expect(tokens.some((t) => inactiveIds.has(t.userId))).toBe(false);
    expect(groups.find((g) => g.id === SUPERVISORS_GROUP_ID)?.memberIds).toContain(SUPERVISOR.id);
  });

  it('describes the demo accounts and the script client for the console', () => {
    const text = describeDemoAccounts('http://localhost:8787/');
    for (const a of DEMO_ACCOUNTS) expect(text).toContain(a.email);
    expect(text).toContain(SCRIPT_CLIENT.id);
    expect(text).toContain(SCRIPT_CLIENT.secret);
    expect(text).toContain('http://localhost:8787/oauth/token');
    expect(text).toContain(ADMIN.description);
  });

  it('lists the registered redirect URIs (the defaults, or the ones given)', () => {
    const defaults = describeDemoAccounts('http://localhost:8787');
    expect(DEFAULT_REDIRECT_URIS).toEqual(['http://localhost:5173/auth/callback', 'http://127.0.0.1:5173/auth/callback']);
    for (const uri of DEFAULT_REDIRECT_URIS) expect(defaults).toContain(`    ${uri}\n`);
    expect(defaults).toContain('exact match');
    expect(defaults).not.toMatch(/any http:\/\/localhost/i);
    const custom = describeDemoAccounts('http://localhost:8787', ['http://localhost:4174/tools/tokens/auth/callback']);
    expect(custom).toContain('http://localhost:4174/tools/tokens/auth/callback');
    expect(custom).not.toContain('http://localhost:5173/auth/callback');
  });

  it('registers the redirect URIs on both browser clients only', () => {
    const { clients } = buildSeed(1_700_000_000_000, ['http://localhost:1/cb']);
    expect(Object.fromEntries(clients.map((c) => [c.id, c.redirectUris]))).toEqual({
      [APP_CLIENT_ID]: ['http://localhost:1/cb'],
      [IMPLICIT_CLIENT_ID]: ['http://localhost:1/cb'],
      [SCRIPT_CLIENT.id]: [],
    });
  });
});

describe('the Smiths', () => {
  it('are appended after the users drawn from the main PRNG, which stay exactly as they were', () => {
    const { users, groups, tokens } = buildSeed(1_700_000_000_000);
    const before = users.slice(0, 504).map((u) => ({ ...u, hasPicture: undefined }));
    // A fingerprint of the demo and generated users (ids, names, dates, …) as other tests know them.
    expect(createHash('sha256').update(JSON.stringify(before)).digest('hex')).toBe('7ef2cd1cd6841bdc24bd0ed34c07b3a86547d6f4eefeeabea3aed2181341bf7b');
    const smiths = users.slice(504);
    expect(smiths.map((u) => u.name.split(' ').at(-1))).toEqual(SMITH_LAST_NAMES.flatMap(({ name, count }) => Array<string>(count).fill(name)));
    const smithIds = new Set(smiths.map((u) => u.id));
    expect(groups.some((g) => g.memberIds.some((id) => smithIds.has(id)))).toBe(false);
    const smithTokens = tokens.filter((t) => smithIds.has(t.userId));
    expect(smithTokens.length).toBeGreaterThan(5);
    for (const t of smithTokens) expect(smiths.find((u) => u.id === t.userId)?.state).toBe('active');
  });

  it.each([
    ['CONTAINS over name and email', { type: 'CONTAINS', fields: ['name', 'email'], value: 'smith' }],
    ['QUERY_STRING over name', { type: 'QUERY_STRING', fields: ['name'], value: 'smith' }],
  ])('a search for "smith" (%s) finds at least 30 active users, over two pages of 25', async (_name, query) => {
    const emulator = createEmulator();
    const admin = emulator.issueToken(ADMIN.email).access_token;
    const page = async (pageNumber: number) =>
      (await (await callApi(emulator, admin, 'POST', '/api/v2/users/search', { pageSize: 25, pageNumber, query: [query] })).json()) as {
        total: number;
        pageCount: number;
        results: { name: string; state: string }[];
      };
    const first = await page(1);
    const second = await page(2);
    expect(first.pageCount).toBeGreaterThanOrEqual(2);
    expect(first.results).toHaveLength(25);
    const all = [...first.results, ...second.results];
    expect(all).toHaveLength(first.total);
    expect(all.filter((u) => u.state === 'active').length).toBeGreaterThanOrEqual(30);
    for (const u of all) expect(u.name.toLowerCase()).toContain('smith');
    expect(all.some((u) => u.name.endsWith('Goldsmith'))).toBe(true);
    expect(all.some((u) => u.name.endsWith('Smithson'))).toBe(true);
  });
});
