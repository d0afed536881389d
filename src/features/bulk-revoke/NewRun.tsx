import { Alert, Badge, Button, Checkbox, Group, List, Progress, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconKeyOff, IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCapability } from '../../auth/capabilities.ts';
import { useActor } from '../../auth/identity.ts';
import { useJobs } from '../../jobs/context.ts';
import type { Run } from '../../jobs/jobs.ts';
import { MAX_RETRIES } from '../../jobs/retry.ts';
import { paths } from '../../paths.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CorrelationId } from '../../ui/CorrelationId.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { PermissionNotice } from '../../ui/PermissionNotice.tsx';
import { Section } from '../../ui/Section.tsx';
import classes from './bulk.module.css';
import { ListInput } from './ListInput.tsx';
import { PLAN_LABELS, countPlan, estimateMinutes, runRowsOf, type PlanRow, type PlanStatus } from './plan.ts';
import { RowsTable, type Column } from './RowsTable.tsx';
import { useBulkPlan } from './useBulkPlan.ts';

const REASON_MAX = 200;

const PLAN_COLUMNS: readonly Column<PlanRow>[] = [
  { header: 'Entry', width: 'minmax(140px, 2fr)', cell: (row) => row.entry },
  { header: 'From', width: 'minmax(90px, 1fr)', cell: (row) => row.from },
  {
    header: 'User',
    width: 'minmax(140px, 2fr)',
    cell: (row) =>
      row.user ? (
        <>
          <Text size="sm" fw={600} span>
            {row.user.name ?? row.user.id}
          </Text>
          {row.user.email && <Text size="xs" c="dimmed">{row.user.email}</Text>}
        </>
      ) : (
        '—'
      ),
  },
  { header: 'State', width: '80px', cell: (row) => row.user?.state ?? '' },
  {
    header: 'Outcome',
    width: 'minmax(160px, 2fr)',
    cell: (row) => (
      <>
        <Badge variant="light" color={row.status === 'revoke' ? 'blue' : row.status === 'self' ? 'orange' : 'gray'} tt="none">
          {PLAN_LABELS[row.status]}
        </Badge>
        {row.reason && (
          <Text size="xs" c="dimmed">
            {row.reason}
          </Text>
        )}
        {row.correlationId && <CorrelationId id={row.correlationId} />}
      </>
    ),
  },
];

type PlanFilter = 'all' | 'revoke' | 'problems';

/** Putting a run together: who, the preview of what Genesys said about each entry, and the confirmation. */
export function NewRun() {
  const plan = useBulkPlan();
  const viewUsers = useCapability('viewUsers');
  const { phase } = plan;
  return (
    <Section title="New bulk revocation">
      {phase.kind === 'preview' ? (
        <PreviewStep plan={plan} rows={phase.plan} />
      ) : (
        <Stack gap="md">
          {viewUsers.known && !viewUsers.allowed && (
            <PermissionNotice permission={viewUsers.permission} action="look users up">
              <Text size="sm" mt="xs">
                Token Admin looks every entry up before revoking, to show you who it names: without this permission it cannot.
              </Text>
            </PermissionNotice>
          )}
          <ListInput plan={plan} />
          <TextInput
            label="Reason (optional)"
            description="An incident or ticket number: it goes into Activity and the report."
            placeholder="e.g. INC-20431, leaked vendor credential"
            maxLength={REASON_MAX}
            value={plan.reason}
            onChange={(event) => plan.setReason(event.currentTarget.value)}
            maw={520}
          />
          {plan.problem !== undefined && <ErrorAlert title="Couldn't check the list" error={plan.problem} />}
          {phase.kind === 'checking' ? (
            <Stack gap="xs">
              <Group gap="sm">
                <Text size="sm" role="status">
                  Looking the users up in Genesys Cloud{phase.total > 0 ? `: ${phase.done} of ${phase.total} requests` : '…'}
                </Text>
                <Button size="xs" variant="default" onClick={plan.stopChecking}>
                  Stop
                </Button>
              </Group>
              {phase.total > 0 && <Progress value={(phase.done / phase.total) * 100} aria-label="Looking the users up" />}
              <PendingNotice what="the users" />
            </Stack>
          ) : (
            <Group>
              <Button leftSection={<IconListCheck size={16} aria-hidden />} disabled={!plan.hasInput || !viewUsers.allowed} onClick={() => void plan.check()}>
                Check the list
              </Button>
              {!plan.hasInput && (
                <Text size="sm" c="dimmed">
                  Paste or upload a list, pick a group, or tick users on the Users page.
                </Text>
              )}
            </Group>
          )}
        </Stack>
      )}
    </Section>
  );
}

function PreviewStep({ plan, rows }: { plan: ReturnType<typeof useBulkPlan>; rows: PlanRow[] }) {
  const jobs = useJobs();
  const actor = useActor();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<PlanFilter>('all');
  const [includeSelf, setIncludeSelf] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const counts = countPlan(rows);
  const problems = rows.length - counts.revoke - counts.self;
  const total = counts.revoke + (includeSelf ? counts.self : 0);
  const shown = rows.filter((row) => filter === 'all' || (filter === 'revoke' ? row.status === 'revoke' || row.status === 'self' : row.status !== 'revoke' && row.status !== 'self'));

  const start = async () => {
    setFailure(undefined);
    const orgId = actor.organization?.id;
    if (!actor.id || !orgId) {
      const unknown = new Error('Genesys Cloud has not said yet who you are and in which organisation: nothing was sent. Try again in a moment.');
      setFailure(unknown);
      throw unknown;
    }
    const run: Run = {
      id: crypto.randomUUID(),
      orgId,
      orgName: actor.organization?.name,
      actor: { id: actor.id, name: actor.name, email: actor.email },
      reason: plan.reason.trim() || undefined,
      createdAt: new Date().toISOString(),
      status: 'running',
      total,
      entries: rows.length,
      includesSelf: includeSelf && counts.self > 0,
    };
    try {
      await jobs.create(run, runRowsOf(rows, run, includeSelf));
    } catch (error) {
      setFailure(error);
      throw error;
    }
    plan.started();
    setConfirming(false);
    void navigate(paths.bulkRun.href(run.id));
  };

  return (
    <Stack gap="md">
      <div className={classes.counts} role="group" aria-label="What Genesys Cloud found">
        {(Object.keys(counts) as PlanStatus[])
          .filter((status) => counts[status] > 0 || status === 'revoke')
          .map((status) => (
            <div key={status} className={classes.count}>
              <Text size="xs" c="dimmed" fw={600}>
                {PLAN_LABELS[status]}
              </Text>
              <Text size="xl" fw={700}>
                {counts[status]}
              </Text>
            </div>
          ))}
      </div>
      {counts.self > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="You are on this list" role="note">
          <Stack gap="xs">
            <Text size="sm">
              Revoking your own tokens ends this session and every other session you have. You are left out unless you include yourself;
              then you go last, once everyone else is done, and the page says your session has ended.
            </Text>
            <Checkbox label="Include me, last" checked={includeSelf} onChange={(event) => setIncludeSelf(event.currentTarget.checked)} />
          </Stack>
        </Alert>
      )}
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="plan-filter-label">
            Show
          </Text>
          <SegmentedControl
            aria-labelledby="plan-filter-label"
            value={filter}
            onChange={setFilter}
            data={[
              { value: 'all', label: `All (${rows.length})` },
              { value: 'revoke', label: `To revoke (${counts.revoke + counts.self})` },
              { value: 'problems', label: `Not revoked (${problems})` },
            ]}
          />
        </Stack>
      </Group>
      <RowsTable label="The list, checked" rows={shown} columns={PLAN_COLUMNS} rowKey={(row) => row.key} empty="Nothing to show with this filter." />
      <Group gap="sm">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={plan.backToEditing}>
          Change the list
        </Button>
        <Button color="red" leftSection={<IconKeyOff size={16} aria-hidden />} disabled={total === 0} onClick={() => setConfirming(true)}>
          {total === 0 ? 'Nobody to revoke' : `Revoke the tokens of ${total} ${total === 1 ? 'user' : 'users'}…`}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Revoke the tokens of ${total} ${total === 1 ? 'user' : 'users'}?`}
        confirmLabel={`Revoke ${total} ${total === 1 ? 'user' : 'users'}`}
        onConfirm={() => start()}
        acknowledge={total >= 10 ? `I understand: ${total} users are signed out everywhere` : undefined}
        failure={failure !== undefined && <ErrorAlert title="Couldn't start the run" error={failure} />}
      >
        <Text size="sm">What happens to each of them, as Token Admin reaches them:</Text>
        <List size="sm" spacing={2}>
          <List.Item>Every session and integration using their tokens stops working; they must sign in again.</List.Item>
          <List.Item>An agent on a call may be disconnected.</List.Item>
          <List.Item>
            It takes about {estimateMinutes(total)} {estimateMinutes(total) === 1 ? 'minute' : 'minutes'}: Genesys Cloud allows 300 requests a
            minute. You can pause or cancel; users already revoked stay revoked.
          </List.Item>
          <List.Item>
            A user Genesys Cloud answers with a server error is tried again, up to {MAX_RETRIES} times; one that gets no answer is marked “not
            confirmed” and sent again only if you ask.
          </List.Item>
          {includeSelf && counts.self > 0 && <List.Item>You go last: then your session ends.</List.Item>}
        </List>
        {plan.reason.trim() && <Text size="sm">Reason: {plan.reason.trim()}</Text>}
        {problems > 0 && (
          <Text size="sm" c="dimmed">
            {problems} {problems === 1 ? 'entry is' : 'entries are'} not revoked (not found, duplicates, not an email or id); the report lists
            them with their reasons.
          </Text>
        )}
      </ConfirmDialog>
    </Stack>
  );
}
