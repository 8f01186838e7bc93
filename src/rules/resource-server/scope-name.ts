import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';
import { SCOPE_TYPE_API, scopeEntries } from './scopes';

// Measured (pf-cognito-resource-server-scope-name-charset): "Value 'read all' at 'scopes.1.member.scopeName' failed
// to satisfy constraint: Member must satisfy regular expression pattern: [\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+";
// ScopeName is required, 1-256 characters (constraints R04).
const SCOPE_NAME = /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/;

export const resourceServerScopeName = defineRule({
  id: 'resource-server-scope-name',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolResourceServer',
  description: 'Every scope has a ScopeName of 1 to 256 printable ASCII characters, with no space, ", / or \\.',
  docUrl: SCOPE_TYPE_API,
  constraints: ['R04'],
  check: (server) => {
    const scopes = scopeEntries(server);
    if (!isKnown(scopes)) return [];
    return scopes.flatMap(({ index, name }): Violation[] => {
      const property = `Scopes[${index}].ScopeName`;
      if (name === undefined) {
        return [{ property, because: 'every scope needs a name', fix: 'add ScopeName, e.g. "read"' }];
      }
      return checkStringLimits(property, name,
        { minLength: 1, maxLength: 256, pattern: SCOPE_NAME, patternDescription: 'printable ASCII characters other than space, ", / and \\' },
        `use a name such as "${isKnown(name) && name.trim() ? name.trim().replace(/[\s"/\\]+/g, '.') : 'read'}" (clients request it as <identifier>/<name>)`);
    });
  },
});
