import { Alert, Anchor, Badge, Button, Group, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowLeft, IconDownload, IconInfoCircle, IconPlayerPause, IconPlayerPlay, IconRefresh, IconSquareX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useActor } from '../../auth/identity.ts';
import { useJobs, useRunProgress, useRunsVersion } from '../../jobs/context.ts';
import { emptyCounts, type RowState, type Run, type RunRow } from '../../jobs/jobs.ts';
import { paths } from '../../paths.ts';
import { BusyButton } from '../../ui/BusyButton.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { downloadFile } from '../../ui/csv.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Section } from '../../ui/Section.tsx';
import classes from './bulk.module.css';
import { RESULT_WORDS, reportCsv, reportFileName, reportJson } from './report.ts';
import { RowsTable, type Column } from './RowsTable.tsx';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

const STATE_COLOURS: Record<RowState, string> = {
  pending: 'gray',
  'in-flight': 'blue',
  revoked: 'teal',
  failed: 'red',
  'not-confirmed': 'orange',
  cancelled: 'gray',
  skipped: 'gray',
};

const ROW_COLUMNS: readonly Column<RunRow>[] = [
  { header: 'Entry', width: 'minmax(140px, 2fr)', cell: (row) => row.entry },
  {
    header: 'User',
    width: 'minmax(140px, 2fr)',
    cell: (row) =>
      row.userId ? (
        <>
          <Anchor component={Link} to={paths.user.href(row.userId)} size="sm" fw={600}>
            {row.name ?? row.userId}
          </Anchor>
          {row.email && <Text size="xs" c="dimmed">{row.email}</Text>}
        </>
      ) : (
        '—'
      ),
  },
  {
    header: 'Result',
    width: 'minmax(180px, 3fr)',
    cell: (row) => (
      <>
        <Badge variant="light" color={STATE_COLOURS[row.state]} tt="none">
          {RESULT_WORDS[row.state]}
        </Badge>
        {row.reason && <Text size="xs" c="dimmed">{row.reason}</Text>}
      </>
    ),
  },
  { header: 'Time', width: '90px', cell: (row) => (row.at ? clock.format(Date.parse(row.at)) : '') },
];

type RowFilter = 'all' | 'revoked' | 'failed' | 'not-confirmed' | 'waiting' | 'other';

const matches = (row: RunRow, filter: RowFilter) => {
  if (filter === 'all') return true;
  if (filter === 'waiting') return row.state === 'pending' || row.state === 'in-flight';
  if (filter === 'other') return row.state === 'skipped' || row.state === 'cancelled';
  return row.state === filter;
};

export function RunPage({ runId }: { runId: string }) {
  const jobs = useJobs();
  const version = useRunsVersion();
  // Read again as the run moves on; the table at most once a second, however fast the answers.
  const run = useQuery({ queryKey: ['runs', runId, 'run', version], queryFn: async () => (await jobs.run(runId)) ?? null, placeholderData: (previous) => previous });
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.bulkRevoke.href()} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          Bulk revoke
        </Group>
      </Anchor>
      <QueryState query={run} what="the run" errorTitle="Couldn't read this run from this browser">
        {(found) =>
          found ? (
            <RunView run={found} />
          ) : (
            <>
              <Title order={1}>No such run</Title>
              <Text>This browser has no bulk revocation with this address. Runs are kept in the browser that ran them.</Text>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}

function RunView({ run }: { run: Run }) {
  const jobs = useJobs();
  const actor = useActor();
  const progress = useRunProgress(run.id);
  const [filter, setFilter] = useState<RowFilter>('all');
  const [confirm, setConfirm] = useState<'cancel' | 'failed' | 'not-confirmed' | undefined>(undefined);
  const [exportError, setExportError] = useState<unknown>(undefined);
  // Read again as the counts move (at most a few times a second).
  const rows = useQuery({
    queryKey: ['runs', run.id, 'rows', progress?.counts ?? run.status],
    queryFn: () => jobs.rows(run.id),
    placeholderData: (previous) => previous,
  });
  const stored = useQuery({ queryKey: ['runs', run.id, 'counts', run.status, run.recorded], queryFn: () => jobs.counts(run.id) });
  const counts = progress?.counts ?? stored.data ?? emptyCounts();
  const status = progress?.status ?? run.status;
  const mine = actor.id === run.actor.id;
  const waiting = counts.pending + counts['in-flight'];
  const settled = counts.revoked + counts.failed + counts['not-confirmed'] + counts.cancelled;
  const perMinute = progress?.perMinute ?? 0;
  const minutesLeft = waiting > 0 && perMinute > 0 ? Math.ceil(waiting / perMinute) : undefined;
  const running = status === 'running';
  const ended = status === 'finished' || status === 'cancelled';
  const percent = (value: number) => (run.total > 0 ? (value / run.total) * 100 : 0);

  const download = async (kind: 'csv' | 'json') => {
    setExportError(undefined);
    try {
      const all = await jobs.rows(run.id);
      const contents = kind === 'csv' ? await reportCsv(all) : reportJson(run, counts, all, new Date());
      downloadFile(contents, kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', reportFileName(run, kind));
    } catch (error) {
      setExportError(error);
    }
  };

  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm">
          <Title order={1}>Bulk revocation</Title>
          <Badge size="lg" variant="light" color={running ? 'blue' : status === 'finished' ? 'teal' : 'gray'}>
            {running ? 'Running' : status === 'paused' ? 'Paused' : status === 'cancelled' ? 'Cancelled' : 'Finished'}
          </Badge>
        </Group>
        <Text c="dimmed">
          {run.reason ? `${run.reason} · ` : ''}Started {time.format(Date.parse(run.createdAt))} by {run.actor.name ?? run.actor.email ?? run.actor.id}
          {run.finishedAt ? ` · ended ${time.format(Date.parse(run.finishedAt))}` : ''}
        </Text>
      </div>

      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="Your action, your activity" role="note">
        Every request of this run is made with your token, so it counts as your activity at Genesys Cloud: your session does not idle out
        while it runs. It paces itself to Genesys Cloud&apos;s limit of 300 requests a minute, leaving room for your other pages.
      </Alert>

      {progress?.holder === 'elsewhere' && (
        <Alert color="gray" variant="light" title="Running in another tab" role="status">
          Another tab of this browser sends this run&apos;s requests
          {progress.holderSince ? ` (a tab opened at ${clock.format(progress.holderSince)})` : ''}; its progress shows here as it goes. If
          that tab closes, this one carries on.
        </Alert>
      )}
      {!mine && (
        <Alert color="gray" variant="light" title="Another admin's run" role="note">
          {run.actor.name ?? run.actor.email ?? 'Another admin'} started this run in this browser; only they can carry it on.
        </Alert>
      )}
      {jobs.lastError !== undefined && <ErrorAlert title="This browser could not store the run's progress" error={jobs.lastError} />}

      <Section title="Progress">
        <Progress.Root size="xl" aria-label={`${settled} of ${run.total} done`}>
          <Progress.Section value={percent(counts.revoked)} color="teal" aria-label={`Revoked: ${counts.revoked}`} />
          <Progress.Section value={percent(counts.failed)} color="red" aria-label={`Failed: ${counts.failed}`} />
          <Progress.Section value={percent(counts['not-confirmed'])} color="orange" aria-label={`Not confirmed: ${counts['not-confirmed']}`} />
          <Progress.Section value={percent(counts.cancelled)} color="gray" aria-label={`Cancelled: ${counts.cancelled}`} />
        </Progress.Root>
        <div className={classes.counts} role="status" aria-live="polite" aria-label="Counts">
          {(
            [
              ['Revoked', counts.revoked],
              ['Failed', counts.failed],
              ['Not confirmed', counts['not-confirmed']],
              ['Waiting', waiting],
              ['Cancelled', counts.cancelled],
              ['Skipped', counts.skipped],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className={classes.count}>
              <Text size="xs" c="dimmed" fw={600}>
                {label}
              </Text>
              <Text size="xl" fw={700}>
                {value}
              </Text>
            </div>
          ))}
        </div>
        <Text size="sm">
          {settled} of {run.total} done
          {running && perMinute > 0 ? ` · ${perMinute} a minute` : ''}
          {running && minutesLeft !== undefined ? ` · about ${minutesLeft} ${minutesLeft === 1 ? 'minute' : 'minutes'} left` : ''}
          {status === 'paused' ? ' · paused: nothing is sent until you resume' : ''}
        </Text>
        {mine && (
          <Group gap="sm">
            {running && (
              <Button variant="default" leftSection={<IconPlayerPause size={16} aria-hidden />} onClick={() => jobs.pause(run.id)}>
                Pause
              </Button>
            )}
            {status === 'paused' && (
              <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => void jobs.resume(run.id)}>
                Resume
              </Button>
            )}
            {(running || status === 'paused') && (
              <Button variant="light" color="red" leftSection={<IconSquareX size={16} aria-hidden />} onClick={() => setConfirm('cancel')}>
                Cancel the run
              </Button>
            )}
            {ended && counts.failed > 0 && (
              <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setConfirm('failed')}>
                Retry failed ({counts.failed})
              </Button>
            )}
            {ended && counts['not-confirmed'] > 0 && (
              <Button variant="light" color="orange" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setConfirm('not-confirmed')}>
                Send not confirmed again ({counts['not-confirmed']})
              </Button>
            )}
          </Group>
        )}
      </Section>

      <Section title="Every entry">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="row-filter-label">
              Show
            </Text>
            <SegmentedControl
              aria-labelledby="row-filter-label"
              value={filter}
              onChange={setFilter}
              data={[
                { value: 'all', label: 'All' },
                { value: 'revoked', label: 'Revoked' },
                { value: 'failed', label: 'Failed' },
                { value: 'not-confirmed', label: 'Not confirmed' },
                { value: 'waiting', label: 'Waiting' },
                { value: 'other', label: 'Skipped' },
              ]}
            />
          </Stack>
          <Group gap="xs">
            <BusyButton variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} busy={false} onClick={() => void download('csv')}>
              Report (CSV)
            </BusyButton>
            <BusyButton variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} busy={false} onClick={() => void download('json')}>
              Report (JSON)
            </BusyButton>
          </Group>
        </Group>
        {exportError !== undefined && <ErrorAlert title="Couldn't make the report" error={exportError} />}
        <QueryState query={rows} what="the run's rows" errorTitle="Couldn't read the run's rows">
          {(all) => (
            <RowsTable
              label="Entries of this run"
              rows={all.filter((row) => matches(row, filter))}
              columns={ROW_COLUMNS}
              rowKey={(row) => String(row.index)}
              empty="No entry with this result."
            />
          )}
        </QueryState>
      </Section>

      <ConfirmDialog
        opened={confirm === 'cancel'}
        onClose={() => setConfirm(undefined)}
        title="Cancel this run?"
        confirmLabel="Cancel the run"
        onConfirm={() => {
          jobs.cancel(run.id);
          setConfirm(undefined);
          return Promise.resolve();
        }}
      >
        <Text size="sm">
          Nothing more is sent. Requests already on their way finish and are recorded; the {waiting} users still waiting keep their tokens.
          Users already revoked stay revoked.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirm === 'failed' || confirm === 'not-confirmed'}
        onClose={() => setConfirm(undefined)}
        title={confirm === 'failed' ? `Send the ${counts.failed} failed again?` : `Send the ${counts['not-confirmed']} not confirmed again?`}
        confirmLabel="Send again"
        onConfirm={async () => {
          await jobs.again(run.id, [confirm === 'failed' ? 'failed' : 'not-confirmed']);
          setConfirm(undefined);
        }}
      >
        <Text size="sm">
          {confirm === 'failed'
            ? 'Each failed user is sent once more, at the same pace. Users not found or not allowed will most likely fail again.'
            : 'Genesys Cloud may already have revoked these users: sending again revokes whatever tokens they have now, including any from signing in since.'}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
