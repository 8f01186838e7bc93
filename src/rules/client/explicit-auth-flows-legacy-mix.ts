import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';
import { explicitAuthFlows, isAllowFlow, isLegacyFlow } from './auth-flows';

/** The ALLOW_* name that replaces each legacy name. */
const REPLACEMENT: Readonly<Record<string, string>> = {
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
};

// Measured (pf-cognito-explicit-auth-flows-legacy-mix): "Auth flow name with prefix 'ALLOW' cannot be used with
// legacy auth flow names." (constraints C22).
export const clientExplicitAuthFlowsLegacyMix = defineRule({
  id: 'client-explicit-auth-flows-legacy-mix',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'ExplicitAuthFlows does not mix legacy names (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) with ALLOW_* names.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ExplicitAuthFlows',
  constraints: ['C22'],
  check: (client) => {
    const flows = explicitAuthFlows(client);
    if (!isKnown(flows)) return [];
    const known = flows.filter(isKnown);
    if (!known.some(isAllowFlow)) return [];
    const violations: Violation[] = [];
    flows.forEach((flow, index) => {
      if (!isKnown(flow) || !isLegacyFlow(flow)) return;
      violations.push({
        property: `ExplicitAuthFlows[${index}]`,
        value: flow,
        because: 'Cognito refuses legacy auth flow names in the same list as ALLOW_* names',
        fix: `replace it with ${REPLACEMENT[flow]}`,
      });
    });
    return violations;
  },
});
