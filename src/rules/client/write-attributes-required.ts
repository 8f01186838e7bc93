import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';

// Developer guide, attribute permissions: an app client must be able to write the pool's required attributes.
// Users report "Invalid write attributes specified while creating a client" when one is missing (constraints C35),
// but no measured deploy confirms it, so this is a warning.
export const clientWriteAttributesRequired = defineRule({
  id: 'client-write-attributes-required',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'An explicit WriteAttributes list contains every attribute the pool marks Required (rejection reported by users, unconfirmed).',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html',
  constraints: ['C35'],
  check: (client) => {
    const pool = client.pool;
    const names = client.strings('WriteAttributes');
    // An unknown entry could be any of the required attributes.
    if (!pool || !isKnown(names) || !names.every(isKnown)) return [];
    const missing = pool.requiredAttributes.filter((required) => !names.includes(required));
    if (missing.length === 0) return [];
    return [{
      property: 'WriteAttributes',
      value: names,
      because: `user pool ${pool.logicalId} marks ${missing.join(', ')} as required, and a client must be able to write its pool's required attributes (users report "Invalid write attributes specified while creating a client"; unconfirmed), otherwise sign-up through this client cannot set them`,
      fix: `add ${missing.join(', ')} to WriteAttributes`,
    }];
  },
});
