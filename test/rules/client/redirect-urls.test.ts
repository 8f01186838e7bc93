import * as fc from 'fast-check';
import { hasFragment, isLoopback, isWellFormed, parseUrl } from '../../../src/rules/client/redirect-urls';

/** What the WHATWG parser itself says: the reference the quick reading of simple URLs must agree with. */
function byWhatwg(text: string) {
  try {
    const url = new URL(text);
    return { protocol: url.protocol, hostname: url.hostname, hasFragment: url.hash !== '' || url.href.endsWith('#') };
  } catch {
    return undefined;
  }
}

// Pieces of URLs around the edges of the quick reading: case, IPv4 and numbers, punycode, ports, userinfo,
// backslashes, fragments, percent signs, and characters the parser escapes.
const schemes = ['https', 'http', 'HTTPS', 'Http', 'myapp', 'javascript', 'file', 'ftp', ''];
const separators = ['://', ':/', ':', '//', ':///', ':\\\\'];
const labels = ['example', 'com', 'localhost', 'a', 'z9', 'a-b', 'a-', '-a', '9a', '0x7f', '127', '0', '00', '1e3', 'xn--a', 'xn--bcher-kva',
  'ab--cd', 'Example', 'ex_ample', 'ünï', '', '%41', 'a%2eb', 'a@b', '[::1]', '[::ffff:127.0.0.1]', '255', '256', '4294967295'];
const ports = ['', ':', ':0', ':80', ':443', ':3000', ':65535', ':65536', ':99999', ':00080', ':-1', ':a', ':8080x'];
const tails = ['', '/', '/cb', '/a/b?c=d', '?x=1', '/#', '/cb#frag', '#', '?a=#', '\\cb', '/%zz', '/<>"{}|^`', '/a b', '/\t', '@evil.com/', '/@evil',
  '/../x', '/./', '//double', '?', '/é'];

describe('parseUrl agrees with the WHATWG parser', () => {
  test('on generated URLs around the edges of the quick reading', () => {
    const host = fc.array(fc.constantFrom(...labels), { minLength: 0, maxLength: 4 }).map((parts) => parts.join('.'));
    const url = fc.tuple(fc.constantFrom(...schemes), fc.constantFrom(...separators), host, fc.constantFrom(...ports), fc.constantFrom(...tails))
      .map((parts) => parts.join(''));
    fc.assert(fc.property(url, (text) => {
      expect(parseUrl(text)).toEqual(byWhatwg(text));
    }), { numRuns: 5_000 });
  });

  test('on every http(s) URL built from one host, port and tail of the lists above', () => {
    const hosts = labels.flatMap((label) => [label, `a.${label}`, `${label}.com`]);
    let compared = 0;
    for (const scheme of ['https', 'http', 'HTTP']) {
      for (const host of hosts) {
        for (const port of ports) {
          for (const tail of tails) {
            const text = `${scheme}://${host}${port}${tail}`;
            const expected = byWhatwg(text);
            const actual = parseUrl(text);
            if (actual?.protocol !== expected?.protocol || actual?.hostname !== expected?.hostname || actual?.hasFragment !== expected?.hasFragment) {
              throw new Error(`${text}: ${JSON.stringify(actual)} but the WHATWG parser gives ${JSON.stringify(expected)}`);
            }
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(3 * hosts.length * ports.length * tails.length);
  });

  test('on printable ASCII after a simple prefix', () => {
    const text = fc.tuple(fc.constantFrom('https://', 'http://', 'http://localhost', 'https://a.b'), fc.string({ unit: 'binary-ascii', maxLength: 24 }))
      .map(([prefix, rest]) => prefix + rest);
    fc.assert(fc.property(text, (candidate) => {
      expect(parseUrl(candidate)).toEqual(byWhatwg(candidate));
    }), { numRuns: 5_000 });
  });
});


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
