import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-analytics-configuration-format';
const analytics = (AnalyticsConfiguration: unknown) => findingsOf(RULE, templateWith({ Client: client({ AnalyticsConfiguration }) }));

describe(RULE, () => {
  test('fails on a non-hex ApplicationId, malformed ARNs and an over-long ExternalId, all at once', () => {
    const findings = analytics({ ApplicationId: 'my-app', RoleArn: 'arn:aws:iam::acct:role/x', ApplicationArn: 'short', ExternalId: 'x'.repeat(131_073) });
    expect(findings.map((f) => f.property)).toEqual([
      'AnalyticsConfiguration.ApplicationId', 'AnalyticsConfiguration.ApplicationArn', 'AnalyticsConfiguration.RoleArn', 'AnalyticsConfiguration.ExternalId',
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(findings[0].message).toBe('Property AnalyticsConfiguration.ApplicationId: value "my-app" is not allowed because it must consist of hexadecimal digits (the Amazon Pinpoint project id) only. Fix: use the Pinpoint project id, 32 hexadecimal digits.');
    expect(findings[1].message).toContain('it must have at least 20 character(s)');
    expect(findings[2].message).toContain('it must consist of an ARN of the form');
    expect(findings[3].message).toContain('the maximum is 131072');
  });

  test('passes well-formed values', () => {
    expect(analytics({ ApplicationId: 'abcDEF0123', RoleArn: 'arn:aws:iam::123456789012:role/pinpoint', ExternalId: '' })).toEqual([]);
    expect(analytics({ ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abcdef01234567890abcdef012345678' })).toEqual([]);
  });

  test('stays silent for tokens', () => {
    expect(analytics({ ApplicationArn: { 'Fn::GetAtt': ['App', 'Arn'] }, RoleArn: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/x' } })).toEqual([]);
    expect(analytics({ Ref: 'Config' })).toEqual([]);
  });
});
