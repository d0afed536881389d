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

/** This browser refuses the site its sessionStorage (site data blocked): the app cannot keep a sign-in. */
export class StorageBlockedError extends Error {
  constructor() {
    super("This browser refuses this site's storage");
  }
}

/** Whether this tab may use sessionStorage at all: a browser blocking the site's data throws on any use. */
export function sessionStorageUsable(): boolean {
  try {
    const probe = 'token-admin:probe';
    sessionStorage.setItem(probe, '1');
    sessionStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/** The session of one app instance, read from and written to this tab's sessionStorage. */
export class SessionStore {
  private current: Session | undefined;
  private loaded = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Storage = sessionStorage) {}

  private readStored(): Session | undefined {
    try {
      const raw = this.storage.getItem(SESSION_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : undefined;
      return isSession(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** The stored session even when expired: it still has to be ended. */
  peek = (): Session | undefined => {
    if (!this.loaded) {
      this.current = this.readStored();
      this.loaded = true;
    }
    return this.current;
  };

  /** The session while its token has not expired; an expired one stays stored until it is ended. */
  get = (): Session | undefined => {
    const session = this.peek();
    return session && session.expiresAt > Date.now() ? session : undefined;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(session: Session): void {
    this.current = session;
    this.loaded = true;
    this.storage.setItem(SESSION_KEY, JSON.stringify(session));
    this.changed();
  }

  clear(): void {
    const had = this.peek() !== undefined;
    this.current = undefined;
    this.loaded = true;
    this.storage.removeItem(SESSION_KEY);
    if (had) this.changed();
  }

  private changed() {
    for (const listener of this.listeners) listener();
  }
}
