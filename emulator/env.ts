import type { OAuthClientRecord, TokenRecord, UserRecord } from './model.ts';

/** Who is calling: set by the bearer middleware for every /api/v2 handler. */
export interface AuthInfo {
  token: TokenRecord;
  /** null for client-credentials tokens */
  user: UserRecord | null;
  client: OAuthClientRecord;
  permissions: readonly string[];
}

export interface Env {
  Variables: {
    correlationId: string;
    auth: AuthInfo;
  };
}
