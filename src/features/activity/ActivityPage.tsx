import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { IconDownload, IconInfoCircle, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useIdentity } from '../../auth/identity.ts';
import { journalMutations, journalQueries, useJournal } from '../../journal/hooks.ts';
import type { JournalEntry, ResultFilter } from '../../journal/types.ts';
import { paths } from '../../paths.ts';
import { BusyButton } from '../../ui/BusyButton.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { downloadFile } from '../../ui/csv.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import lists from '../../ui/lists.module.css';
import classes from './activity.module.css';
import { exportFileName, journalToCsv, journalToJson } from './journalExport.ts';

const ACTION_LABELS: Record<JournalEntry['action'], string> = {
  'revoke-user-tokens': 'Revoke tokens',
  'change-idle-timeout': 'Idle timeout',
  'sign-out': 'Sign-out',
  'bulk-revoke': 'Bulk revoke',
};

export function ActivityPage() {
  const { token } = useIdentity();
  const org = token.data?.organization;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Activity</Title>
        <Text c="dimmed">What Token Admin changed from this browser{org?.name ? ` in ${org.name}` : ''}.</Text>
      </div>
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="Only this browser's record" role="note">
        This list is kept in this browser only (it survives reloads and signing out, and holds no tokens). It is not the
        organisation&apos;s audit log: changes made elsewhere, by other admins or in other browsers, are not here. Genesys Cloud&apos;s
        audit viewer has the full record.
      </Alert>
      {token.isPending && <PendingNotice what="which organisation you are in" />}
      {token.isError && <Text size="sm">The activity of an organisation shows once Genesys Cloud says which organisation you are in.</Text>}
      {org?.id && <Journal orgId={org.id} orgName={org.name} />}
      <Journal orgId="" orgName={undefined} unknownOrg />
    </Stack>
  );
}

/**
 * One organisation's entries, newest first, a page at a time: the record may hold 100,000
 * entries, and only what is shown is read. Entries recorded before Genesys said which
 * organisation the token worked in (`unknownOrg`) are listed apart, when there are any.
 */
function Journal({ orgId, orgName, unknownOrg = false }: { orgId: string; orgName: string | undefined; unknownOrg?: boolean }) {
  const journal = useJournal();
  const queries = journalQueries(journal);
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const [result, setResult] = useState<ResultFilter>('all');
  const filter = { text: debounced.trim(), result };
  const count = useQuery(queries.count(orgId));
  // A new filter keeps the list (and the focus in the filter) until its own page is read.
  const pages = useInfiniteQuery({ ...queries.pages(orgId, filter), placeholderData: keepPreviousData });
  const [exporting, setExporting] = useState<'csv' | 'json' | undefined>(undefined);
  const [exportError, setExportError] = useState<unknown>(undefined);

  if (unknownOrg && !count.data) return null;
  if (count.isPending || pages.isPending) return <Skeleton height={200} radius="md" aria-hidden />;
  if (count.isError || pages.isError) {
    return (
      <ErrorAlert
        title="Couldn't read this browser's activity"
        error={count.error ?? pages.error}
        onRetry={() => void Promise.all([count.refetch(), pages.refetch()])}
        retrying={count.isFetching || pages.isFetching}
      />
    );
  }

  const total = count.data;
  const shown = pages.data.pages.flatMap((page) => page.entries);
  const filtered = filter.text !== '' || result !== 'all';
  const exportAs = async (kind: 'csv' | 'json') => {
    setExportError(undefined);
    setExporting(kind);
    try {
      const now = new Date();
      // What the box says now, even if the list has not caught up with the last keystroke.
      const entries = await journal.all(orgId, { text: text.trim(), result });
      const contents = kind === 'csv' ? await journalToCsv(entries) : journalToJson(entries, now);
      downloadFile(contents, kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', exportFileName(orgName, now, kind));
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(undefined);
    }
  };

  if (total === 0 && !unknownOrg) {
    return (
      <Text>
        Nothing yet. Revoking a user&apos;s tokens, changing the idle timeout or signing out is recorded here.{' '}
        <Anchor component={Link} to={paths.users.href()} underline="always">
          Find a user
        </Anchor>
      </Text>
    );
  }

  return (
    <Stack gap="md" component="section" aria-label={unknownOrg ? 'Recorded without an organisation' : 'Entries'}>
      {unknownOrg && (
        <div>
          <Title order={2} size="h4">
            Recorded without an organisation
          </Title>
          <Text size="sm" c="dimmed">
            Changes made while Genesys Cloud had not yet said which organisation the token worked in.
          </Text>
        </div>
      )}
      {!unknownOrg && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Filter activity"
            placeholder="Name, email, id, reason or correlation id"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            type="search"
            className={classes.filter}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="result-filter-label">
              Result
            </Text>
            <SegmentedControl
              aria-labelledby="result-filter-label"
              value={result}
              onChange={setResult}
              data={[
                { value: 'all', label: 'All' },
                { value: 'success', label: 'Succeeded' },
                { value: 'failure', label: 'Failed' },
              ]}
            />
          </Stack>
        </Group>
      )}

      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" role="status" aria-live="polite">
          {filtered
            ? `${shown.length}${pages.hasNextPage ? '+' : ''} matching ${shown.length === 1 && !pages.hasNextPage ? 'entry' : 'entries'} of ${total}`
            : `${total} ${total === 1 ? 'entry' : 'entries'}${pages.hasNextPage ? `, newest ${shown.length} shown` : ''}`}
        </Text>
        <Group gap="xs" wrap="wrap">
          <BusyButton
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
            busy={exporting === 'csv'}
            onClick={() => void exportAs('csv')}
            disabled={shown.length === 0}
          >
            Export CSV
          </BusyButton>
          <BusyButton
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
            busy={exporting === 'json'}
            onClick={() => void exportAs('json')}
            disabled={shown.length === 0}
          >
            Export JSON
          </BusyButton>
          <ClearJournal orgId={orgId} orgName={orgName} count={total} />
        </Group>
      </Group>
      {filtered && shown.length > 0 && (
        <Text size="xs" c="dimmed">
          The exports hold every matching entry, not only those shown.
        </Text>
      )}
      {exportError !== undefined && <ErrorAlert title="Couldn't export" error={exportError} />}

      {shown.length === 0 ? (
        <Text>{pages.hasNextPage ? 'No match among the entries read so far.' : 'No entry matches the filter.'}</Text>
      ) : (
        <ul className={lists.rows} aria-label="Activity entries">
          {shown.map((entry) => (
            <EntryRow key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      {pages.hasNextPage && (
        <Group justify="center">
          <BusyButton variant="default" busy={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            Show older entries
          </BusyButton>
        </Group>
      )}
    </Stack>
  );
}

function EntryRow({ entry }: { entry: JournalEntry }) {
  const target = entry.target;
  return (
    <li className={lists.row}>
      <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
        <div className={classes.grow}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={entry.result === 'success' ? 'teal' : 'red'}>
              {entry.result === 'success' ? 'Succeeded' : 'Failed'}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {ACTION_LABELS[entry.action]}
            </Badge>
            <Text fw={600} size="sm">
              {entry.summary}
            </Text>
          </Group>
          {target?.id && (
            <Text size="sm" mt={4} className={lists.wrapAnywhere}>
              User:{' '}
              <Anchor component={Link} to={paths.user.href(target.id)} size="sm" underline="always">
                {target.name ?? target.id}
              </Anchor>
              {target.email ? ` · ${target.email}` : ''}
            </Text>
          )}
          {entry.run && (
            <Text size="sm" mt={4} className={lists.wrapAnywhere}>
              {entry.run.reason ? `Reason: ${entry.run.reason} · ` : ''}
              <Anchor component={Link} to={paths.bulkRun.href(entry.run.id)} size="sm" underline="always">
                Open the run and its report
              </Anchor>
            </Text>
          )}
          {entry.error && (
            <Text size="sm" c="red" mt={4}>
              {entry.error}
            </Text>
          )}
        </div>
        <Text size="sm" c="dimmed">
          <RelativeTime value={entry.at} />
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mt={4} className={lists.wrapAnywhere}>
        By {entry.actor.name ?? entry.actor.email ?? entry.actor.id ?? 'unknown'} in {entry.organization.name ?? (entry.organization.id || 'an organisation not known')}
        {entry.correlationId ? ' · Correlation id ' : ''}
        {entry.correlationId && <code>{entry.correlationId}</code>}
        {entry.correlationId && <CopyButton value={entry.correlationId} label="correlation id" />}
      </Text>
    </li>
  );
}

function ClearJournal({ orgId, orgName, count }: { orgId: string; orgName: string | undefined; count: number }) {
  const journal = useJournal();
  const [opened, { open, close }] = useDisclosure(false);
  const clear = useMutation(journalMutations(journal).clear(orgId));
  return (
    <>
      <Button variant="light" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={open}>
        Clear
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={() => {
          clear.reset();
          close();
        }}
        title="Clear this browser's activity?"
        confirmLabel="Clear activity"
        onConfirm={() => clear.mutateAsync().then(close)}
        failure={clear.isError && <ErrorAlert title="Couldn't clear the activity" error={clear.error} />}
      >
        <Text size="sm">
          All {count} {count === 1 ? 'entry' : 'entries'} for {orgName ?? 'this organisation'} are deleted from this browser. Nothing
          changes in Genesys Cloud, and its audit log keeps its own record. Export first if you may need them.
        </Text>
      </ConfirmDialog>
    </>
  );
}
