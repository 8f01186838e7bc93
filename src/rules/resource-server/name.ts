import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';
import { RESOURCE_SERVER_API } from './scopes';

// API model ResourceServerNameType: 1-256 characters, [\w\s+=,.@-]+ (constraints R02). \w and \s are the service's
// ASCII classes, spelled out here so that JavaScript's wider \s does not let other spaces through.
const NAME = /^[A-Za-z0-9_ \t\n\x0B\f\r+=,.@-]+$/;

export const resourceServerName = defineRule({
  id: 'resource-server-name',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolResourceServer',
  description: 'Name has 1 to 256 characters: ASCII letters, digits, _, whitespace and +=,.@-.',
  docUrl: RESOURCE_SERVER_API,
  constraints: ['R02'],
  check: (server) => checkStringLimits('Name', server.string('Name'),
    { minLength: 1, maxLength: 256, pattern: NAME, patternDescription: 'ASCII letters, digits, _, whitespace and +=,.@-' },
    'use a plain ASCII name such as "Orders API"'),
});
