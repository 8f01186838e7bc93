import { CognitoClientLinter } from '../../src';

const RULES = {
  'AWS::Cognito::UserPoolClient': ['client-user-pool-id-format', {}],
  'AWS::Cognito::UserPoolDomain': ['domain-user-pool-id-format', { Domain: 'orders-login' }],
  'AWS::Cognito::UserPoolResourceServer': ['resource-server-user-pool-id-format', { Identifier: 'orders', Name: 'orders' }],
  'AWS::Cognito::UserPoolUICustomizationAttachment': ['ui-customization-user-pool-id-format', { ClientId: 'ALL' }],
} as const;

function findingsFor(type: keyof typeof RULES, userPoolId: unknown) {
  const [rule, properties] = RULES[type];
  const template = { Parameters: { PoolId: { Type: 'String' } }, Resources: { It: { Type: type, Properties: { ...properties, UserPoolId: userPoolId } } } };
  return CognitoClientLinter.lintTemplate(template).filter((f) => f.ruleId === rule);
}

describe.each(Object.keys(RULES) as Array<keyof typeof RULES>)('UserPoolId format on %s', (type) => {
  test.each([
    'us-east-1_AbC123xyz',
    'eu-central-1_0',
    'local_5ZfRJ3JY',
    `us-east-1_${'a'.repeat(45)}`, // 55 characters
  ])('accepts %s', (id) => {
    expect(findingsFor(type, id)).toEqual([]);
  });

  test.each([
    ['no underscore', 'useast1AbC123'],
    ['the tail of a pool ARN', 'userpool/us-east-1_AbC123'],
    ['a trailing hyphen after the underscore', 'us-east-1_AbC-123'],
    ['a space', 'us-east-1_AbC 123'],
    ['a non-ASCII letter', 'us-east-1_Äbc'],
  ])('refuses %s', (_what, id) => {
    const findings = findingsFor(type, id);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'It', property: 'UserPoolId' });
    expect(findings[0].message).toMatch(/^Property UserPoolId: value ".*" is not allowed because it must consist of a region-like prefix .* Fix: reference the pool instead of writing its id/);
  });

  test('refuses 56 characters', () => {
    const findings = findingsFor(type, `us-east-1_${'a'.repeat(46)}`);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('it has 56 characters and the maximum is 55')]);
  });

  test.each([
    ['a Ref to a parameter', { Ref: 'PoolId' }],
    ['an import', { 'Fn::ImportValue': 'shared-pool-id' }],
    ['a GetAtt', { 'Fn::GetAtt': ['Pool', 'UserPoolId'] }],
    ['a Sub with a parameter', { 'Fn::Sub': '${PoolId}' }],
  ])('says nothing about %s (unknown until deploy)', (_what, value) => {
    expect(findingsFor(type, value)).toEqual([]);
  });
});
