import { reads, type ReadRequest } from '../api/requests.ts';
import type { TokenInfo } from '../api/tokens.ts';
import type { User } from '../api/users.ts';
import { idleTimeoutLook } from '../features/idle-timeout/look.ts';
import { tokenLook } from '../features/token/look.ts';
import { userLook } from '../features/users/look.ts';
import { isUserId } from '../features/users/userId.ts';
import { paths } from '../paths.ts';
import type { PageLook } from '../ui/pageLook.ts';

/** The data block index.html carries them in (scripts/bootPlugin.ts writes it). */
export const PAGE_CHUNKS_ELEMENT_ID = 'token-admin-page-chunks';

export interface BootPage {
  path: string;
  /** From the project root, as the route table's `load` imports it. */
  module: string;
  reads?: (params: Record<string, string>) => ReadRequest[];
  /**
   * The page's heading from the early answers (`tokens/me`, `users/me`, then `reads`' own, each
   * a JSON object), for the first look; undefined when they do not give it.
   */
  look?: (answers: readonly Record<string, unknown>[], session: { expiresAt: number }) => PageLook | undefined;
}

/** `dateTokenIdles` as the browser's clock reads it (the app corrects for Genesys' clock; the first look need not). */
function idlesAt(info: TokenInfo): number | undefined {
  const at = typeof info.dateTokenIdles === 'string' ? Date.parse(info.dateTokenIdles) : Number.NaN;
  return Number.isFinite(at) ? at : undefined;
}

/**
 * What the boot script knows of each signed-in page: the module the route table loads for it
 * (the build turns it into the chunks to preload) and the reads its loader starts. It mirrors
 * app/routes.tsx, and a test holds the two together.
 */
export const BOOT_PAGES: readonly BootPage[] = [
  {
    path: paths.token.path,
    module: 'src/features/token/route.tsx',
    look: ([token, me], { expiresAt }) => (token && me ? tokenLook(token, me, idlesAt(token), expiresAt) : undefined),
  },
  {
    path: paths.idleTimeout.path,
    module: 'src/features/idle-timeout/route.tsx',
    reads: () => [reads.idleTimeout()],
    look: ([, , settings]) => (settings ? idleTimeoutLook(settings) : undefined),
  },
  { path: paths.users.path, module: 'src/features/users/searchRoute.tsx' },
  {
    path: paths.user.path,
    module: 'src/features/users/userRoute.tsx',
    reads: ({ userId }) => (userId !== undefined && isUserId(userId) ? [reads.user(userId)] : []),
    look: ([, , user]) => (typeof user?.id === 'string' ? userLook(user as User) : undefined),
  },
  { path: paths.bulkRevoke.path, module: 'src/features/bulk-revoke/route.tsx' },
  { path: paths.bulkRun.path, module: 'src/features/bulk-revoke/runRoute.tsx' },
  { path: paths.activity.path, module: 'src/features/activity/route.tsx' },
];

/**
 * `/users/:userId` against `/users/abc`: the params, or undefined when it is another page. Our
 * own few lines, not react-router's matchPath: the boot chunk may import nothing heavy.
 */
export function matchPage(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (part.toLowerCase() !== actual.toLowerCase()) return undefined;
  }
  return params;
}
