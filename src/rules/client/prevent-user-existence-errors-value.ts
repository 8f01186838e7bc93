import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';

// Cognito API model PreventUserExistenceErrorTypes enum LEGACY/ENABLED (constraints C38); CloudFormation has no enum.
export const clientPreventUserExistenceErrorsValue = defineRule({
  id: 'client-prevent-user-existence-errors-value',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'PreventUserExistenceErrors is LEGACY or ENABLED.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-PreventUserExistenceErrors',
  constraints: ['C38'],
  check: (client) => checkStringLimits('PreventUserExistenceErrors', client.string('PreventUserExistenceErrors'),
    { allowed: ['LEGACY', 'ENABLED'] }, 'use ENABLED (recommended) or LEGACY, in upper case'),
});
