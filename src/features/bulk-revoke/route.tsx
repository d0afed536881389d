import '../../ui/styles/pages.ts';
import './styles.ts';
import { Suspense } from 'react';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { BulkRevokePage } from './BulkRevokePage.tsx';

/** Loaded when /bulk-revoke is first visited. */
export function Component() {
  return (
    <Suspense fallback={<PendingNotice what="the bulk revoke page" />}>
      <BulkRevokePage />
    </Suspense>
  );
}
