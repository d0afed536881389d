import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { LoaderFunction } from 'react-router';
import type { Api } from '../api/api.ts';
import type { Capability } from '../auth/capabilities.ts';
import { isUserId } from '../features/users/userId.ts';
import { paths } from '../paths.ts';

/**
 * Every signed-in page, registered once: its path, its navigation label (a page without one is
 * reached by links only), its lazily loaded module and an optional loader that starts its
 * requests while that module downloads. The router and the navigation are both built from this.
 */
export interface PageDefinition {
  path: string;
  nav?: string;
  /** What the page is for needs this capability; the navigation and the page's notice say so when it is missing. */
  needs?: Capability;
  /** A module exporting `Component`: its own chunk, loaded on the first visit. */
  load: () => Promise<{ Component: ComponentType }>;
  /** Prefetches the page's data; it must not wait for it, so the page can show its own progress. */
  loader?: (app: { queryClient: QueryClient; api: Api }) => LoaderFunction;
}

export const PAGES: readonly PageDefinition[] = [
  { path: paths.token.path, nav: 'My token', load: () => import('../features/token/route.tsx') },
  {
    path: paths.idleTimeout.path,
    nav: 'Idle timeout',
    load: () => import('../features/idle-timeout/route.tsx'),
    loader: ({ queryClient, api }) => () => {
      void queryClient.query(api.tokens.timeout()).catch(() => undefined);
      return null;
    },
  },
  { path: paths.users.path, nav: 'Users', needs: 'viewUsers', load: () => import('../features/users/searchRoute.tsx') },
  {
    path: paths.user.path,
    needs: 'viewUsers',
    load: () => import('../features/users/userRoute.tsx'),
    loader: ({ queryClient, api }) => ({ params }) => {
      if (params.userId && isUserId(params.userId)) void queryClient.query(api.users.detail(params.userId)).catch(() => undefined);
      return null;
    },
  },
  { path: paths.bulkRevoke.path, nav: 'Bulk revoke', needs: 'revokeTokens', load: () => import('../features/bulk-revoke/route.tsx') },
  { path: paths.bulkRun.path, needs: 'revokeTokens', load: () => import('../features/bulk-revoke/runRoute.tsx') },
  { path: paths.activity.path, nav: 'Activity', load: () => import('../features/activity/route.tsx') },
];

export const NAV = PAGES.flatMap((page) => (page.nav ? [{ label: page.nav, href: page.path, needs: page.needs }] : []));
