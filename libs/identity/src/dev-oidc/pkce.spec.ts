import { CODE_CHALLENGE, s256, verifiesChallenge } from './pkce.js';

// RFC 7636 Appendix B.
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE (S256)', () => {
  it('should compute the challenge of RFC 7636’s example verifier when hashing it', () => {
    expect(s256(RFC_VERIFIER)).toBe(RFC_CHALLENGE);
    expect(RFC_CHALLENGE).toMatch(CODE_CHALLENGE);
  });

  it('should accept the verifier whose hash is the challenge', () => {
    expect(verifiesChallenge(RFC_VERIFIER, RFC_CHALLENGE)).toBe(true);
  });

  it('should refuse another verifier, the challenge itself sent as verifier (plain) and a missing one', () => {
    expect(verifiesChallenge(`${RFC_VERIFIER.slice(0, -1)}l`, RFC_CHALLENGE)).toBe(false);
    expect(verifiesChallenge(RFC_CHALLENGE, RFC_CHALLENGE)).toBe(false);
    expect(verifiesChallenge(undefined, RFC_CHALLENGE)).toBe(false);
    expect(verifiesChallenge(['a'], RFC_CHALLENGE)).toBe(false);
  });

  it('should refuse a verifier shorter than 43 or longer than 128 characters, or with characters RFC 7636 does not allow', () => {
    const short = 'a'.repeat(42);
    const long = 'a'.repeat(129);
    const spaced = `${'a'.repeat(42)} `;

    for (const verifier of [short, long, spaced]) expect(verifiesChallenge(verifier, s256(verifier))).toBe(false);
    expect(verifiesChallenge('a'.repeat(43), s256('a'.repeat(43)))).toBe(true);
    expect(verifiesChallenge('a'.repeat(128), s256('a'.repeat(128)))).toBe(true);
  });

  it('should refuse when the stored challenge is not an S256 challenge', () => {
    expect(verifiesChallenge(RFC_VERIFIER, `${RFC_CHALLENGE}=`)).toBe(false);
  });
});
