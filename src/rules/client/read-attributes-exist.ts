import { defineRule } from '../rule';
import { Severity } from '../types';
import { missingAttributes } from './attributes';

// Measured (pf-cognito-read-attributes-exists): ReadAttributes ["custom:nosuch"] failed with "Invalid read attributes
// specified while creating a client" (constraints C33).
export const clientReadAttributesExist = defineRule({
  id: 'client-read-attributes-exist',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Every ReadAttributes entry is a standard attribute or a custom:* attribute of the pool.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ReadAttributes',
  constraints: ['C33'],
  check: (client) => missingAttributes(client, 'ReadAttributes',
    'Cognito refuses the client with "Invalid read attributes specified while creating a client"'),
});
