import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-analytics-region';
const withArn = (ApplicationArn: unknown, region?: string) =>
  findingsOf(RULE, templateWith({ Client: client({ AnalyticsConfiguration: { ApplicationArn } }) }), region);
const TOKYO = 'arn:aws:mobiletargeting:ap-northeast-1:123456789012:apps/abcdef01234567890abcdef012345678';

describe(RULE, () => {
  test('fails on a project in another region (the measured deploy failure)', () => {
    const findings = withArn(TOKYO, 'us-east-1');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'AnalyticsConfiguration.ApplicationArn' });
    expect(findings[0].message).toContain('because the Pinpoint project is in ap-northeast-1 but the client deploys to us-east-1; Cognito refuses it ("The integration with Pinpoint is not supported for the requested ap-northeast-1 region.")');
  });

  test('passes a project in the deploy region, and a us-east-1 project (allowed where the region has no Pinpoint)', () => {
    expect(withArn(TOKYO, 'ap-northeast-1')).toEqual([]);
    expect(withArn('arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', 'ap-east-1')).toEqual([]);
  });

  test('resolves AWS::Region in Fn::Sub from the lint region', () => {
    expect(withArn({ 'Fn::Sub': 'arn:aws:mobiletargeting:${AWS::Region}:123456789012:apps/abc' }, 'eu-west-1')).toEqual([]);
  });

  test('stays silent without a region or with an unknowable ARN', () => {
    expect(withArn(TOKYO)).toEqual([]);
    expect(withArn({ 'Fn::GetAtt': ['App', 'Arn'] }, 'us-east-1')).toEqual([]);
  });
});
