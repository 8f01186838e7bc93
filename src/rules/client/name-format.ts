import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';

// Measured (pf-cognito-client-name): a Japanese ClientName failed with "1 validation error detected: Value '????'
// at 'clientName' failed to satisfy constraint" (constraints C03). The API pattern is Java's [\w\s+=,.@-]+:
// ASCII word characters and ASCII whitespace only.
const CLIENT_NAME = /^[A-Za-z0-9_ \t\n\x0B\f\r+=,.@-]+$/;

export const clientNameFormat = defineRule({
  id: 'client-name-format',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'ClientName has 1-128 characters, all of them ASCII letters, digits, underscores, spaces or +=,.@-.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ClientName',
  constraints: ['C03'],
  check: (client) => checkStringLimits('ClientName', client.string('ClientName'), {
    minLength: 1,
    maxLength: 128,
    pattern: CLIENT_NAME,
    patternDescription: 'ASCII letters, digits, underscores, whitespace and the characters + = , . @ -',
  }, 'use an ASCII name of at most 128 characters (keep a display name in your app, not in ClientName)'),
});
