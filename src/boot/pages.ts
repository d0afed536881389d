import { reads, type ReadRequest } from '../api/requests.ts';
import { isUserId } from '../features/users/userId.ts';
import { paths } from '../paths.ts';

/** The data block index.html carries them in (scripts/bootPlugin.ts writes it). */
export const PAGE_CHUNKS_ELEMENT_ID = 'token-admin-page-chunks';

export interface BootPage {
  path: string;
  /** From the project root, as the route table's `load` imports it. */
  module: string;
  reads?: (params: Record<string, string>) => ReadRequest[];
}

/**
 * What the boot script knows of each signed-in page: the module the route table loads for it
 * (the build turns it into the chunks to preload) and the reads its loader starts. It mirrors
 * app/routes.tsx, and a test holds the two together.
 */
export const BOOT_PAGES: readonly BootPage[] = [
  { path: paths.token.path, module: 'src/features/token/route.tsx' },
  { path: paths.idleTimeout.path, module: 'src/features/idle-timeout/route.tsx', reads: () => [reads.idleTimeout()] },
  { path: paths.users.path, module: 'src/features/users/searchRoute.tsx' },
  {
    path: paths.user.path,
    module: 'src/features/users/userRoute.tsx',
    reads: ({ userId }) => (userId !== undefined && isUserId(userId) ? [reads.user(userId)] : []),
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
