import { isApiError, isCancelled } from './http.ts';

/** What the admin can do about an error, by its HTTP status. */
export function nextStepFor(error: unknown): string {
  if (isCancelled(error)) return error.nothingChanged ? 'Nothing was sent to Genesys Cloud.' : 'Check the result before you try again.';
  if (!isApiError(error)) return 'Try again. If it keeps happening, reload the page.';
  const { status } = error;
  if (error.code === 'unexpected.response') {
    return 'Try again in a moment. If it keeps happening, a proxy or gateway between you and Genesys Cloud may be answering instead of it: contact whoever runs your network, and quote the correlation id if there is one.';
  }
  if (status === 0 && error.outcomeUnknown) {
    return 'Genesys Cloud may or may not have carried it out. Check the result (reload the page) before you try again.';
  }
  if (status === 0 && error.code === 'request.timeout') return 'Genesys Cloud may be slow right now. Try again in a moment.';
  if (status === 0) return 'Check your network connection or VPN, then try again.';
  if (status === 400) return 'Check the values you entered and try again.';
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'Ask a Genesys Cloud administrator to give your role the permission it names.';
  if (status === 404) return 'It may have been deleted or the id may be wrong. Check it and try again.';
  if (status === 429) {
    const wait = error.retryAfterSeconds;
    return `Genesys Cloud is limiting requests. Wait ${wait ? `${wait} seconds` : 'a minute'} and try again.`;
  }
  if (status >= 500) {
    return 'Genesys Cloud had a problem. Try again in a moment; if it keeps happening, contact Genesys Cloud support and quote the correlation id.';
  }
  return 'Try again. If it keeps happening, contact Genesys Cloud support.';
}

/** Two failures with one cause (Genesys unreachable, both rate limited): shown once, retried together. */
export function sameCause(a: unknown, b: unknown): boolean {
  if (!isApiError(a) || !isApiError(b)) return false;
  if (a.status === 0 && b.status === 0) return true;
  return a.status === b.status && a.code === b.code && (a.status >= 500 || a.status === 429);
}

/** The missing permission a 403 names, e.g. "oauth:token:delete", if it names one. */
export function missingPermission(error: unknown): string | undefined {
  if (!isApiError(error) || error.status !== 403) return undefined;
  return /\b([a-z*]+:[a-z*]+:[a-z*]+)\b/i.exec(error.message)?.[1];
}
