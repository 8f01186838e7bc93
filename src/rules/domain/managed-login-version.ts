import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { CREATE_DOMAIN_API } from './domain-kind';

// API CreateUserPoolDomain ManagedLoginVersion: 1 is the classic hosted UI, 2 is managed login (constraints D07).
export const domainManagedLoginVersion = defineRule({
  id: 'domain-managed-login-version',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'ManagedLoginVersion is 1 (classic hosted UI) or 2 (managed login).',
  docUrl: CREATE_DOMAIN_API,
  constraints: ['D07'],
  check: (domain) => {
    const version = domain.number('ManagedLoginVersion');
    if (!isKnown(version) || version === 1 || version === 2) return [];
    return [{
      property: 'ManagedLoginVersion',
      value: domain.properties.ManagedLoginVersion,
      because: 'the only versions are 1 (classic hosted UI) and 2 (managed login)',
      fix: 'set ManagedLoginVersion to 1 or 2',
    }];
  },
});
