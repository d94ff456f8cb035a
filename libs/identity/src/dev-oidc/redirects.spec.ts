import { allowedRedirect, allowedRedirectOrigins, withParameters } from './redirects.js';

const ORIGINS = allowedRedirectOrigins('http://localhost:3000', ['http://localhost:3000', 'http://localhost:5173']);

describe('redirect URIs of the development issuer', () => {
  it('should allow PUBLIC_URL’s origin and the CORS origins, each once', () => {
    expect(ORIGINS).toEqual(['http://localhost:3000', 'http://localhost:5173']);
  });

  it('should allow a page of Samla itself, on any path and with a query', () => {
    expect(allowedRedirect('http://localhost:3000/inloggad', ORIGINS)?.href).toBe('http://localhost:3000/inloggad');
    expect(allowedRedirect('http://localhost:5173/inloggad?from=larm', ORIGINS)?.href).toBe(
      'http://localhost:5173/inloggad?from=larm',
    );
  });

  it.each([
    ['another host', 'https://evil.example/inloggad'],
    ['another port', 'http://localhost:3001/inloggad'],
    ['another scheme', 'https://localhost:3000/inloggad'],
    ['a host that only starts like Samla’s', 'http://localhost:3000.evil.example/inloggad'],
    ['user information that hides the host', 'http://localhost:3000@evil.example/inloggad'],
    ['a backslash that browsers read as a slash', 'http://evil.example\\@localhost:3000/inloggad'],
    ['a fragment', 'http://localhost:3000/inloggad#code'],
    ['a relative path', '/inloggad'],
    ['a protocol-relative URL', '//evil.example/inloggad'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a space', 'http://localhost:3000/in loggad'],
    ['a line break', 'http://localhost:3000/inloggad\r\nLocation: https://evil.example'],
    ['nothing', undefined],
    ['two values', ['http://localhost:3000/inloggad', 'https://evil.example']],
  ])('should refuse %s when checking the redirect URI', (_, uri) => {
    expect(allowedRedirect(uri, ORIGINS)).toBeNull();
  });

  it('should add code and state to the query and keep what the URI already has, leaving out what is not given', () => {
    const url = allowedRedirect('http://localhost:3000/inloggad?from=larm', ORIGINS)!;

    expect(withParameters(url, { code: 'abc', state: 'x y&z', error: undefined })).toBe(
      'http://localhost:3000/inloggad?from=larm&code=abc&state=x+y%26z',
    );
  });
});
