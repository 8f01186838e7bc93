import { findingsOf, templateWith } from '../helpers';
import { domain } from './build';

const RULE = 'domain-property-types';

describe(RULE, () => {
  test('fails on an unknown property name and lists the allowed ones', () => {
    // GIVEN a misspelled property
    const template = templateWith({ D: domain({ Domain: 'my-app', ManagedLoginVerison: 2 }) });
    // WHEN
    const findings = findingsOf(RULE, template);
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'ManagedLoginVerison' });
    expect(findings[0].message).toBe('Property ManagedLoginVerison: value 2 is not allowed because CloudFormation does not know this property name. '
      + 'Fix: remove ManagedLoginVerison or correct its spelling (allowed here: UserPoolId, Domain, CustomDomainConfig, ManagedLoginVersion, Routing).');
  });

  test('fails on unknown names inside nested objects, with the nested path', () => {
    const template = templateWith({ D: domain({ Domain: 'auth.example.com', CustomDomainConfig: { CertificateArn: 'arn:x', Cert: 'y' } }) });
    const findings = findingsOf(RULE, template);
    expect(findings.map((f) => f.property)).toEqual(['CustomDomainConfig.Cert']);
    expect(findings[0].message).toContain('allowed here: CertificateArn, SecurityPolicy');
  });

  test('fails on a missing Domain and on wrong types, all at once, missing names first and then in template order', () => {
    const template = templateWith({ D: domain({ ManagedLoginVersion: 'two', CustomDomainConfig: 'auth', Routing: { Failover: [] } }) });
    const findings = findingsOf(RULE, template);
    expect(findings.map((f) => [f.property, f.message.replace(/ Fix:.*/, '')])).toEqual([
      ['Domain', 'Property Domain is not set, but Domain is required.'],
      ['ManagedLoginVersion', 'Property ManagedLoginVersion: value "two" is not allowed because it must be a whole number.'],
      ['CustomDomainConfig', 'Property CustomDomainConfig: value "auth" is not allowed because it must be an object.'],
      ['Routing.Failover', 'Property Routing.Failover: value [] is not allowed because it must be an object.'],
    ]);
  });

  test('fails when UserPoolId is missing', () => {
    const template = { Resources: { D: { Type: 'AWS::Cognito::UserPoolDomain', Properties: { Domain: 'my-app' } } } };
    expect(findingsOf(RULE, template).map((f) => f.property)).toEqual(['UserPoolId']);
  });

  test('passes a complete custom domain, and numbers written as strings', () => {
    const template = templateWith({
      D: domain({
        Domain: 'auth.example.com',
        ManagedLoginVersion: '2',
        CustomDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:1:certificate/x', SecurityPolicy: 'TLS_V1_2_2021' },
        Routing: { Failover: { SecondaryRegion: 'us-west-2', PrimaryRoute53HealthCheckId: 'abc' } },
      }),
    });
    expect(findingsOf(RULE, template)).toEqual([]);
  });

  test('accepts intrinsics in place of any value or object', () => {
    const template = templateWith({
      D: domain({
        Domain: { 'Fn::Sub': '${AWS::StackName}-auth' },
        ManagedLoginVersion: { Ref: 'Version' },
        CustomDomainConfig: { 'Fn::If': ['Custom', { CertificateArn: 'arn' }, { Ref: 'AWS::NoValue' }] },
        Routing: { Failover: { 'Fn::If': ['F', {}, {}] } },
      }),
    });
    expect(findingsOf(RULE, template)).toEqual([]);
  });
});
