import * as fc from 'fast-check';
import { TemplateModel } from '../../src/rules/template-model';
import { intrinsicName, readBoolean, readNumber, readString, readStringList, renderValue, UNKNOWN } from '../../src/rules/values';

describe('intrinsic-aware value readers', () => {
  const model = new TemplateModel({
    Api: { Type: 'AWS::Cognito::UserPoolResourceServer', Properties: { UserPoolId: { Ref: 'Pool' }, Identifier: 'api', Name: 'n' } },
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
  }, { region: 'eu-west-1' });

  test('resolves what the template itself can tell', () => {
    expect(readString({ 'Fn::Join': ['', [{ Ref: 'Api' }, '/read']] }, model)).toBe('api/read');
    expect(readString({ 'Fn::Sub': '${Api}/write' }, model)).toBe('api/write');
    expect(readString({ 'Fn::Sub': ['${X}/y', { X: 'lit' }] }, model)).toBe('lit/y');
    expect(readString({ 'Fn::Sub': 'https://${!Literal}' }, model)).toBe('https://${Literal}');
    expect(readString({ 'Fn::Sub': 'https://x.auth.${AWS::Region}.amazoncognito.com' }, model)).toBe('https://x.auth.eu-west-1.amazoncognito.com');
  });

  test('never guesses: parameters, attributes, imports, conditions and unknown functions are UNKNOWN', () => {
    for (const value of [{ Ref: 'Param' }, { 'Fn::GetAtt': ['Pool', 'Arn'] }, { 'Fn::ImportValue': 'x' }, { 'Fn::If': ['C', 'a', 'b'] },
      { 'Fn::Sub': '${Pool.Arn}' }, { 'Fn::Join': ['', ['a', { Ref: 'Param' }]] }, { 'Fn::Foo': 1 }, { Ref: 'Pool' }]) {
      expect(readString(value, model)).toBe(UNKNOWN);
    }
    expect(readString({ Ref: 'AWS::Region' })).toBe(UNKNOWN);
  });

  test('absent values and AWS::NoValue are undefined, wrong JSON types are UNKNOWN', () => {
    expect(readString(undefined)).toBeUndefined();
    expect(readString({ Ref: 'AWS::NoValue' })).toBeUndefined();
    expect(readString(42)).toBe(UNKNOWN);
    expect(readStringList(['a', { Ref: 'AWS::NoValue' }, { Ref: 'P' }])).toEqual(['a', UNKNOWN]);
    expect(readStringList({ 'Fn::Split': [',', 'a,b'] })).toBe(UNKNOWN);
  });

  test('reads the string spellings CloudFormation converts', () => {
    expect(readBoolean('TRUE')).toBe(true);
    expect(readBoolean('no')).toBe(UNKNOWN);
    expect(readNumber(' 60 ')).toBe(60);
    expect(readNumber('6O')).toBe(UNKNOWN);
  });

  test('renders values for messages on one line, escaped and bounded', () => {
    expect(renderValue('a\nb\u2028c')).toBe('"a\\nb\\u2028c"');
    expect(renderValue('x'.repeat(500))).toHaveLength(200);
    expect(renderValue(UNKNOWN)).toBe('(unknown until deploy)');
  });
});

describe('intrinsicName', () => {
  /** The definition: an object (not an array) whose Object.keys are exactly one intrinsic function name. */
  function byDefinition(value: unknown): string | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const keys = Object.keys(value);
    return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::')) ? keys[0] : undefined;
  }

  test('agrees with its definition on random values, inherited and non-enumerable keys included', () => {
    const key = fc.oneof(fc.constantFrom('Ref', 'Condition', 'Fn::If', 'Fn::Sub', 'Fn::', 'Fn', 'ref', 'X', '__proto__'), fc.string());
    const plain = fc.dictionary(key, fc.jsonValue(), { maxKeys: 4 });
    const withInherited = fc.tuple(plain, plain).map(([proto, own]) => Object.assign(Object.create(proto), own));
    const withHidden = fc.tuple(plain, key).map(([own, hidden]) => Object.defineProperty({ ...own }, hidden, { value: 1, enumerable: false }));
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), plain, withInherited, withHidden), (value) => {
      expect(intrinsicName(value)).toBe(byDefinition(value));
    }), { numRuns: 3000 });
  });

  test('names the function of a one-key intrinsic, nothing else', () => {
    expect(intrinsicName({ Ref: 'X' })).toBe('Ref');
    expect(intrinsicName({ 'Fn::GetAtt': ['A', 'B'] })).toBe('Fn::GetAtt');
    expect(intrinsicName({ Ref: 'X', Other: 1 })).toBeUndefined();
    expect(intrinsicName({})).toBeUndefined();
    expect(intrinsicName([{ Ref: 'X' }])).toBeUndefined();
    expect(intrinsicName('Ref')).toBeUndefined();
  });
});

describe('readStringList', () => {
  test('a list of literal strings reads as the same list; any other item makes a new list', () => {
    const literal = ['a', 'b'];
    expect(readStringList(literal)).toBe(literal);
    const mixed = ['a', { Ref: 'P' }];
    expect(readStringList(mixed)).not.toBe(mixed);
    expect(readStringList(mixed)).toEqual(['a', UNKNOWN]);
    // A hole is not a string: it reads as UNKNOWN, as a null item does.
    // eslint-disable-next-line no-sparse-arrays
    expect(readStringList(['a', , 'b'])).toEqual(['a', UNKNOWN, 'b']);
  });
});
