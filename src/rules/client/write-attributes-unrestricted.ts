import { defineRule } from '../rule';
import { Severity } from '../types';
import { machineOnly } from './oauth';

// Security advice (least privilege). Developer guide, attribute permissions: a client created without custom
// read/write permissions may read and write every attribute of the pool.
export const clientWriteAttributesUnrestricted = defineRule({
  id: 'client-write-attributes-unrestricted',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'WriteAttributes is set, so the client can write only the attributes it needs (clients that cannot sign users in are exempt).',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html',
  constraints: [],
  check: (client) => {
    // A machine-to-machine client has no signed-in user whose attributes it could write.
    if (client.strings('WriteAttributes') !== undefined || machineOnly(client)) return [];
    return [{
      property: 'WriteAttributes',
      because: 'without the list the client may write every writable attribute of the pool, custom ones included, so a signed-in user can change attributes your backend trusts (for example custom:role or custom:tenant_id)',
      fix: 'list only the attributes this client needs to write (include the pool\'s required attributes)',
    }];
  },
});
