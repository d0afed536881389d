const DEFAULT_RETURN_PATH = '/token';

const PROBE_ORIGIN = 'https://token-admin.invalid';

/**
 * A path inside this app to go back to after sign-in. Anything that could leave the origin
 * (`//evil`, `/\evil`, `https://…`, `javascript:`) falls back to the home page.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_RETURN_PATH;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) return DEFAULT_RETURN_PATH;
  try {
    const url = new URL(value, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return DEFAULT_RETURN_PATH;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path === '/' ? DEFAULT_RETURN_PATH : path;
  } catch {
    return DEFAULT_RETURN_PATH;
  }
}
