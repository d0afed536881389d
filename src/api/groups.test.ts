import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/app.ts';
import { groupKeys, groupQueries } from './groups.ts';
import { HttpClient } from './http.ts';

const SUPERVISORS = '6e000000-0000-4000-8000-000000000001';

function setup(email = 'admin@example.com') {
  const emulator = createEmulator();
  const token = emulator.issueToken(email).access_token;
  const calls: string[] = [];
  const http = new HttpClient({
    baseUrl: () => 'http://emulator.test',
    token: () => token,
    fetch: (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${input instanceof Request ? input.url : input.toString()} ${typeof init?.body === 'string' ? init.body : ''}`.trim());
      return emulator.fetch(input, init);
    },
  });
  return { calls, groups: groupQueries(http), queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }) };
}

describe('groupQueries', () => {
  it('searches groups by part of their name and gives their member counts', async () => {
    const { calls, groups, queryClient } = setup();
    const found = await queryClient.query(groups.search({ text: ' support ', pageSize: 10 }));
    expect(found.results?.map((g) => g.name)).toEqual(expect.arrayContaining(['Tier 1 Support', 'Tier 2 Support']));
    expect(found.results?.every((g) => typeof g.memberCount === 'number')).toBe(true);
    expect(calls[0]).toContain('POST http://emulator.test/api/v2/groups/search');
    expect(calls[0]).toContain('"query":[{"type":"CONTAINS","fields":["name"],"value":"support"}]');
  });

  it('answers a search that matches nothing without results, as Genesys does', async () => {
    const { groups, queryClient } = setup();
    const found = await queryClient.query(groups.search({ text: 'no such group', pageSize: 10 }));
    expect(found.total).toBe(0);
    expect(found.results).toBeUndefined();
  });

  it('reads one group by id', async () => {
    const { groups, queryClient } = setup('supervisor@example.com');
    const group = await queryClient.query(groups.detail(SUPERVISORS));
    expect(group.name).toBe('Supervisors');
    expect(group.memberCount).toBeGreaterThan(0);
  });

  it('keys every query under the factory root, so one invalidation reaches them all', () => {
    const { groups } = setup();
    expect(groups.search({ text: 'a', pageSize: 5 }).queryKey.slice(0, 1)).toEqual(groupKeys.all);
    expect(groups.detail('x').queryKey.slice(0, 1)).toEqual(groupKeys.all);
  });
});
