import { useEffect } from 'react';
import { useActor } from '../auth/identity.ts';
import { useSessionControl } from '../auth/sessionControl.ts';
import { useJobsHandle } from '../jobs/context.ts';
import type { RowCounts, Run } from '../jobs/jobs.ts';
import { useJournal } from '../journal/hooks.ts';

/** "Revoked the tokens of 998 users; 2 failed": a run's Activity entry, in one line. */
export function runSummary(run: Run, counts: RowCounts): string {
  const parts = [`Bulk revoke${run.reason ? ` (${run.reason})` : ''}: revoked the tokens of ${counts.revoked} of ${run.total} users`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts['not-confirmed']) parts.push(`${counts['not-confirmed']} not confirmed`);
  if (counts.cancelled) parts.push(`${counts.cancelled} cancelled`);
  return parts.join('; ');
}

/**
 * Hands the signed-in admin to the app's Jobs once Genesys has said who they are and where:
 * their interrupted runs carry on (in this tab or another), and each run's end is recorded.
 */
export function JobsOwner() {
  const handle = useJobsHandle();
  const journal = useJournal();
  const control = useSessionControl();
  const actor = useActor();
  const orgId = actor.organization?.id;
  const actorId = actor.id;
  useEffect(() => {
    if (!actorId || !orgId) return;
    // Loaded now, after the page: an interrupted run of this admin carries on.
    void handle.ready().then((jobs) => jobs.attach(
      { actorId, orgId },
      {
        record: async (run, counts) => {
          await journal.record({
            actor: { ...run.actor, organization: { id: run.orgId, name: run.orgName } },
            action: 'bulk-revoke',
            summary: runSummary(run, counts),
            run: { id: run.id, reason: run.reason, revoked: counts.revoked, failed: counts.failed, notConfirmed: counts['not-confirmed'], skipped: counts.skipped },
            result: counts.failed > 0 || counts['not-confirmed'] > 0 || run.status === 'cancelled' ? 'failure' : 'success',
          });
        },
        onSelfRevoked: () => control.ended('self-revoked'),
        onUnauthorized: () => control.ended(),
      },
    ));
  }, [handle, journal, control, actorId, orgId]);
  return null;
}
