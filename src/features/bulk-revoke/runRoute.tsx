import '../../ui/styles/pages.ts';
import './styles.ts';
import { Suspense } from 'react';
import { useParams } from 'react-router';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { RunPage } from './RunView.tsx';

/** Loaded when a run's page (/bulk-revoke/runs/:runId) is first visited. */
export function Component() {
  const { runId = '' } = useParams();
  return (
    <Suspense fallback={<PendingNotice what="the run" />}>
      <RunPage runId={runId} />
    </Suspense>
  );
}
