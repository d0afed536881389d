/**
 * Genesys permissions are `domain:entity:action`; a grant may use `*` for any segment
 * (`directory:*:*`). A missing segment in a grant is treated as not matching.
 */
export function hasPermission(granted: readonly string[] | undefined, needed: string): boolean {
  const want = needed.split(':');
  return (granted ?? []).some((grant) => {
    const have = grant.split(':');
    if (have.length !== want.length) return grant === '*';
    return have.every((segment, index) => segment === '*' || segment.toLowerCase() === want[index]?.toLowerCase());
  });
}
