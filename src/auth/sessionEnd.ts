import type { SessionEndCause } from '../paths.ts';
import { safeReturnPath } from './returnPath.ts';

/** Why this tab's session ended and where the admin was, as the session-ended page tells it. */
export interface SessionEnd {
  returnTo: string;
  cause: SessionEndCause;
  /** Epoch ms, when known. */
  at?: number | undefined;
}

const KEY = 'token-admin:session-ended';
const CAUSES: readonly SessionEndCause[] = ['expired', 'idle', 'revoked', 'invalid', 'self-revoked', 'signed-out-elsewhere'];

/**
 * Kept in this tab's sessionStorage, not in the URL: only the app itself can say a session
 * ended, so a crafted link cannot put "your session ended" and a sign-in button on screen.
 */
export function recordSessionEnd(end: SessionEnd): void {
  sessionStorage.setItem(KEY, JSON.stringify(end));
}

export function readSessionEnd(): SessionEnd | undefined {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { returnTo, cause, at } = value as Record<string, unknown>;
    if (typeof cause !== 'string' || !CAUSES.includes(cause as SessionEndCause)) return undefined;
    return {
      returnTo: safeReturnPath(typeof returnTo === 'string' ? returnTo : undefined),
      cause: cause as SessionEndCause,
      at: typeof at === 'number' && Number.isFinite(at) ? at : undefined,
    };
  } catch {
    return undefined;
  }
}

export function forgetSessionEnd(): void {
  sessionStorage.removeItem(KEY);
}
