/**
 * Genesys permissions are `domain:entity:action`. Grants are read as generously as the service
 * might read them: a `*` segment matches any one segment, a trailing `*` also covers all remaining
 * segments (`oauth:*` grants `oauth:token:delete`), a lone `*` grants everything, case does not
 * matter, and an empty grant matches nothing. Why generous: a control wrongly disabled cannot be
 * worked around, while a wrongly enabled one meets a clear 403 from Genesys.
 * The emulator's check (emulator/auth.ts) reads grants the same way; test/permission-cases.ts holds both to it.
 */
export function permissionMatches(granted: string, needed: string): boolean {
  if (granted === '' || needed === '') return false;
  const have = granted.toLowerCase().split(':');
  const want = needed.toLowerCase().split(':');
  for (const [i, segment] of want.entries()) {
    const grant = have[i];
    if (grant === undefined) return false;
    if (grant === '*' && i === have.length - 1) return true;
    if (grant !== '*' && grant !== segment) return false;
  }
  return have.length === want.length;
}

export function hasPermission(granted: readonly string[] | undefined, needed: string): boolean {
  return (granted ?? []).some((grant) => permissionMatches(grant, needed));
}
