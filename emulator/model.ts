/**
 * The emulator's records: what the store holds and what a seed gives it. Types only, so the
 * store, the seed and the routes can all import them without importing one another.
 */

export interface Division {
  id: string;
  name: string;
  selfUri: string;
}

export interface OrgRecord {
  id: string;
  name: string;
  hipaa: boolean;
}

export type UserState = 'active' | 'inactive' | 'deleted';

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  username: string;
  state: UserState;
  department: string;
  title: string;
  division: Division;
  version: number;
  /** ms since epoch */
  dateLastLogin?: number;
  /** ms since epoch */
  lastTokenIssued?: number;
  permissions: string[];
  /** Set for a trustee: the org the person really belongs to. */
  homeOrg?: { id: string; name: string };
  clonedUser?: { id: string; organization: { id: string } };
  /** Has a profile picture: the API then lists its images (served by the emulator's avatar route). */
  hasPicture?: boolean;
}

export interface GroupRecord {
  id: string;
  name: string;
  description: string;
  memberIds: string[];
  version: number;
  dateModified: number;
}

export type GrantType = 'CODE' | 'TOKEN' | 'CLIENT-CREDENTIALS';

export interface OAuthClientRecord {
  id: string;
  name: string;
  authorizedGrantType: GrantType;
  secret?: string;
  accessTokenValiditySeconds: number;
  dateCreated: string;
  dateModified: string;
  createdBy: { id: string; name: string; selfUri: string };
  scope: string[];
  /** Permissions of client-credentials tokens (their roles); browser clients act as the user. */
  permissions: string[];
  /** Registered redirect URIs (browser clients), matched exactly. */
  redirectUris: string[];
}

export interface TokenRecord {
  token: string;
  /** null for client-credentials tokens */
  userId: string | null;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
  lastUsedAt: number;
  revokedAt: number | null;
  /** Set once the token is seen idled out; it stays dead afterwards. */
  idledAt: number | null;
}

export type TokenStatus = 'active' | 'revoked' | 'expired' | 'idle';

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  userId: string;
  expiresAt: number;
}

export type TimeoutUnit = 'Minutes' | 'Hours';

export interface GroupBundle {
  priority: number;
  timeoutSeconds: number;
  inactivityTimeoutUnit: TimeoutUnit;
  groups: string[];
}

export interface IdleTokenTimeout {
  enableIdleTokenTimeout: boolean;
  idleTokenTimeoutSeconds: number;
  inactivityTimeoutUnit: TimeoutUnit;
  inactivityTimeoutGroupsEnabled: boolean;
  inactivityTimeoutGroupBundles: GroupBundle[];
}

/**
 * What an injected fault does to a matching request: `status` answers with an error (or a raw
 * body), `delay` answers late, `hang` never answers, `drop` cuts the connection, `no-cors` answers
 * without the CORS headers a browser needs to hand the response to the page.
 */
export type FaultKind = 'status' | 'delay' | 'hang' | 'drop' | 'no-cors';

export interface Fault {
  /** HTTP method or '*' */
  method: string;
  /** exact path; '*' matches one segment */
  path: string;
  /** matching requests still to let through untouched before the fault applies */
  skip: number;
  remaining: number;
  kind: FaultKind;
  /**
   * The answer: 400-599, or 200-299 with rawBody. Required for `status`; optional for `delay` and
   * `no-cors` (without it the request is handled as usual); never set for `hang` and `drop`.
   */
  status?: number;
  /** `delay` only: how long to wait before answering */
  delayMs?: number;
  /** defaults by status (e.g. 503 service.unavailable) */
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  rawBody?: string;
  /** Content-Type of rawBody (default text/html; charset=utf-8) */
  contentType?: string;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  limit: number;
  resetSeconds: number;
}

/** Behaviour the contract leaves UNCONFIRMED, switchable so tests can cover both readings. */
export interface Quirks {
  /** Status of the token DELETE routes: 200 (empty body) or 204. */
  deleteStatus: 200 | 204;
  /** Whether API responses carry Access-Control-Expose-Headers. */
  exposeHeaders: boolean;
}

/** A token the seed wants alive at start: its user, client and timestamps (ms since epoch). */
export interface SeedToken {
  userId: string;
  clientId: string;
  issuedAt: number;
  lastUsedAt: number;
}

/** A whole world to start from; dates relative to `now` so they always look recent. */
export interface SeedData {
  org: OrgRecord;
  partnerOrg: OrgRecord;
  users: UserRecord[];
  groups: GroupRecord[];
  clients: OAuthClientRecord[];
  idleTimeout: IdleTokenTimeout;
  tokens: SeedToken[];
}

/** Builds the seed for a reset: the emulator clock's `now` and the registered redirect URIs. */
export type SeedBuilder = (now: number, redirectUris: readonly string[]) => SeedData;

/** The OAuth token response body, as /oauth/token and the control API return it. */
export interface MintedToken {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}
