import { hasFragment, isLoopback, isWellFormed, parseUrl } from '../../../src/rules/client/redirect-urls';

describe('redirect-urls helpers', () => {
  test('parseUrl accepts absolute URLs only', () => {
    expect(parseUrl('https://example.com/cb')?.hostname).toBe('example.com');
    expect(parseUrl('myapp://callback')?.protocol).toBe('myapp:');
    expect(parseUrl('/callback')).toBeUndefined();
    expect(parseUrl('example.com/cb')).toBeUndefined();
  });

  test.each([
    ['http://localhost:3000/cb', true],
    ['http://LOCALHOST/cb', true],
    ['http://127.0.0.1/cb', true],
    ['http://[::1]:8080/', true],
    ['http://localhost.evil.com/', false],
    ['http://127.0.0.1@evil.com/', false],
    ['http://evil.com/?next=localhost', false],
    ['http://127.0.0.2/', false],
  ])('isLoopback(%s) is %s', (text, expected) => {
    expect(isLoopback(parseUrl(text)!)).toBe(expected);
  });

  test('hasFragment sees empty and non-empty fragments', () => {
    expect(hasFragment(parseUrl('https://example.com/cb#x')!)).toBe(true);
    expect(hasFragment(parseUrl('https://example.com/cb#')!)).toBe(true);
    expect(hasFragment(parseUrl('https://example.com/cb?a=#')!)).toBe(true);
    expect(hasFragment(parseUrl('https://example.com/cb?a=1')!)).toBe(false);
  });

  test('isWellFormed applies the documented length and character limits', () => {
    expect(isWellFormed('https://例え.jp/ok')).toBe(true);
    expect(isWellFormed('https://example.com/a b')).toBe(false);
    expect(isWellFormed('')).toBe(false);
    expect(isWellFormed(`https://x/${'a'.repeat(1015)}`)).toBe(false);
  });
});
