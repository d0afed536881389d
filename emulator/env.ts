import type { OAuthClientRecord, TokenRecord, UserRecord } from './model.ts';

/** Who is calling: set by the bearer middleware for every /api/v2 handler. */
export interface AuthInfo {
  token: TokenRecord;
  /** null for client-credentials tokens */
  user: UserRecord | null;
  client: OAuthClientRecord;
  permissions: readonly string[];
}

/**
 * The exchange beneath HTTP, which some injected faults act on. Each transport passes its own to
 * app.fetch: emulator.fetch in-process, the node server over HTTP.
 */
export interface Connection {
  /** Aborts once nobody waits for the answer any more: the caller gave up or the server is closing. */
  readonly closed: AbortSignal;
  /** Ends the exchange without a response, so the caller sees a network error. */
  drop(): void;
  /** Whether the caller checks CORS itself (a browser over HTTP does; in-process nothing does). */
  readonly enforcesCors: boolean;
}

export interface Env {
  Bindings: {
    connection?: Connection;
  };
  Variables: {
    correlationId: string;
    auth: AuthInfo;
    /** Set by a no-cors fault: the response goes out without Access-Control-* headers. */
    withholdCors: boolean;
  };
}
