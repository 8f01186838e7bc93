import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-analytics-configuration-form';
const analytics = (AnalyticsConfiguration: unknown) => findingsOf(RULE, templateWith({ Client: client({ AnalyticsConfiguration }) }));
const ARN = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc';
const ROLE = 'arn:aws:iam::123456789012:role/pinpoint';

describe(RULE, () => {
  test('fails when ApplicationArn comes with the id/role form (measured; values may be tokens)', () => {
    const findings = analytics({
      ApplicationArn: { 'Fn::Sub': 'arn:aws:mobiletargeting:us-east-1:${AWS::AccountId}:apps/abc' },
      ApplicationId: 'abc',
      RoleArn: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/pfprobe' },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'AnalyticsConfiguration' });
    expect(findings[0].message).toBe('Property AnalyticsConfiguration: value "ApplicationArn + ApplicationId + RoleArn" is not allowed because Cognito accepts either ApplicationArn alone or ApplicationId together with RoleArn and ExternalId ("Invalid analytics configuration given"). Fix: keep ApplicationArn and remove ApplicationId, RoleArn (the ARN form needs no role), or drop ApplicationArn and give ApplicationId, RoleArn and ExternalId.');
  });

  test('fails on ApplicationId alone (measured) and names what is missing', () => {
    const findings = analytics({ ApplicationId: 'abcdef01234567890abcdef012345678' });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('Fix: add RoleArn, ExternalId, or replace them all with ApplicationArn.');
  });

  test('passes either complete form, with UserDataShared', () => {
    expect(analytics({ ApplicationArn: ARN, UserDataShared: true })).toEqual([]);
    expect(analytics({ ApplicationId: 'abc', RoleArn: ROLE, ExternalId: 'ext', UserDataShared: false })).toEqual([]);
  });

  test('treats AWS::NoValue as absent and stays silent when Fn::If may remove a field', () => {
    expect(analytics({ ApplicationArn: ARN, ApplicationId: { Ref: 'AWS::NoValue' } })).toEqual([]);
    expect(analytics({ ApplicationArn: ARN, ApplicationId: { 'Fn::If': ['C', 'abc', { Ref: 'AWS::NoValue' }] } })).toEqual([]);
    expect(analytics({ Ref: 'Analytics' })).toEqual([]);
  });
});
