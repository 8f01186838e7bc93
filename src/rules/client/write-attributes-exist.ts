import { defineRule } from '../rule';
import { Severity } from '../types';
import { missingAttributes } from './attributes';

// The WriteAttributes twin of the measured ReadAttributes failure (pf-cognito-read-attributes-exists) and of the
// measured "Invalid write attributes specified while creating a client" (pf-cognito-write-attributes-immutable):
// Cognito checks both lists against the pool's attributes (constraints C33, C34).
export const clientWriteAttributesExist = defineRule({
  id: 'client-write-attributes-exist',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Every WriteAttributes entry is a standard attribute or a custom:* attribute of the pool.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-WriteAttributes',
  constraints: ['C33'],
  check: (client) => missingAttributes(client, 'WriteAttributes',
    'Cognito refuses the client with "Invalid write attributes specified while creating a client"'),
});
