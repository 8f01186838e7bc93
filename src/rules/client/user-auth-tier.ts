import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';
import { explicitAuthFlows } from './auth-flows';

// API reference, ExplicitAuthFlows: ALLOW_USER_AUTH (choice-based sign-in) needs the Essentials or Plus feature plan,
// and CreateUserPoolClient lists FeatureUnavailableInTierException (constraints C24). No measured rejection or
// message was found, so this is a warning.
export const clientUserAuthTier = defineRule({
  id: 'client-user-auth-tier',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'ALLOW_USER_AUTH is not used on a pool whose UserPoolTier is LITE (choice-based sign-in needs Essentials or Plus; rejection unconfirmed).',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ExplicitAuthFlows',
  constraints: ['C24'],
  check: (client) => {
    const pool = client.pool;
    const flows = explicitAuthFlows(client);
    // Only an explicit LITE: an omitted tier means ESSENTIALS for new pools.
    if (!pool || pool.tier !== 'LITE' || !isKnown(flows)) return [];
    const violations: Violation[] = [];
    flows.forEach((flow, index) => {
      if (flow !== 'ALLOW_USER_AUTH') return;
      violations.push({
        property: `ExplicitAuthFlows[${index}]`,
        value: flow,
        because: `user pool ${pool.logicalId} is on the LITE feature plan and choice-based sign-in (USER_AUTH) needs Essentials or Plus; Cognito is expected to refuse it with FeatureUnavailableInTierException (unconfirmed)`,
        fix: `set UserPoolTier of ${pool.logicalId} to ESSENTIALS or PLUS, or remove ALLOW_USER_AUTH`,
      });
    });
    return violations;
  },
});
