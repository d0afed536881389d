import { describe, expect, it } from 'vitest';
import { codeChallengeFor, createCodeVerifier } from './pkce.ts';

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
