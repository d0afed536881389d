// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmulator } from './app.ts';
import type { SeedData } from './model.ts';
import { APP_CLIENT_ID, buildSeed, SCRIPT_CLIENT } from './seed.ts';
import { callApi } from './testing.ts';

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);

/** A world of two users and one group, built from the full seed's clients and org. */
function tinySeed(now: number, redirectUris: readonly string[]): SeedData {
  const full = buildSeed(now, redirectUris);
  const division = { id: 'd1', name: 'Home', selfUri: '/api/v2/authorization/divisions/d1' };
  const person = (id: string, name: string, email: string, permissions: string[] = []) => ({
    id,
    name,
    email,
    username: email,
    state: 'active' as const,
    department: 'Support',
    title: 'Agent',
    division,
    version: 1,
    permissions,
  });
  return {
    ...full,
    users: [person('u1', 'Uma One', 'uma@tiny.example', ['directory:user:view']), person('u2', 'Udo Two', 'udo@tiny.example')],
    groups: [{ id: 'g1', name: 'Tiny Group', description: '', memberIds: ['u2'], version: 1, dateModified: now }],
    tokens: [{ userId: 'u2', clientId: APP_CLIENT_ID, issuedAt: now - 1000, lastUsedAt: now - 1000 }],
  };
}

describe('a seed passed to createEmulator', () => {
  it('is the world the emulator starts from and resets to', async () => {
    const emulator = createEmulator({ seed: tinySeed, now: () => T0 });
    expect([...emulator.store.users.keys()]).toEqual(['u1', 'u2']);
    expect(emulator.store.tokens.size).toBe(1);
    const token = emulator.issueToken('uma@tiny.example').access_token;
    const list = (await (await callApi(emulator, token, 'GET', '/api/v2/users')).json()) as { total: number };
    expect(list.total).toBe(2);
    emulator.store.users.delete('u2');
    emulator.reset();
    expect([...emulator.store.users.keys()]).toEqual(['u1', 'u2']);
    expect(emulator.store.tokens.size).toBe(1);
  });

  it('defaults to the full seed', () => {
    expect(createEmulator().store.users.size).toBe(buildSeed(T0).users.length);
  });
});

describe('Store.mintToken', () => {
  it('mints a live token for an active user through the client, and one without a user for client credentials', () => {
    const { store } = createEmulator({ seed: tinySeed, now: () => T0 });
    const minted = store.mintToken('UMA@tiny.example', APP_CLIENT_ID);
    expect(minted).toMatchObject({ token_type: 'bearer', expires_in: 86400 });
    const record = store.tokens.get(minted.access_token);
    expect(record).toMatchObject({ userId: 'u1', clientId: APP_CLIENT_ID, issuedAt: T0 });
    expect(store.users.get('u1')?.lastTokenIssued).toBe(T0);
    const script = store.mintToken(undefined, SCRIPT_CLIENT.id);
    expect(store.tokens.get(script.access_token)?.userId).toBeNull();
  });

  it('refuses unknown clients and users who are not active', () => {
    const { store } = createEmulator({ seed: tinySeed });
    expect(() => store.mintToken('uma@tiny.example', 'no-such-client')).toThrow('Unknown OAuth client no-such-client');
    expect(() => store.mintToken('nobody@tiny.example', APP_CLIENT_ID)).toThrow('No active user with the email nobody@tiny.example');
    const udo = store.users.get('u2');
    if (udo) udo.state = 'inactive';
    expect(() => store.mintToken('udo@tiny.example', APP_CLIENT_ID)).toThrow('No active user');
  });
});
