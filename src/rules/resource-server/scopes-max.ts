import { checkMaxItems } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';
import { readList } from '../values';
import { RESOURCE_SERVER_API } from './scopes';

// Measured (pf-cognito-resource-server-scopes-max): 101 scopes fail with a length validation error on Scopes;
// 100 deploy (constraints R03).
export const resourceServerScopesMax = defineRule({
  id: 'resource-server-scopes-max',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolResourceServer',
  description: 'A resource server has at most 100 scopes.',
  docUrl: RESOURCE_SERVER_API,
  constraints: ['R03'],
  // Items that are intrinsics still count: each stands for one scope.
  check: (server) => checkMaxItems('Scopes', readList(server.properties.Scopes, (item) => item), 100,
    'split the scopes over several resource servers (each with its own Identifier), or merge fine-grained scopes'),
});
