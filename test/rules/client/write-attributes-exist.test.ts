import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-write-attributes-exist';
const write = (WriteAttributes: unknown, pool: Record<string, unknown> = {}) =>
  findingsOf(RULE, templateWith({ Client: client({ WriteAttributes }) }, pool));

describe(RULE, () => {
  test('fails on attributes the pool lacks', () => {
    const findings = write(['email', 'custom:nosuch', 'favourite_colour']);
    expect(findings.map((f) => f.property)).toEqual(['WriteAttributes[1]', 'WriteAttributes[2]']);
    expect(findings[0]).toMatchObject({ severity: 'error' });
    expect(findings[0].message).toContain('Cognito refuses the client with "Invalid write attributes specified while creating a client"');
  });

  test('passes existing attributes (verification flags are left to their own rules)', () => {
    expect(write(['email', 'custom:tenant', 'email_verified'], { Schema: [{ Name: 'tenant' }] })).toEqual([]);
  });

  test('stays silent when it cannot know', () => {
    expect(write(['custom:x'], { Schema: [{ 'Fn::If': ['C', { Name: 'x' }, { Ref: 'AWS::NoValue' }] }] })).toEqual([]);
    expect(write({ Ref: 'Attrs' })).toEqual([]);
  });
});
