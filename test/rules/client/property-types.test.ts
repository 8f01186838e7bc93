import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-property-types';
const lint = (properties: Record<string, unknown>) => findingsOf(RULE, templateWith({ Client: client(properties) }));

describe(RULE, () => {
  test('passes a complete, well-typed client', () => {
    expect(lint({
      ClientName: 'web',
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      AccessTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes' },
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
      AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', UserDataShared: true },
    })).toEqual([]);
  });

  test('accepts the string forms CloudFormation converts: "true"/"false" and numeric strings', () => {
    expect(lint({ GenerateSecret: 'true', EnableTokenRevocation: 'False', AuthSessionValidity: '5', RefreshTokenRotation: { RetryGracePeriodSeconds: '30' } })).toEqual([]);
  });

  test('accepts an intrinsic function in place of any value, list, list item or nested object', () => {
    expect(lint({
      ClientName: { 'Fn::Sub': '${AWS::StackName}-web' },
      GenerateSecret: { 'Fn::If': ['Cond', true, false] },
      CallbackURLs: { 'Fn::Split': [',', { Ref: 'Urls' }] },
      LogoutURLs: ['https://a.example.com', { Ref: 'Url' }],
      TokenValidityUnits: { Ref: 'AWS::NoValue' },
      AnalyticsConfiguration: { ApplicationArn: { 'Fn::GetAtt': ['App', 'Arn'] } },
      IdTokenValidity: { Ref: 'Hours' },
    })).toEqual([]);
  });

  test('reports a value of the wrong type at its own path', () => {
    // WHEN
    const findings = lint({ ClientName: 7, GenerateSecret: 'yes', AccessTokenValidity: 1.5 });
    // THEN
    expect(findings.map((f) => [f.property, f.severity])).toEqual([
      ['ClientName', 'error'], ['GenerateSecret', 'error'], ['AccessTokenValidity', 'error'],
    ]);
    expect(findings[0].message).toBe('Property ClientName: value 7 is not allowed because it must be a string. Fix: give a string, or an intrinsic function such as Ref.');
    expect(findings[1].message).toContain('it must be true or false');
    expect(findings[2].message).toContain('it must be a whole number');
  });

  test('reports every bad list item and nested field, not the first only', () => {
    const findings = lint({ CallbackURLs: ['https://a.example.com', 2, false], TokenValidityUnits: { AccessToken: 3, IdToken: 'hours' } });
    expect(findings.map((f) => f.property)).toEqual(['CallbackURLs[1]', 'CallbackURLs[2]', 'TokenValidityUnits.AccessToken']);
  });

  test('reports a list or object given as a scalar', () => {
    const findings = lint({ ReadAttributes: 'email', AnalyticsConfiguration: 'x' });
    // reported in the template's property order
    expect(findings.map((f) => f.property)).toEqual(['ReadAttributes', 'AnalyticsConfiguration']);
    expect(findings[0].message).toContain('it must be a list');
    expect(findings[1].message).toContain('it must be an object');
  });

  test('reports unknown property names with the valid names, and a case fix when only the case differs', () => {
    const findings = lint({ Foo: 1, clientName: 'x' });
    expect(findings).toHaveLength(2);
    const foo = findings.find((f) => f.property === 'Foo')!;
    expect(foo.message).toContain('CloudFormation does not know this property name');
    expect(foo.message).toContain('allowed here: AccessTokenValidity, AllowedOAuthFlows');
    expect(findings.find((f) => f.property === 'clientName')!.message).toContain('Fix: rename it to ClientName');
  });

  test('extraneous keys: rejected in TokenValidityUnits and AnalyticsConfiguration, allowed in RefreshTokenRotation (open schema)', () => {
    const findings = lint({ TokenValidityUnits: { Access: 'hours' }, AnalyticsConfiguration: { Arn: 'x' }, RefreshTokenRotation: { Feature: 'ENABLED', Note: 1 } });
    expect(findings.map((f) => f.property)).toEqual(['TokenValidityUnits.Access', 'AnalyticsConfiguration.Arn']);
    expect(findings[0].message).toContain('allowed here: AccessToken, IdToken, RefreshToken');
    expect(findings[1].message).toContain('allowed here: ApplicationArn, ApplicationId, ExternalId, RoleArn, UserDataShared');
  });

  test('requires UserPoolId', () => {
    const template = { Resources: { C: { Type: 'AWS::Cognito::UserPoolClient', Properties: { ClientName: 'x' } } } };
    const findings = findingsOf(RULE, template);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('Property UserPoolId is not set, but UserPoolId is required. Fix: add UserPoolId.');
  });

  test('reads JSON null as absent, like the value readers (a CloudFormation rejection of null is unconfirmed)', () => {
    expect(lint({ ClientName: null, TokenValidityUnits: { AccessToken: null }, CallbackURLs: null })).toEqual([]);
  });

  test('does not flag the read-only names CloudFormation declares (ClientId, ClientSecret, Name)', () => {
    expect(lint({ Name: 'x', ClientId: 'y', ClientSecret: 'z' })).toEqual([]);
  });
});
