import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';
import { SCOPE_TYPE_API, scopeEntries } from './scopes';

// No source found on whether CreateResourceServer rejects a repeated ScopeName or keeps one of them: unconfirmed,
// hence a warning. Either way the second entry (and its description) is at best ignored.
export const resourceServerDuplicateScopeNames = defineRule({
  id: 'resource-server-duplicate-scope-names',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolResourceServer',
  description: 'No ScopeName appears twice in one resource server (whether Cognito rejects it is unconfirmed).',
  docUrl: SCOPE_TYPE_API,
  constraints: ['R04'],
  check: (server) => {
    const scopes = scopeEntries(server);
    if (!isKnown(scopes)) return [];
    const firstIndex = new Map<string, number>();
    const violations: Violation[] = [];
    for (const { index, name } of scopes) {
      if (!isKnown(name)) continue;
      const first = firstIndex.get(name);
      if (first === undefined) {
        firstIndex.set(name, index);
        continue;
      }
      violations.push({
        property: `Scopes[${index}].ScopeName`,
        value: name,
        because: `Scopes[${first}] already defines a scope with this name`,
        fix: 'remove the repeated entry, or give it a different name',
      });
    }
    return violations;
  },
});
