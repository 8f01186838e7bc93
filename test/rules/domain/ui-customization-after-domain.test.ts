import { findingsOf, templateWith } from '../helpers';
import { domain, uiAttachment } from './build';

const RULE = 'ui-customization-after-domain';
const withDomain = (attachment: unknown, extra: Record<string, unknown> = {}) =>
  templateWith({ D: domain({ Domain: 'my-app' }), UI: attachment, ...extra });

describe(RULE, () => {
  test('warns when nothing orders the attachment after the domain', () => {
    const findings = findingsOf(RULE, withDomain(uiAttachment()));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', logicalId: 'UI', property: 'DependsOn' });
    expect(findings[0].message).toBe('Property DependsOn is not set, which is risky because nothing orders it after the domain of user pool Pool (D), '
      + 'so CloudFormation may create it first and Cognito then rejects it. Fix: add DependsOn: D (in CDK: attachment.node.addDependency(domain)).');
  });

  test('warns when DependsOn names other resources only', () => {
    const findings = findingsOf(RULE, withDomain(uiAttachment(['Pool']), {}));
    expect(findings[0].message).toContain('value ["Pool"] is risky');
  });

  test('passes with DependsOn on the domain (string or list), a reference, or a transitive dependency', () => {
    expect(findingsOf(RULE, withDomain(uiAttachment('D')))).toEqual([]);
    expect(findingsOf(RULE, withDomain(uiAttachment(['Pool', 'D'])))).toEqual([]);
    expect(findingsOf(RULE, withDomain(uiAttachment(undefined, { CSS: { 'Fn::Sub': '/* ${D} */ .x {}' } })))).toEqual([]);
    const waiter = { Type: 'AWS::CloudFormation::WaitConditionHandle', DependsOn: 'D' };
    expect(findingsOf(RULE, withDomain(uiAttachment('Waiter'), { Waiter: waiter }))).toEqual([]);
  });

  test('leaves a pool without a domain to ui-customization-requires-domain, and ignores imported pools', () => {
    expect(findingsOf(RULE, templateWith({ UI: uiAttachment() }))).toEqual([]);
    expect(findingsOf(RULE, { Resources: { UI: uiAttachment(undefined, { UserPoolId: 'us-east-1_abc' }) } })).toEqual([]);
  });
});
