import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';
import { RESOURCE_SERVER_API } from './scopes';

// Measured (pf-cognito-resource-server-identifier-charset): "Value 'my api' at 'identifier' failed to satisfy
// constraint: Member must satisfy regular expression pattern: [\x21\x23-\x5B\x5D-\x7E]+" (constraints R01).
const IDENTIFIER = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

export const resourceServerIdentifier = defineRule({
  id: 'resource-server-identifier',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolResourceServer',
  description: 'Identifier has 1 to 256 printable ASCII characters, with no space, double quote or backslash.',
  docUrl: RESOURCE_SERVER_API,
  constraints: ['R01'],
  check: (server) => checkStringLimits('Identifier', server.string('Identifier'),
    { minLength: 1, maxLength: 256, pattern: IDENTIFIER, patternDescription: 'printable ASCII characters other than space, " and \\' },
    'use an identifier such as "https://api.example.com" or "orders-api" (it prefixes every scope: <identifier>/<scope>)'),
});
