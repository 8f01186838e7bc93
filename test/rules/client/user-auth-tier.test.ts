import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-user-auth-tier';
const lint = (ExplicitAuthFlows: unknown, pool: Record<string, unknown>) =>
  findingsOf(RULE, templateWith({ Client: client({ ExplicitAuthFlows }) }, pool));

describe(RULE, () => {
  test('warns on ALLOW_USER_AUTH in a LITE pool, marked unconfirmed', () => {
    const findings = lint(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'], { UserPoolTier: 'LITE' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', property: 'ExplicitAuthFlows[1]' });
    expect(findings[0].message).toContain('user pool Pool is on the LITE feature plan');
    expect(findings[0].message).toContain('(unconfirmed)');
    expect(findings[0].message).toContain('Fix: set UserPoolTier of Pool to ESSENTIALS or PLUS');
  });

  test('passes on ESSENTIALS, PLUS and an omitted tier (ESSENTIALS by default)', () => {
    expect(lint(['ALLOW_USER_AUTH'], { UserPoolTier: 'ESSENTIALS' })).toEqual([]);
    expect(lint(['ALLOW_USER_AUTH'], { UserPoolTier: 'PLUS' })).toEqual([]);
    expect(lint(['ALLOW_USER_AUTH'], {})).toEqual([]);
  });

  test('passes a LITE pool without ALLOW_USER_AUTH', () => {
    expect(lint(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], { UserPoolTier: 'LITE' })).toEqual([]);
  });

  test('stays silent when the tier is a token or the pool is imported', () => {
    expect(lint(['ALLOW_USER_AUTH'], { UserPoolTier: { Ref: 'Tier' } })).toEqual([]);
    const imported = { Resources: { C: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'us-east-1_abc', ExplicitAuthFlows: ['ALLOW_USER_AUTH'] } } } };
    expect(findingsOf(RULE, imported)).toEqual([]);
  });
});
