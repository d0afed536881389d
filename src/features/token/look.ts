import type { TokenInfo } from '../../api/tokens.ts';
import type { UserMe } from '../../api/users.ts';
import type { LeadPart, PageLook } from '../../ui/pageLook.ts';

/**
 * The token page's heading with the token in: who, where, through which client, when it idles
 * out (`idlesAt` in the browser's time; undefined when Genesys reports no idle time) and when it
 * expires (the session's `expiresAt`, from the sign-in).
 */
export function tokenLook(info: TokenInfo, me: Pick<UserMe, 'name'> | undefined, idlesAt: number | undefined, expiresAt: number | undefined): PageLook {
  const who = me?.name ?? 'you';
  const org = info.organization?.name ?? 'this organisation';
  const trustee = info.clonedUser ? `, a trustee from ${info.homeOrganization?.name ?? 'another organisation'},` : '';
  const client = info.OAuthClient?.name ? `, through ${info.OAuthClient.name}` : '';
  const lead: LeadPart[] = [`The token this tab uses: ${who}${trustee} in ${org}${client}. `];
  const expires: LeadPart[] = expiresAt === undefined ? [] : [{ at: expiresAt }];
  if (idlesAt === undefined) lead.push('Genesys Cloud reports no idle timeout for it', ...(expires.length ? ['; it expires ', ...expires] : []), '.');
  else lead.push('It idles out ', { at: idlesAt }, ' unless it is used', ...(expires.length ? [', and expires ', ...expires] : []), '.');
  return { title: 'My token', lead };
}
