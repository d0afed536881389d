/**
 * How a granted permission list answers a needed permission, shared by the emulator's check and
 * the app's: a `*` segment matches any one segment, a trailing `*` also covers every remaining
 * segment, a lone `*` grants everything, case does not matter, an empty grant matches nothing.
 */
export interface PermissionCase {
  granted: string[];
  needed: string;
  allowed: boolean;
}

export const PERMISSION_CASES: readonly PermissionCase[] = [
  { granted: ['oauth:token:delete'], needed: 'oauth:token:delete', allowed: true },
  { granted: ['oauth:token:*'], needed: 'oauth:token:delete', allowed: true },
  { granted: ['oauth:*'], needed: 'oauth:token:delete', allowed: true },
  { granted: ['directory:*:*'], needed: 'directory:organization:admin', allowed: true },
  { granted: ['directory:*'], needed: 'directory:user:view', allowed: true },
  { granted: ['*:*:*'], needed: 'oauth:token:delete', allowed: true },
  { granted: ['*'], needed: 'directory:organization:admin', allowed: true },
  { granted: ['*:token:delete'], needed: 'oauth:token:delete', allowed: true },
  { granted: ['OAuth:Token:Delete'], needed: 'oauth:token:delete', allowed: true },
  { granted: ['oauth:token:delete'], needed: 'OAUTH:TOKEN:DELETE', allowed: true },
  { granted: ['directory:user:view', 'oauth:token:delete'], needed: 'oauth:token:delete', allowed: true },
  { granted: ['directory:user:view'], needed: 'directory:group:view', allowed: false },
  { granted: ['oauth:token:view'], needed: 'oauth:token:delete', allowed: false },
  { granted: ['oauth:*:view'], needed: 'oauth:token:delete', allowed: false },
  { granted: ['directory:*:*'], needed: 'oauth:token:delete', allowed: false },
  { granted: ['oauth:token:delete:extra'], needed: 'oauth:token:delete', allowed: false },
  { granted: ['oauth:token'], needed: 'oauth:token:delete', allowed: false },
  { granted: ['*:*:*'], needed: 'oauth:token', allowed: false },
  { granted: ['oauth:*'], needed: 'oauth', allowed: false },
  { granted: ['oauth:token:del'], needed: 'oauth:token:delete', allowed: false },
  { granted: [''], needed: 'oauth:token:delete', allowed: false },
  { granted: [], needed: 'oauth:token:delete', allowed: false },
  { granted: ['oauth:token:delete'], needed: '', allowed: false },
];
