import * as v from 'valibot';
import { inBrowserTime } from '../api/clock.ts';
import { idleTimeoutSchema, tokenInfoSchema, userMeSchema, userSchema } from '../api/models.ts';
import { reads, type ReadRequest } from '../api/requests.ts';
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
   * The page's heading from the early answers' bodies (`tokens/me`, `users/me`, then `reads`'
   * own), for the first look: undefined unless each is what the app's own check would take.
   */
  look?: (bodies: readonly unknown[], context: LookContext) => PageLook | undefined;
}

export interface LookContext {
  /** The page's path parameters. */
  params: Record<string, string>;
  /** The session's expiry, from the sign-in. */
  expiresAt: number;
  /** Genesys' clock minus the browser's, from the answers' Date headers (api/clock.ts), as the app estimates it. */
  serverOffset: number;
}

/** The body as the app's check (api/models.ts) would take it, or undefined. */
function checked<T extends v.GenericSchema>(schema: T, body: unknown): v.InferOutput<T> | undefined {
  const result = v.safeParse(schema, body);
  return result.success ? result.output : undefined;
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
    look: ([token, me], { expiresAt, serverOffset }) => {
      const info = checked(tokenInfoSchema, token);
      const user = checked(userMeSchema, me);
      return info && user ? tokenLook(info, user, inBrowserTime(info.dateTokenIdles, serverOffset), expiresAt) : undefined;
    },
  },
  {
    path: paths.idleTimeout.path,
    module: 'src/features/idle-timeout/route.tsx',
    reads: () => [reads.idleTimeout()],
    look: ([, , body]) => {
      const settings = checked(idleTimeoutSchema, body);
      return settings && idleTimeoutLook(settings);
    },
  },
  { path: paths.users.path, module: 'src/features/users/searchRoute.tsx' },
  {
    path: paths.user.path,
    module: 'src/features/users/userRoute.tsx',
    reads: ({ userId }) => (userId !== undefined && isUserId(userId) ? [reads.user(userId)] : []),
    look: ([, , body], { params }) => {
      const user = checked(userSchema, body);
      // The user the address names, or nothing.
      return user && user.id.toLowerCase() === params.userId?.toLowerCase() ? userLook(user) : undefined;
    },
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
