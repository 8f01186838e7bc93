import { findingsOf, templateWith } from '../helpers';
import { domain, uiAttachment } from './build';

const RULE = 'ui-customization-requires-domain';

describe(RULE, () => {
  test('fails when the template creates the pool with no domain (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, templateWith({ UI: uiAttachment() }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'UI', property: 'UserPoolId' });
    expect(findings[0].message).toBe('Property UserPoolId: value {"Ref":"Pool"} is not allowed because the template creates user pool Pool with no '
      + 'AWS::Cognito::UserPoolDomain, and Cognito customizes only the hosted UI of a pool that has a domain. '
      + 'Fix: add an AWS::Cognito::UserPoolDomain for Pool (in CDK: pool.addDomain(...)) and make this attachment depend on it.');
  });

  test('fails when the only domain belongs to another pool', () => {
    const template = templateWith({
      Other: { Type: 'AWS::Cognito::UserPool', Properties: {} },
      D: domain({ Domain: 'other-app', UserPoolId: { Ref: 'Other' } }),
      UI: uiAttachment(),
    });
    expect(findingsOf(RULE, template)).toHaveLength(1);
  });

  test('passes when the pool has a domain', () => {
    expect(findingsOf(RULE, templateWith({ D: domain({ Domain: 'my-app' }), UI: uiAttachment('D') }))).toEqual([]);
  });

  test('stays silent when a domain might be this pool\'s, or the pool is not created here', () => {
    const conditional = domain({ Domain: 'my-app', UserPoolId: { 'Fn::If': ['C', { Ref: 'Pool' }, 'us-east-1_x'] } });
    expect(findingsOf(RULE, templateWith({ D: conditional, UI: uiAttachment() }))).toEqual([]);
    const opaque = { Type: 'AWS::Cognito::UserPoolDomain', Properties: { 'Fn::If': ['C', {}, {}] } };
    expect(findingsOf(RULE, templateWith({ D: opaque, UI: uiAttachment() }))).toEqual([]);
    expect(findingsOf(RULE, { Resources: { UI: uiAttachment(undefined, { UserPoolId: { 'Fn::ImportValue': 'pool' } }) } })).toEqual([]);
  });
});
