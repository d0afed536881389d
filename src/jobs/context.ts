import { createContext, use, useContext, useSyncExternalStore } from 'react';
import type { JobsHandle } from './handle.ts';
import type { Jobs, RunProgress } from './jobs.ts';

/** The app's Jobs, for pages: the only React in jobs/. */
export const JobsContext = createContext<JobsHandle | undefined>(undefined);

export function useJobsHandle(): JobsHandle {
  const handle = useContext(JobsContext);
  if (!handle) throw new Error('useJobs() needs the app instance (JobsContext) above it');
  return handle;
}

/** Suspends until the Jobs code has loaded (the first time only): put a Suspense boundary around its users. */
export function useJobs(): Jobs {
  return use(useJobsHandle().ready());
}

/** A run's live counts and who runs it, in this tab or another. */
export function useRunProgress(runId: string): RunProgress | undefined {
  const jobs = useJobs();
  return useSyncExternalStore(
    (listener) => jobs.subscribe((changed) => (changed === runId || changed === undefined ? listener() : undefined)),
    () => jobs.progressOf(runId),
  );
}

/** Counts up whenever any run changes, so queries over runs can be refreshed. */
export function useRunsVersion(): number {
  const jobs = useJobs();
  return useSyncExternalStore(jobs.subscribe.bind(jobs), () => jobs.version);
}
