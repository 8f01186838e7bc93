import { TemplateModel } from '../../src/rules/template-model';
import { readBoolean, readNumber, readString, readStringList, renderValue, UNKNOWN } from '../../src/rules/values';

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
