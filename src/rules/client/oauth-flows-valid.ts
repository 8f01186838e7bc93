import { checkEachString, checkMaxItems } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';
import { OAUTH_FLOWS } from './oauth';

// API model OAuthFlowsType (max 3) and OAuthFlowType enum; measured enum error in awsdocs/aws-cloudformation-user-guide#563 (constraints C04).
export const clientOAuthFlowsValid = defineRule({
  id: 'client-oauth-flows-valid',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'AllowedOAuthFlows has at most 3 items, each one of code, implicit or client_credentials.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthFlows',
  constraints: ['C04'],
  check: (client) => {
    const flows = client.strings('AllowedOAuthFlows');
    return [
      ...checkMaxItems('AllowedOAuthFlows', flows, OAUTH_FLOWS.length, 'list each of code, implicit and client_credentials at most once'),
      ...checkEachString('AllowedOAuthFlows', flows, FLOW_LIMITS,
        'use code (authorization code grant), implicit or client_credentials; the implicit grant is spelled "implicit", not "token"'),
    ];
  },
});

const FLOW_LIMITS = { allowed: OAUTH_FLOWS };
