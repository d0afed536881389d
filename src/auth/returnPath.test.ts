import { describe, expect, it } from 'vitest';
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from './returnPath.ts';

describe('safeReturnPath', () => {
  it('keeps paths inside the app with their query and hash', () => {
    expect(safeReturnPath('/token?tab=scopes#top')).toBe('/token?tab=scopes#top');
    expect(safeReturnPath('/users/a%20b')).toBe('/users/a%20b');
    expect(safeReturnPath('/users/../token')).toBe('/token');
  });

  it.each([
    'https://evil.com',
    '//evil.com/x',
    '/\\evil.com',
    // Each of these resolves to //…, which a router reads as another host.
    '/..//evil.example/phish',
    '/.//evil.example',
    '/%2e%2e//evil.example',
    '/x/../\\evil.example',
    '/x/..//evil.example',
    'javascript:alert(1)',
    'token',
    '/ok\nSet-Cookie:x',
    '',
    null,
    undefined,
  ])('refuses %j', (value) => {
    const path = safeReturnPath(value);
    expect(path).toBe('/token');
  });

  it('never returns a path that a browser would read as another host', () => {
    for (const value of ['/..//a', '/./..//a/b', '/%2e//a', '/a/%2e%2e//b', '/a/..\\/b']) {
      const path = safeReturnPath(value);
      expect(new URL(path, 'https://app.example').origin).toBe('https://app.example');
      expect(path.startsWith('//')).toBe(false);
    }
  });

  it('keeps the result under the base path', () => {
    expect(safeReturnPath('/users/1', '/tools/tokens/')).toBe('/users/1');
    expect(safeReturnPath('/../../elsewhere', '/tools/tokens/')).toBe('/token');
  });
});

describe('a return path too long to carry through sign-in', () => {
  it('falls back to the home page', () => {
    expect(safeReturnPath(`/users?q=${'a'.repeat(MAX_RETURN_PATH_LENGTH)}`)).toBe('/token');
    expect(safeReturnPath(`/users?q=${'a'.repeat(MAX_RETURN_PATH_LENGTH - 9)}`)).toHaveLength(MAX_RETURN_PATH_LENGTH);
  });
});
