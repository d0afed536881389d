// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PERMISSION_CASES } from '../test/permission-cases.ts';
import { createEmulator } from './app.ts';
import { hasPermission } from './auth.ts';
import { ADMIN } from './seed.ts';
import { callApi } from './testing.ts';

describe('hasPermission', () => {
  it.each(PERMISSION_CASES)('$granted grants $needed: $allowed', ({ granted, needed, allowed }) => {
    expect(hasPermission(granted, needed)).toBe(allowed);
  });
});

describe('permission checks on the API', () => {
  it('a user granted oauth:* may revoke tokens; one granted OAUTH:TOKEN:VIEW may not', async () => {
    const emulator = createEmulator();
    const admin = emulator.store.userByEmail(ADMIN.email);
    if (!admin) throw new Error('no admin');
    admin.permissions = ['oauth:*'];
    const token = emulator.issueToken(ADMIN.email).access_token;
    expect((await callApi(emulator, token, 'DELETE', `/api/v2/tokens/${admin.id}`)).status).toBe(204);
    admin.permissions = ['OAUTH:TOKEN:VIEW'];
    const other = emulator.issueToken(ADMIN.email).access_token;
    expect((await callApi(emulator, other, 'DELETE', `/api/v2/tokens/${admin.id}`)).status).toBe(403);
  });
});
