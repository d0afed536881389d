import { useSyncExternalStore } from 'react';
import { findRegion } from '../config/regions.ts';

/** The signed-in admin's token. Lives in sessionStorage only: gone when the tab closes. */
export interface Session {
  accessToken: string;
  /** Epoch ms when the token expires, from `expires_in` at sign-in. */
  expiresAt: number;
  /** Region domain the token belongs to; the token is never sent anywhere else. */
  environment: string;
  flow: 'pkce' | 'implicit';
}

const SESSION_KEY = 'token-admin:session';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.accessToken === 'string' &&
    s.accessToken.length > 0 &&
    typeof s.expiresAt === 'number' &&
    typeof s.environment === 'string' &&
    findRegion(s.environment) !== undefined &&
    (s.flow === 'pkce' || s.flow === 'implicit')
  );
}

function readStored(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return isSession(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

let current: Session | undefined;
let loaded = false;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

function storedSession(): Session | undefined {
  if (!loaded) {
    current = readStored();
    loaded = true;
  }
  return current;
}

function getSession(): Session | undefined {
  const session = storedSession();
  // An expired token is as good as none; it stays stored until the session is ended.
  return session && session.expiresAt > Date.now() ? session : undefined;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const sessionStore = {
  get: getSession,
  /** The stored session even when expired: it still has to be ended. */
  peek: storedSession,
  subscribe,
  set(session: Session): void {
    current = session;
    loaded = true;
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    notify();
  },
  clear(): void {
    const had = current !== undefined;
    current = undefined;
    loaded = true;
    sessionStorage.removeItem(SESSION_KEY);
    if (had) notify();
  },
};

export function useSession(): Session | undefined {
  return useSyncExternalStore(subscribe, getSession);
}
