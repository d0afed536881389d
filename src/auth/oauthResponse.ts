/** What Genesys sent back on the redirect: the query (code flow) and the hash (implicit grant). */
export interface OAuthResponse {
  search: string;
  hash: string;
}

const RESPONSE_KEYS = ['code', 'access_token', 'error', 'state'];

export function looksLikeOAuthResponse({ search, hash }: OAuthResponse): boolean {
  const query = new URLSearchParams(search);
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  return RESPONSE_KEYS.some((key) => query.has(key) || fragment.has(key));
}

/**
 * Takes a sign-in response out of the address bar before anything else runs, so a code or
 * token never stays in the URL or history, even when config.json then fails to load.
 */
export function takeOAuthResponseFromUrl(): OAuthResponse | undefined {
  const response = { search: window.location.search, hash: window.location.hash };
  if (!looksLikeOAuthResponse(response)) return undefined;
  window.history.replaceState(window.history.state, '', window.location.pathname);
  return response;
}
