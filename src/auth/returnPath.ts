const DEFAULT_RETURN_PATH = '/token';

const PROBE_ORIGIN = 'https://token-admin.invalid';
/**
 * The return path rides in the OAuth `state` of the authorize URL: a crafted link with a huge
 * one would make that URL too long for the login host, and sign-in would fail outright.
 */
export const MAX_RETURN_PATH_LENGTH = 2000;

/**
 * A path inside this app (relative to its base path) to go back to after sign-in. The value is
 * normalised first, as the browser would resolve it, and only then checked: `/..//evil`,
 * `/%2e%2e//evil` and `/x/../\evil` all resolve to `//evil`, which a router treats as another host.
 * Anything that leaves the origin or the base path, or is too long to carry, falls back to the home page.
 */
export function safeReturnPath(value: string | null | undefined, basePath = '/'): string {
  if (!value?.startsWith('/') || value.length > MAX_RETURN_PATH_LENGTH) return DEFAULT_RETURN_PATH;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) return DEFAULT_RETURN_PATH;
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  try {
    const url = new URL(`${base.slice(0, -1)}${value}`, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN || !url.pathname.startsWith(base)) return DEFAULT_RETURN_PATH;
    const path = `/${url.pathname.slice(base.length)}${url.search}${url.hash}`;
    if (path.startsWith('//') || path.startsWith('/\\')) return DEFAULT_RETURN_PATH;
    return path === '/' ? DEFAULT_RETURN_PATH : path;
  } catch {
    return DEFAULT_RETURN_PATH;
  }
}
