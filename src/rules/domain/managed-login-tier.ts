import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';

// Measured (pf-cognito-managed-login-version-tier): "The following feature is not available for the LITE pricing tier
// configured: Managed Login Version 2" (constraints D07). An absent UserPoolTier means ESSENTIALS for a new pool.
export const domainManagedLoginTier = defineRule({
  id: 'domain-managed-login-tier',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'ManagedLoginVersion 2 is used only on a pool whose feature plan (UserPoolTier) is ESSENTIALS or PLUS.',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html',
  constraints: ['D07'],
  check: (domain) => {
    const pool = domain.pool;
    if (!pool || domain.number('ManagedLoginVersion') !== 2 || !isKnown(pool.tier) || pool.tier !== 'LITE') return [];
    return [{
      property: 'ManagedLoginVersion',
      value: 2,
      because: `user pool ${pool.logicalId} is on the LITE feature plan, and managed login (version 2) needs ESSENTIALS or PLUS`,
      fix: `set UserPoolTier of ${pool.logicalId} to ESSENTIALS (or PLUS), or use ManagedLoginVersion 1 (classic hosted UI)`,
    }];
  },
});
