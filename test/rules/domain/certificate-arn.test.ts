import { findingsOf, templateWith } from '../helpers';
import { domain } from './build';

const RULE = 'domain-certificate-arn';
const withConfig = (config: unknown) => templateWith({ D: domain({ Domain: 'auth.example.com', CustomDomainConfig: config }) });

describe(RULE, () => {
  test('fails when CustomDomainConfig has no CertificateArn', () => {
    const findings = findingsOf(RULE, withConfig({ SecurityPolicy: 'TLS_V1_2_2021' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'CustomDomainConfig.CertificateArn' });
    expect(findings[0].message).toMatch(/^Property CustomDomainConfig\.CertificateArn is not set, but .*ACM certificate\. Fix: add CertificateArn/);
  });

  test('fails on a value that is not an ARN, and on a too short one', () => {
    expect(findingsOf(RULE, withConfig({ CertificateArn: 'my-certificate-name-here' }))[0].message).toContain('it must consist of an ARN');
    expect(findingsOf(RULE, withConfig({ CertificateArn: 'arn:aws:acm' }))[0].message).toContain('at least 20 character(s)');
  });

  test('passes an ACM ARN', () => {
    expect(findingsOf(RULE, withConfig({ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123' }))).toEqual([]);
  });

  test('stays silent on intrinsics and on prefix domains', () => {
    expect(findingsOf(RULE, withConfig({ CertificateArn: { Ref: 'Certificate' } }))).toEqual([]);
    expect(findingsOf(RULE, withConfig({ 'Fn::If': ['C', { CertificateArn: 'x' }, { Ref: 'AWS::NoValue' }] }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ D: domain({ Domain: 'my-app' }) }))).toEqual([]);
  });
});
