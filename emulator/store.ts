import { randomBytes } from 'node:crypto';
import type {
  AuthCode,
  Fault,
  GroupRecord,
  IdleTokenTimeout,
  MintedToken,
  OAuthClientRecord,
  OrgRecord,
  Quirks,
  RateLimitResult,
  SeedBuilder,
  TimeoutUnit,
  TokenRecord,
  TokenStatus,
  UserRecord,
} from './model.ts';

export const DEFAULT_QUIRKS: Readonly<Quirks> = { deleteStatus: 204, exposeHeaders: true };

export interface StoreOptions {
  now: () => number;
  rateLimitPerMinute: number;
  rateLimitPerUserPerMinute: number;
  redirectUris: readonly string[];
  /** The world every reset starts from (the emulator passes its full seed by default). */
  seed: SeedBuilder;
}

export const AUTH_CODE_LIFETIME_MS = 60_000;
/** The real service counts per minute; the control API may shorten the window for tests. */
export const DEFAULT_RATE_WINDOW_SECONDS = 60;

export function newOpaqueToken(): string {
  return randomBytes(48).toString('base64url');
}

function pathMatches(pattern: string, path: string): boolean {
  const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  const a = trim(pattern).split('/');
  const b = trim(path).split('/');
  return a.length === b.length && a.every((segment, i) => segment === '*' || segment === b[i]);
}

/** All emulator state, in memory. Everything time-related reads `now()` (the emulator clock). */
export class Store {
  readonly orgs = new Map<string, OrgRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly clients = new Map<string, OAuthClientRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly codes = new Map<string, AuthCode>();
  readonly rateWindows = new Map<string, { start: number; count: number }>();
  faults: Fault[] = [];
  idleTimeout: IdleTokenTimeout;
  rateLimitPerMinute: number;
  rateLimitPerUserPerMinute: number;
  /** Length of the fixed window both rate limits count in. */
  rateWindowSeconds = DEFAULT_RATE_WINDOW_SECONDS;
  quirks: Quirks = { ...DEFAULT_QUIRKS };
  readonly redirectUris: readonly string[];
  clockOffsetMs = 0;
  /** When the idle timeout was last switched on: timers never start before it. */
  idleEnabledAt = 0;
  orgId = '';

  private readonly baseNow: () => number;
  private readonly seed: SeedBuilder;
  private readonly defaultRateLimit: number;
  private readonly defaultUserRateLimit: number;
  private readonly emailIndex = new Map<string, string>();

  constructor(options: StoreOptions) {
    this.baseNow = options.now;
    this.seed = options.seed;
    this.defaultRateLimit = options.rateLimitPerMinute;
    this.rateLimitPerMinute = options.rateLimitPerMinute;
    this.defaultUserRateLimit = options.rateLimitPerUserPerMinute;
    this.rateLimitPerUserPerMinute = options.rateLimitPerUserPerMinute;
    this.redirectUris = [...options.redirectUris];
    this.idleTimeout = { enableIdleTokenTimeout: false, idleTokenTimeoutSeconds: 1800, inactivityTimeoutUnit: 'Minutes', inactivityTimeoutGroupsEnabled: false, inactivityTimeoutGroupBundles: [] };
    this.reset();
  }

  now(): number {
    return this.baseNow() + this.clockOffsetMs;
  }

  advanceClock(seconds: number): void {
    this.clockOffsetMs += seconds * 1000;
  }

  /** Back to the seed: data, clock, rate limits and their window, faults, quirks. */
  reset(): void {
    this.clockOffsetMs = 0;
    this.rateLimitPerMinute = this.defaultRateLimit;
    this.rateLimitPerUserPerMinute = this.defaultUserRateLimit;
    this.rateWindowSeconds = DEFAULT_RATE_WINDOW_SECONDS;
    this.quirks = { ...DEFAULT_QUIRKS };
    this.faults = [];
    for (const map of [this.orgs, this.users, this.groups, this.clients, this.tokens, this.codes, this.rateWindows, this.emailIndex]) {
      map.clear();
    }
    const now = this.now();
    const seed = this.seed(now, this.redirectUris);
    this.orgId = seed.org.id;
    this.orgs.set(seed.org.id, seed.org);
    this.orgs.set(seed.partnerOrg.id, seed.partnerOrg);
    for (const user of seed.users) {
      this.users.set(user.id, user);
      this.emailIndex.set(user.email.toLowerCase(), user.id);
    }
    for (const group of seed.groups) this.groups.set(group.id, group);
    for (const client of seed.clients) this.clients.set(client.id, client);
    this.idleTimeout = seed.idleTimeout;
    this.idleEnabledAt = 0;
    for (const t of seed.tokens) {
      const client = this.clients.get(t.clientId);
      if (!client) continue;
      const token = newOpaqueToken();
      this.tokens.set(token, {
        token,
        userId: t.userId,
        clientId: t.clientId,
        issuedAt: t.issuedAt,
        expiresAt: t.issuedAt + client.accessTokenValiditySeconds * 1000,
        lastUsedAt: t.lastUsedAt,
        revokedAt: null,
        idledAt: null,
      });
    }
  }

  get org(): OrgRecord {
    const org = this.orgs.get(this.orgId);
    if (!org) throw new Error('seed has no org');
    return org;
  }

  // --- users and groups ---

  userByEmail(email: string): UserRecord | undefined {
    const id = this.emailIndex.get(email.trim().toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  groupIdsOf(userId: string): string[] {
    return [...this.groups.values()].filter((g) => g.memberIds.includes(userId)).map((g) => g.id);
  }

  // --- tokens ---

  issueToken(userId: string | null, clientId: string): TokenRecord {
    const client = this.clients.get(clientId);
    if (!client) throw new Error(`Unknown OAuth client ${clientId}`);
    const now = this.now();
    const token = newOpaqueToken();
    const record: TokenRecord = {
      token,
      userId,
      clientId,
      issuedAt: now,
      expiresAt: now + client.accessTokenValiditySeconds * 1000,
      lastUsedAt: now,
      revokedAt: null,
      idledAt: null,
    };
    this.tokens.set(token, record);
    if (userId !== null) {
      const user = this.users.get(userId);
      if (user) {
        user.lastTokenIssued = now;
        user.dateLastLogin = now;
      }
    }
    return record;
  }

  /**
   * Mints a token as if the user signed in through the client; a client-credentials client
   * gets a token with no user. Throws when the client is unknown or the user is not active.
   */
  mintToken(email: string | undefined, clientId: string): MintedToken {
    const client = this.clients.get(clientId);
    if (!client) throw new Error(`Unknown OAuth client ${clientId}`);
    let userId: string | null = null;
    if (client.authorizedGrantType !== 'CLIENT-CREDENTIALS') {
      const user = email === undefined ? undefined : this.userByEmail(email);
      if (user?.state !== 'active') throw new Error(`No active user with the email ${email ?? '(none)'}`);
      userId = user.id;
    }
    const token = this.issueToken(userId, client.id);
    return { access_token: token.token, token_type: 'bearer', expires_in: client.accessTokenValiditySeconds };
  }

  /** Idle timeout for one user: the org value, or the best-priority group bundle that holds the user. */
  idleTimeoutSecondsFor(userId: string): number {
    const settings = this.idleTimeout;
    if (settings.inactivityTimeoutGroupsEnabled) {
      const mine = new Set(this.groupIdsOf(userId));
      const bundle = settings.inactivityTimeoutGroupBundles
        .filter((b) => b.groups.some((g) => mine.has(g)))
        .sort((a, b) => a.priority - b.priority)[0];
      if (bundle) return bundle.timeoutSeconds;
    }
    return settings.idleTokenTimeoutSeconds;
  }

  /** When this token idles out if unused from now on; null when it never idles. */
  idleDeadline(record: TokenRecord): number | null {
    if (record.userId === null || !this.idleTimeout.enableIdleTokenTimeout) return null;
    if (this.clients.get(record.clientId)?.authorizedGrantType === 'CLIENT-CREDENTIALS') return null;
    return Math.max(record.lastUsedAt, this.idleEnabledAt) + this.idleTimeoutSecondsFor(record.userId) * 1000;
  }

  /** Current status; marks an idled token so it stays dead whatever the settings become. */
  tokenStatus(record: TokenRecord): TokenStatus {
    if (record.revokedAt !== null) return 'revoked';
    if (record.idledAt !== null) return 'idle';
    const now = this.now();
    const deadline = this.idleDeadline(record);
    if (deadline !== null && now >= deadline && deadline < record.expiresAt) {
      record.idledAt = deadline;
      return 'idle';
    }
    if (now >= record.expiresAt) return 'expired';
    if (record.userId !== null && this.users.get(record.userId)?.state !== 'active') return 'revoked';
    return 'active';
  }

  touch(record: TokenRecord): void {
    record.lastUsedAt = this.now();
  }

  revokeToken(record: TokenRecord): void {
    record.revokedAt ??= this.now();
  }

  /** Revokes every token of the user; returns how many were still alive. */
  revokeUserTokens(userId: string): number {
    let count = 0;
    for (const record of this.tokens.values()) {
      if (record.userId !== userId) continue;
      if (this.tokenStatus(record) === 'active') count++;
      this.revokeToken(record);
    }
    return count;
  }

  /** Fixes the fate of tokens that are already idle before settings change. */
  sweepIdle(): void {
    for (const record of this.tokens.values()) this.tokenStatus(record);
  }

  setIdleTimeout(next: IdleTokenTimeout): void {
    this.sweepIdle();
    if (next.enableIdleTokenTimeout && !this.idleTimeout.enableIdleTokenTimeout) this.idleEnabledAt = this.now();
    this.idleTimeout = structuredClone(next);
  }

  /** HIPAA caps every timeout, so switching it on lowers stored values above the cap. */
  setHipaa(hipaa: boolean, maxSeconds: number): void {
    this.org.hipaa = hipaa;
    if (!hipaa) return;
    const clamp = (seconds: number, unit: TimeoutUnit) => {
      const capped = Math.min(seconds, maxSeconds);
      return { seconds: capped, unit: unit === 'Hours' && capped % 3600 !== 0 ? ('Minutes' as const) : unit };
    };
    const current = this.idleTimeout;
    const org = clamp(current.idleTokenTimeoutSeconds, current.inactivityTimeoutUnit);
    this.setIdleTimeout({
      ...current,
      idleTokenTimeoutSeconds: org.seconds,
      inactivityTimeoutUnit: org.unit,
      inactivityTimeoutGroupBundles: current.inactivityTimeoutGroupBundles.map((b) => {
        const bundle = clamp(b.timeoutSeconds, b.inactivityTimeoutUnit);
        return { ...b, timeoutSeconds: bundle.seconds, inactivityTimeoutUnit: bundle.unit };
      }),
    });
  }

  // --- authorization codes ---

  createCode(data: Omit<AuthCode, 'code' | 'expiresAt'>): AuthCode {
    const code: AuthCode = { ...data, code: randomBytes(24).toString('base64url'), expiresAt: this.now() + AUTH_CODE_LIFETIME_MS };
    this.codes.set(code.code, code);
    return code;
  }

  /** Single use: the code is gone after the first attempt, successful or not. */
  takeCode(code: string): AuthCode | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found;
  }

  // --- rate limit ---

  hitRateLimit(key: string, limit: number = this.rateLimitPerMinute): RateLimitResult {
    const now = this.now();
    const windowMs = this.rateWindowSeconds * 1000;
    let window = this.rateWindows.get(key);
    if (!window || now >= window.start + windowMs) {
      window = { start: now, count: 0 };
      this.rateWindows.set(key, window);
    }
    window.count++;
    const resetSeconds = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    return { allowed: window.count <= limit, count: window.count, limit, resetSeconds };
  }

  /** Any change starts every window afresh. */
  setRateLimit(limits: { perMinute?: number; perUserPerMinute?: number; windowSeconds?: number }): void {
    if (limits.perMinute !== undefined) this.rateLimitPerMinute = limits.perMinute;
    if (limits.perUserPerMinute !== undefined) this.rateLimitPerUserPerMinute = limits.perUserPerMinute;
    if (limits.windowSeconds !== undefined) this.rateWindowSeconds = limits.windowSeconds;
    this.rateWindows.clear();
  }

  // --- injected faults ---

  addFault(fault: Fault): void {
    this.faults.push(fault);
  }

  clearFaults(): void {
    this.faults = [];
  }

  /**
   * The first matching fault that is done skipping takes the request. Every matching fault still
   * skipping counts it, whoever takes it, so `skip: n - 1` hits the nth matching request.
   */
  takeFault(method: string, path: string): Fault | undefined {
    let fault: Fault | undefined;
    for (const f of this.faults) {
      if ((f.method !== '*' && f.method !== method) || !pathMatches(f.path, path)) continue;
      if (f.skip > 0) f.skip--;
      else fault ??= f;
    }
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
