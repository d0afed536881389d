import { Alert, Anchor, Badge, Button, Group, Modal, SegmentedControl, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { IconDownload, IconInfoCircle, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useIdentity } from '../../auth/identity.ts';
import { clearJournal, useJournal, type JournalEntry } from '../../journal/journal.ts';
import { paths } from '../../paths.ts';
import { BusyButton } from '../../ui/BusyButton.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import lists from '../../ui/lists.module.css';
import classes from './activity.module.css';
import { exportFileName, filterJournal, journalToCsv, journalToJson, type ResultFilter } from './journalExport.ts';

const ACTION_LABELS: Record<JournalEntry['action'], string> = {
  'revoke-user-tokens': 'Revoke tokens',
  'change-idle-timeout': 'Idle timeout',
  'sign-out': 'Sign-out',
};

function download(contents: string, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

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
    </Stack>
  );
}

function Journal({ orgId, orgName }: { orgId: string; orgName: string | undefined }) {
  const journal = useJournal(orgId);
  const [text, setText] = useState('');
  const [result, setResult] = useState<ResultFilter>('all');
  const [exportError, setExportError] = useState<unknown>(undefined);

  if (journal.isPending) return <Skeleton height={200} radius="md" aria-hidden />;
  if (journal.isError) {
    return <ErrorAlert title="Couldn't read this browser's activity" error={journal.error} onRetry={() => void journal.refetch()} retrying={journal.isFetching} />;
  }

  const all = journal.data;
  const shown = filterJournal(all, text, result);
  const filtered = shown.length !== all.length;
  const exportAs = async (kind: 'csv' | 'json') => {
    setExportError(undefined);
    try {
      const now = new Date();
      const contents = kind === 'csv' ? await journalToCsv(shown) : journalToJson(shown, now);
      download(contents, kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', exportFileName(orgName, now, kind));
    } catch (error) {
      setExportError(error);
    }
  };

  if (all.length === 0) {
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
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Filter activity"
          placeholder="Name, email, id or correlation id"
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

      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" role="status" aria-live="polite">
          {filtered ? `${shown.length} of ${all.length} entries` : `${all.length} ${all.length === 1 ? 'entry' : 'entries'}`}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Button variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void exportAs('csv')} disabled={shown.length === 0}>
            Export CSV
          </Button>
          <Button variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void exportAs('json')} disabled={shown.length === 0}>
            Export JSON
          </Button>
          <ClearJournal orgId={orgId} orgName={orgName} count={all.length} />
        </Group>
      </Group>
      {filtered && shown.length > 0 && (
        <Text size="xs" c="dimmed">
          The exports hold the entries shown.
        </Text>
      )}
      {exportError !== undefined && <ErrorAlert title="Couldn't export" error={exportError} />}

      {shown.length === 0 ? (
        <Text>No entry matches the filter.</Text>
      ) : (
        <ul className={lists.rows} aria-label="Activity entries">
          {shown.map((entry) => (
            <EntryRow key={entry.id} entry={entry} />
          ))}
        </ul>
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
        By {entry.actor.name ?? entry.actor.email ?? entry.actor.id ?? 'unknown'} in {entry.organization.name ?? entry.organization.id}
        {entry.correlationId ? ' · Correlation id ' : ''}
        {entry.correlationId && <code>{entry.correlationId}</code>}
        {entry.correlationId && <CopyButton value={entry.correlationId} label="correlation id" />}
      </Text>
    </li>
  );
}

function ClearJournal({ orgId, orgName, count }: { orgId: string; orgName: string | undefined; count: number }) {
  const [opened, { open, close }] = useDisclosure(false);
  const clear = useMutation({ mutationFn: () => clearJournal(orgId), onSuccess: close });
  return (
    <>
      <Button variant="light" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={open}>
        Clear
      </Button>
      <Modal opened={opened} onClose={close} title="Clear this browser's activity?" centered closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack>
          <Text size="sm">
            All {count} {count === 1 ? 'entry' : 'entries'} for {orgName ?? 'this organisation'} are deleted from this browser. Nothing
            changes in Genesys Cloud, and its audit log keeps its own record. Export first if you may need them.
          </Text>
          {clear.isError && <ErrorAlert title="Couldn't clear the activity" error={clear.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <BusyButton color="red" onClick={() => clear.mutate()} busy={clear.isPending}>
              Clear activity
            </BusyButton>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
