import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';
import { SCOPE_TYPE_API, scopeEntries } from './scopes';

// API model ResourceServerScopeType: ScopeDescription is required, 1-256 characters (constraints R05; the
// CloudFormation schema marks it required too).
export const resourceServerScopeDescription = defineRule({
  id: 'resource-server-scope-description',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolResourceServer',
  description: 'Every scope has a ScopeDescription of 1 to 256 characters.',
  docUrl: SCOPE_TYPE_API,
  constraints: ['R05'],
  check: (server) => {
    const scopes = scopeEntries(server);
    if (!isKnown(scopes)) return [];
    return scopes.flatMap(({ index, description }): Violation[] => {
      const property = `Scopes[${index}].ScopeDescription`;
      if (description === undefined) {
        return [{ property, because: 'every scope needs a description', fix: 'add ScopeDescription, e.g. "Read access to orders"' }];
      }
      return checkStringLimits(property, description, { minLength: 1, maxLength: 256 },
        'write a description of 1 to 256 characters');
    });
  },
});
