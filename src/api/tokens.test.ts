import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/app.ts';
import { HttpClient } from './http.ts';
import { TOKEN_REFETCH_INTERVAL_MS, readTokenInfoAsActivity, tokenKeys, tokenQueries, verifyToken } from './tokens.ts';

function setup() {
  const emulator = createEmulator();
  const token = emulator.issueToken('admin@example.com').access_token;
  const reads: string[] = [];
  let hold: Promise<void> | undefined;
  const http = new HttpClient({
    baseUrl: () => 'http://emulator.test',
    token: () => token,
    fetch: async (input, init) => {
      reads.push(input instanceof Request ? input.url : input.toString());
      // A test may hold answers back, to have a read in flight.
      if (hold) await hold;
      return emulator.fetch(input, init);
    },
  });
  const holdAnswers = () => {
    let release: () => void = () => undefined;
    hold = new Promise<void>((resolve) => (release = resolve));
    return () => {
      hold = undefined;
      release();
    };
  };
  return { emulator, token, reads, http, holdAnswers, tokens: tokenQueries(http), queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }) };
}

describe('tokenQueries.me', () => {
  it('counts only a read the admin asked for as activity; the app\'s own reads preserve the idle timer', async () => {
    const { reads, queryClient, tokens, http } = setup();
    // A background read before any data (a focus after a failed first load) still preserves it.
    await queryClient.query(tokens.me());
    await readTokenInfoAsActivity(queryClient, http);
    await queryClient.refetchQueries({ queryKey: tokenKeys.me() });
    await queryClient.invalidateQueries({ queryKey: tokenKeys.me(), refetchType: 'all' });
    expect(reads).toEqual([
      'http://emulator.test/api/v2/tokens/me?preserveIdleTTL=true',
      'http://emulator.test/api/v2/tokens/me?preserveIdleTTL=false',
      'http://emulator.test/api/v2/tokens/me?preserveIdleTTL=true',
      'http://emulator.test/api/v2/tokens/me?preserveIdleTTL=true',
    ]);
  });

  it('counts Try again as activity even while a background refresh is in flight', async () => {
    const { emulator, token, queryClient, tokens, http, holdAnswers, reads } = setup();
    await queryClient.query(tokens.me());
    const record = emulator.store.tokens.get(token);
    if (!record) throw new Error('no token');
    emulator.advanceClock(120);
    const release = holdAnswers();
    // The minute's refresh is under way when the admin presses Try again.
    const background = queryClient.refetchQueries({ queryKey: tokenKeys.me() });
    const asked = readTokenInfoAsActivity(queryClient, http);
    release();
    await Promise.all([background, asked]);
    expect(reads.slice(-2)).toEqual(['http://emulator.test/api/v2/tokens/me?preserveIdleTTL=true', 'http://emulator.test/api/v2/tokens/me?preserveIdleTTL=false']);
    expect(record.lastUsedAt).toBeGreaterThan(emulator.store.now() - 1000);
    expect(queryClient.getQueryState(tokenKeys.me())?.status).toBe('success');
  });

  it('does not move the emulator\'s idle clock on background reads', async () => {
    const { emulator, token, queryClient, tokens, http } = setup();
    const record = emulator.store.tokens.get(token);
    if (!record) throw new Error('no token');
    emulator.advanceClock(120);
    await queryClient.query(tokens.me());
    expect(record.lastUsedAt).toBeLessThan(emulator.store.now() - 60_000);
    await readTokenInfoAsActivity(queryClient, http);
    expect(record.lastUsedAt).toBeGreaterThan(emulator.store.now() - 1000);
  });

  it('puts a failed asked-for read on the query, for the page to offer Try again', async () => {
    const { emulator, token, queryClient, http } = setup();
    emulator.store.addFault({ method: 'GET', path: '/api/v2/tokens/me', status: 500, remaining: 3, kind: 'status', skip: 0 });
    await expect(readTokenInfoAsActivity(queryClient, http)).rejects.toMatchObject({ status: 500 });
    expect(queryClient.getQueryState(tokenKeys.me())?.status).toBe('error');
    expect(token).toBeTruthy();
  });

  it('does not poll until a load has succeeded', () => {
    const { tokens } = setup();
    // Only the query's state matters to the rule.
    const interval = tokens.me().refetchInterval as unknown as (query: { state: { data: unknown } }) => number | false;
    expect(interval({ state: { data: undefined } })).toBe(false);
    expect(interval({ state: { data: { organization: { id: 'o' } } } })).toBe(TOKEN_REFETCH_INTERVAL_MS);
  });
});

describe('verifyToken', () => {
  it('reports a live token as valid and a deleted one as not valid, without throwing', async () => {
    const { emulator, token, http } = setup();
    await expect(verifyToken(http)).resolves.toMatchObject({ valid: true });
    await emulator.fetch('http://emulator.test/api/v2/tokens/me', { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    await expect(verifyToken(http)).resolves.toMatchObject({ valid: false });
  });
});
