import { findingsOf, templateWith } from '../helpers';
import { customDomain } from './build';

const RULE = 'domain-certificate-region';
const withCert = (arn: unknown) => templateWith({ D: customDomain('auth.example.com', { CertificateArn: arn }) });
const TOKYO = 'arn:aws:acm:ap-northeast-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

describe(RULE, () => {
  test('fails on a certificate outside us-east-1 (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, withCert(TOKYO));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'CustomDomainConfig.CertificateArn' });
    expect(findings[0].message).toBe(`Property CustomDomainConfig.CertificateArn: value "${TOKYO}" is not allowed because the certificate is in `
      + 'ap-northeast-1, and the CloudFront distribution behind a custom domain reads certificates from us-east-1 only. '
      + 'Fix: request or import the certificate in us-east-1 (in CDK, from a stack whose env.region is us-east-1) and use that ARN.');
  });

  test('resolves AWS::Region when the deploy region is known', () => {
    const arn = { 'Fn::Sub': 'arn:aws:acm:${AWS::Region}:123456789012:certificate/abc' };
    expect(findingsOf(RULE, withCert(arn), 'eu-west-1')).toHaveLength(1);
    expect(findingsOf(RULE, withCert(arn), 'us-east-1')).toEqual([]);
    expect(findingsOf(RULE, withCert(arn))).toEqual([]);
  });

  test('passes us-east-1 certificates', () => {
    expect(findingsOf(RULE, withCert('arn:aws:acm:us-east-1:123456789012:certificate/abc'))).toEqual([]);
  });

  test('stays silent on unknown ARNs, other partitions and non-ACM ARNs', () => {
    expect(findingsOf(RULE, withCert({ Ref: 'CertificateArn' }))).toEqual([]);
    expect(findingsOf(RULE, withCert({ 'Fn::ImportValue': 'cert' }))).toEqual([]);
    expect(findingsOf(RULE, withCert('arn:aws-cn:acm:cn-north-1:123456789012:certificate/abc'))).toEqual([]);
    expect(findingsOf(RULE, withCert('arn:aws:iam::123456789012:server-certificate/x'))).toEqual([]);
  });
});
