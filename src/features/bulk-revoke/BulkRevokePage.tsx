import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useCapability } from '../../auth/capabilities.ts';
import { useActor } from '../../auth/identity.ts';
import { useJobs, useRunsVersion } from '../../jobs/context.ts';
import type { Run } from '../../jobs/jobs.ts';
import { paths } from '../../paths.ts';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { PermissionNotice } from '../../ui/PermissionNotice.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Section } from '../../ui/Section.tsx';
import classes from './bulk.module.css';
import { NewRun } from './NewRun.tsx';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const STATUS: Record<Run['status'], { label: string; color: string }> = {
  running: { label: 'Running', color: 'blue' },
  paused: { label: 'Paused', color: 'yellow' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  finished: { label: 'Finished', color: 'teal' },
};

export function BulkRevokePage() {
  const revoke = useCapability('revokeTokens');
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Bulk revoke</Title>
        <Text c="dimmed">Revoke the tokens of many users at once: from a list, a file, groups or the Users page, at Genesys Cloud&apos;s pace.</Text>
      </div>
      {!revoke.known && <PendingNotice what="your permissions" />}
      {revoke.known && !revoke.allowed && <PermissionNotice permission={revoke.permission} action={revoke.action} />}
      {revoke.allowed && <NewRun />}
      <PastRuns />
    </Stack>
  );
}

/** This browser's runs in this organisation, newest first, each with its report. */
function PastRuns() {
  const jobs = useJobs();
  const actor = useActor();
  const version = useRunsVersion();
  const orgId = actor.organization?.id;
  const runs = useQuery({
    queryKey: ['runs', 'list', orgId, version],
    queryFn: () => jobs.runs(orgId ?? ''),
    enabled: orgId !== undefined,
    placeholderData: (previous) => previous,
  });
  if (!orgId) return null;
  return (
    <Section title="Runs from this browser">
      <QueryState query={runs} what="this browser's runs" errorTitle="Couldn't read this browser's runs" skeleton={80}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">None yet. A run is kept here, with its report, after it ends.</Text>
          ) : (
            // A plain table: Mantine's Table carries its ScrollArea, and a positioning library with it.
            <div className={classes.wide}>
              <table className={classes.runs} aria-label="Runs from this browser">
                <thead>
                  <tr>
                    <th>Started</th>
                    <th>Reason</th>
                    <th>Users</th>
                    <th>By</th>
                    <th>State</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((run) => (
                    <tr key={run.id}>
                      <td>
                        <Anchor component={Link} to={paths.bulkRun.href(run.id)} size="sm">
                          {time.format(Date.parse(run.createdAt))}
                        </Anchor>
                      </td>
                      <td>{run.reason ?? '—'}</td>
                      <td>{run.total}</td>
                      <td>{run.actor.name ?? run.actor.email ?? run.actor.id}</td>
                      <td>
                        <Badge variant="light" color={STATUS[run.status].color}>
                          {STATUS[run.status].label}
                        </Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </Section>
  );
}
