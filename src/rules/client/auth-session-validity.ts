import { checkRange } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';

// CloudFormation schema and Cognito API model: AuthSessionValidity minimum 3, maximum 15 minutes (constraints C31).
export const clientAuthSessionValidity = defineRule({
  id: 'client-auth-session-validity',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'AuthSessionValidity (minutes) is a whole number from 3 to 15.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AuthSessionValidity',
  constraints: ['C31'],
  check: (client) => checkRange('AuthSessionValidity', client.number('AuthSessionValidity'), 3, 15,
    'choose a sign-in session lifetime of 3 to 15 minutes'),
});
