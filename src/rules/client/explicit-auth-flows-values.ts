import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';
import { AUTH_FLOWS, explicitAuthFlows } from './auth-flows';

// Cognito API model ExplicitAuthFlowsType enum (constraints C21); the CloudFormation schema has no enum, so
// CloudFormation passes any string on and Cognito's model validation rejects it.
export const clientExplicitAuthFlowsValues = defineRule({
  id: 'client-explicit-auth-flows-values',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Every ExplicitAuthFlows entry is one of the auth flow names Cognito knows.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ExplicitAuthFlows',
  constraints: ['C21'],
  check: (client) => {
    const flows = explicitAuthFlows(client);
    if (!isKnown(flows)) return [];
    const violations: Violation[] = [];
    flows.forEach((flow, index) => {
      if (!isKnown(flow) || AUTH_FLOWS.includes(flow)) return;
      const likely = AUTH_FLOWS.find((name) => name === flow.toUpperCase() || name === `ALLOW_${flow.toUpperCase()}`);
      violations.push({
        property: `ExplicitAuthFlows[${index}]`,
        value: flow,
        because: 'Cognito accepts only the auth flow names ' + AUTH_FLOWS.filter((f) => f.startsWith('ALLOW_')).join(', ') +
          ' (and the legacy ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH)',
        fix: likely ? `write ${likely}` : 'use one of the ALLOW_* auth flow names',
      });
    });
    return violations;
  },
});
