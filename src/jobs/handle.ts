import type { Jobs, JobsOptions } from './jobs.ts';

/**
 * The app's Jobs, loaded on first use rather than with the first page: most visits run nothing
 * in bulk, and the shell only hands it the admin once Genesys has said who they are.
 */
export class JobsHandle {
  private loading: Promise<Jobs> | undefined;
  /** Once loaded. */
  current: Jobs | undefined;

  constructor(private readonly options: JobsOptions) {}

  ready(): Promise<Jobs> {
    if (!this.loading) {
      const loading: Promise<Jobs> & { status?: string; value?: Jobs } = import('./jobs.ts').then(({ Jobs }) => {
        this.current = new Jobs(this.options);
        // Marked as React's use() marks a settled promise, so a page that reads it later does not suspend.
        loading.status = 'fulfilled';
        loading.value = this.current;
        return this.current;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  /** The session ended: stops this tab's runs, if any were ever loaded. */
  detach(): void {
    this.current?.detach();
  }

  close(): void {
    this.current?.close();
  }
}
