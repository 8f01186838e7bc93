import { PROVIDER_NAME_LIMITS } from '../../src/rules/client/identity-provider-names-format';
import { REDIRECT_URL_LIMITS } from '../../src/rules/client/redirect-urls';
import { checkEachString, checkStringLimits } from '../../src/rules/constraints';
import { UNKNOWN } from '../../src/rules/values';

describe('checkStringLimits', () => {
  const limits = { minLength: 2, maxLength: 4 };
  const because = (value: string) => checkStringLimits('P', value, limits, 'fix').map((v) => v.because);

  test('counts code points as the service does: a surrogate pair is one character', () => {
    expect(because('😀')).toEqual(['it must have at least 2 character(s)']);
    expect(because('😀😀😀😀')).toEqual([]);
    expect(because('😀😀😀😀😀')).toEqual(['it has 5 characters and the maximum is 4']);
  });

  test('plain strings at and around the bounds', () => {
    expect(because('a')).toEqual(['it must have at least 2 character(s)']);
    expect(because('ab')).toEqual([]);
    expect(because('abcd')).toEqual([]);
    expect(because('abcde')).toEqual(['it has 5 characters and the maximum is 4']);
  });
});

describe('fastPattern', () => {
  const limits = { pattern: /^[ab]+$/, fastPattern: /^a+$/, patternDescription: 'a and b' };
  const because = (value: string) => checkStringLimits('P', value, limits, 'fix').map((v) => v.because);

  test('a value the fast pattern refuses is still judged by the pattern', () => {
    expect(because('aaa')).toEqual([]);
    expect(because('abba')).toEqual([]);
    expect(because('abc')).toEqual(['it must consist of a and b only']);
  });

  // The fast patterns of the rules must accept only what their Unicode pattern accepts, and every single
  // character of the Basic Multilingual Plane gives the same verdict with or without them.
  test.each([
    ['redirect URLs', REDIRECT_URL_LIMITS],
    ['identity provider names', PROVIDER_NAME_LIMITS],
  ])('%s: the fast pattern is a subset of the pattern, and the verdict on every BMP character is the pattern\'s', (_name, rule) => {
    const slow = { ...rule, fastPattern: undefined };
    const disagreements: string[] = [];
    let fastAccepted = 0;
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `a${String.fromCharCode(code)}b`;
      if (rule.fastPattern!.test(text)) {
        fastAccepted++;
        if (!rule.pattern!.test(text)) disagreements.push(`U+${code.toString(16)} accepted by the fast pattern only`);
      }
      const verdict = checkStringLimits('P', text, rule, 'fix').length;
      if (verdict !== checkStringLimits('P', text, slow, 'fix').length) disagreements.push(`U+${code.toString(16)} judged differently`);
    }
    expect(disagreements).toEqual([]);
    expect(fastAccepted).toBeGreaterThan(90);
  });
});

describe('checkEachString', () => {
  test('reports each broken item with its index, skipping unknown items, in list order', () => {
    const violations = checkEachString('L', ['ok', UNKNOWN, 'x', 'fine', 'toolong'], { minLength: 2, maxLength: 4 }, 'fix');
    expect(violations).toEqual([
      { property: 'L[2]', value: 'x', because: 'it must have at least 2 character(s)', fix: 'fix' },
      { property: 'L[4]', value: 'toolong', because: 'it has 7 characters and the maximum is 4', fix: 'fix' },
    ]);
    expect(checkEachString('L', UNKNOWN, { minLength: 2 }, 'fix')).toEqual([]);
    expect(checkEachString('L', undefined, { minLength: 2 }, 'fix')).toEqual([]);
  });
});
