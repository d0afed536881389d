import { describe, expect, it } from 'vitest';
import { hasPermission } from './permissions.ts';
import { codeChallengeFor, createCodeVerifier } from './pkce.ts';
import { safeReturnPath } from './returnPath.ts';

describe('PKCE', () => {
  it('makes verifiers of the RFC 7636 alphabet and length', () => {
    const verifier = createCodeVerifier();
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{64}$/);
    expect(createCodeVerifier(43)).toHaveLength(43);
    expect(createCodeVerifier(128)).toHaveLength(128);
    expect(() => createCodeVerifier(42)).toThrow(RangeError);
    expect(createCodeVerifier()).not.toBe(verifier);
  });

  it('computes the S256 challenge of the RFC 7636 example', async () => {
    // RFC 7636 appendix B.
    await expect(codeChallengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('safeReturnPath', () => {
  it('keeps same-origin paths with their query and hash', () => {
    expect(safeReturnPath('/token?tab=scopes#top')).toBe('/token?tab=scopes#top');
    expect(safeReturnPath('/users/a%20b')).toBe('/users/a%20b');
  });

  it.each(['https://evil.com', '//evil.com/x', '/\\evil.com', 'javascript:alert(1)', 'token', '/ok\nSet-Cookie:x', '', null, undefined])(
    'refuses %j',
    (value) => {
      expect(safeReturnPath(value)).toBe('/token');
    },
  );
});

describe('hasPermission', () => {
  it('matches exact grants and * wildcards per segment', () => {
    expect(hasPermission(['oauth:token:delete'], 'oauth:token:delete')).toBe(true);
    expect(hasPermission(['oauth:token:*'], 'oauth:token:delete')).toBe(true);
    expect(hasPermission(['directory:*:*'], 'directory:organization:admin')).toBe(true);
    expect(hasPermission(['*'], 'oauth:token:delete')).toBe(true);
  });

  it('does not match other permissions', () => {
    expect(hasPermission(['oauth:token:view'], 'oauth:token:delete')).toBe(false);
    expect(hasPermission(['oauth:*'], 'oauth:token:delete')).toBe(false);
    expect(hasPermission(undefined, 'oauth:token:delete')).toBe(false);
  });
});
