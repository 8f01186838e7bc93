import { checkStringLimits } from '../../src/rules/constraints';

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
