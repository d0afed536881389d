import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/app.ts';
import { configureHttp } from './http.ts';
import { TOKEN_REFETCH_INTERVAL_MS, readTokenInfoAsActivity, tokenQueries, verifyToken } from './tokens.ts';

function setup() {
  const emulator = createEmulator();
  const token = emulator.issueToken('admin@example.com').access_token;
  const reads: string[] = [];
  configureHttp({
    getBaseUrl: () => 'http://emulator.test',
    getToken: () => token,
    fetch: (input, init) => {
      reads.push(input instanceof Request ? input.url : input.toString());
      return emulator.fetch(input, init);
    },
  });
  return { emulator, token, reads, queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }) };
}

describe('tokenQueries.me', () => {
  it('counts only a read the admin asked for as activity; the app\'s own reads preserve the idle timer', async () => {
    const { reads, queryClient } = setup();
    // A background read before any data (a focus after a failed first load) still preserves it.
    await queryClient.query(tokenQueries.me());
    await readTokenInfoAsActivity(queryClient);
    await queryClient.refetchQueries({ queryKey: tokenQueries.me().queryKey });
    expect(reads).toEqual([
      'http://emulator.test/api/v2/tokens/me?preserveIdleTTL=true',
      'http://emulator.test/api/v2/tokens/me?preserveIdleTTL=false',
      'http://emulator.test/api/v2/tokens/me?preserveIdleTTL=true',
    ]);
  });

  it('does not move the emulator\'s idle clock on background reads', async () => {
    const { emulator, token, queryClient } = setup();
    const record = emulator.store.tokens.get(token);
    if (!record) throw new Error('no token');
    emulator.advanceClock(120);
    await queryClient.query(tokenQueries.me());
    expect(record.lastUsedAt).toBeLessThan(emulator.store.now() - 60_000);
    await readTokenInfoAsActivity(queryClient);
    expect(record.lastUsedAt).toBeGreaterThan(emulator.store.now() - 1000);
  });

  it('does not poll until a load has succeeded', () => {
    // Only the query's state matters to the rule.
    const interval = tokenQueries.me().refetchInterval as unknown as (query: { state: { data: unknown } }) => number | false;
    expect(interval({ state: { data: undefined } })).toBe(false);
    expect(interval({ state: { data: { organization: { id: 'o' } } } })).toBe(TOKEN_REFETCH_INTERVAL_MS);
  });
});

describe('verifyToken', () => {
  it('reports a live token as valid and a deleted one as not valid, without throwing', async () => {
    const { emulator, token } = setup();
    await expect(verifyToken()).resolves.toMatchObject({ valid: true });
    await emulator.fetch('http://emulator.test/api/v2/tokens/me', { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    await expect(verifyToken()).resolves.toMatchObject({ valid: false });
  });
});
