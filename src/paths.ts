/** The one route registry: `path` for the route table, `href()` for links. */
export type SignInReason = 'expired' | 'signed-out';

export const paths = {
  home: { path: '/', href: () => '/' },
  token: { path: '/token', href: () => '/token' },
  signIn: {
    path: '/signin',
    href: (options: { returnTo?: string; reason?: SignInReason } = {}) => {
      const params = new URLSearchParams();
      if (options.returnTo) params.set('returnTo', options.returnTo);
      if (options.reason) params.set('reason', options.reason);
      const query = params.toString();
      return query ? `/signin?${query}` : '/signin';
    },
  },
} as const;
