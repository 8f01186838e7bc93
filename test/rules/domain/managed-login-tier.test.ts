import { findingsOf, templateWith } from '../helpers';
import { domain } from './build';

const RULE = 'domain-managed-login-tier';
const managedLogin = (tier: unknown, version: unknown = 2) =>
  templateWith({ D: domain({ Domain: 'my-app', ManagedLoginVersion: version }) }, tier === undefined ? {} : { UserPoolTier: tier });

describe(RULE, () => {
  test('fails on version 2 with a LITE pool (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, managedLogin('LITE'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'ManagedLoginVersion' });
    expect(findings[0].message).toBe('Property ManagedLoginVersion: value 2 is not allowed because user pool Pool is on the LITE feature plan, and '
      + 'managed login (version 2) needs ESSENTIALS or PLUS. Fix: set UserPoolTier of Pool to ESSENTIALS (or PLUS), or use ManagedLoginVersion 1 (classic hosted UI).');
  });

  test('passes ESSENTIALS, PLUS, and an absent tier (ESSENTIALS for new pools)', () => {
    for (const tier of ['ESSENTIALS', 'PLUS', undefined]) expect(findingsOf(RULE, managedLogin(tier))).toEqual([]);
  });

  test('passes version 1 on LITE', () => {
    expect(findingsOf(RULE, managedLogin('LITE', 1))).toEqual([]);
  });

  test('stays silent on an unknown tier, an unknown version, or a pool the template does not create', () => {
    expect(findingsOf(RULE, managedLogin({ Ref: 'Tier' }))).toEqual([]);
    expect(findingsOf(RULE, managedLogin('LITE', { Ref: 'Version' }))).toEqual([]);
    const imported = { Resources: { D: { Type: 'AWS::Cognito::UserPoolDomain', Properties: { UserPoolId: 'us-east-1_abc', Domain: 'my-app', ManagedLoginVersion: 2 } } } };
    expect(findingsOf(RULE, imported)).toEqual([]);
  });
});
