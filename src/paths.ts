/**
 * The one route registry: `path` for the route table in app/, `href()` for links anywhere.
 * It sits below every layer so that any feature may link to any page.
 */

/** Why a session ended by itself, as the session-ended page explains it. */
export type SessionEndCause = 'expired' | 'idle' | 'revoked' | 'invalid' | 'self-revoked' | 'signed-out-elsewhere';

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  return query ? `${path}?${query}` : path;
}

/** A path of this origin as the router sees it: without the app's base path (`/tools/tokens/`). */
export function stripBase(path: string, basePath: string): string {
  const base = basePath.replace(/\/+$/, '');
  return base && path.startsWith(base) ? path.slice(base.length) || '/' : path;
}

export const paths = {
  home: { path: '/', href: () => '/' },
  token: { path: '/token', href: () => '/token' },
  idleTimeout: {
    path: '/settings/idle-timeout',
    href: (options: { userId?: string } = {}) => withQuery('/settings/idle-timeout', { user: options.userId }),
  },
  users: {
    path: '/users',
    href: (options: { q?: string; page?: number } = {}) =>
      withQuery('/users', { q: options.q === '' ? undefined : options.q, page: options.page && options.page > 1 ? String(options.page) : undefined }),
  },
  user: { path: '/users/:userId', href: (userId: string) => `/users/${encodeURIComponent(userId)}` },
  activity: { path: '/activity', href: () => '/activity' },
  bulkRevoke: {
    path: '/bulk-revoke',
    /** `from: 'selection'`: with the users ticked on the Users page. */
    href: (options: { from?: 'selection' } = {}) => withQuery('/bulk-revoke', { from: options.from }),
  },
  bulkRun: { path: '/bulk-revoke/runs/:runId', href: (runId: string) => `/bulk-revoke/runs/${encodeURIComponent(runId)}` },

  signIn: {
    path: '/signin',
    href: (options: { returnTo?: string; signedOut?: boolean } = {}) =>
      withQuery('/signin', { returnTo: options.returnTo, reason: options.signedOut ? 'signed-out' : undefined }),
  },
  /** Shown only after the app itself ended the session (auth/sessionEnd.ts holds why). */
  sessionEnded: { path: '/session-ended', href: () => '/session-ended' },
} as const;
