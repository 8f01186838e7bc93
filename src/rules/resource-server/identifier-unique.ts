import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { RESOURCE_SERVER_API } from './scopes';

// API CreateResourceServer documents Identifier as unique in the pool, and the CloudFormation primary identifier is
// [UserPoolId, Identifier]: two resources cannot own the same server. No measured deploy error: a warning.
export const resourceServerIdentifierUnique = defineRule({
  id: 'resource-server-identifier-unique',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolResourceServer',
  description: 'No two resource servers of the same pool share an Identifier (unique per pool; the deploy error is unconfirmed).',
  docUrl: RESOURCE_SERVER_API,
  constraints: ['R01'],
  check: (server) => {
    const identifier = server.string('Identifier');
    const pool = server.pool;
    if (!pool || !isKnown(identifier)) return [];
    const others = pool.resourceServers
      .filter((other) => other.logicalId !== server.logicalId && other.identifier === identifier)
      .map((other) => other.logicalId);
    if (others.length === 0) return [];
    return [{
      property: 'Identifier',
      value: identifier,
      because: `resource server ${others.join(', ')} of user pool ${pool.logicalId} has the same Identifier, and an identifier names one resource server per pool`,
      fix: 'merge the scopes into one resource server, or give each server its own Identifier',
    }];
  },
});
