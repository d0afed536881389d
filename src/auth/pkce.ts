/** PKCE and state helpers (RFC 7636), on the Web Crypto API. */

const VERIFIER_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** 64 characters from the RFC 7636 unreserved alphabet (43–128 allowed). */
export function createCodeVerifier(length = 64): string {
  if (length < 43 || length > 128) throw new RangeError('A PKCE code verifier is 43 to 128 characters long');
  // Bytes past the last whole multiple of the alphabet's size are dropped so no character is favoured.
  const limit = 256 - (256 % VERIFIER_ALPHABET.length);
  let verifier = '';
  while (verifier.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < limit && verifier.length < length) verifier += VERIFIER_ALPHABET.charAt(byte % VERIFIER_ALPHABET.length);
    }
  }
  return verifier;
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlDecode(text: string): string {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(padded);
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** S256 challenge: base64url(SHA-256(verifier)) without padding. */
export async function codeChallengeFor(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64UrlEncode(new Uint8Array(digest));
}

export function randomNonce(bytes = 24): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(bytes)));
}
