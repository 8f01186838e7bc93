import { defineRule } from '../rule';
import { Severity } from '../types';

// Measured (pf-cognito-propagate-context-requires-secret): "Client Secret is required to set
// EnablePropagateAdditionalUserContextData as true" (constraints C32).
export const clientPropagateContextRequiresSecret = defineRule({
  id: 'client-propagate-context-requires-secret',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'EnablePropagateAdditionalUserContextData: true needs a client secret (GenerateSecret: true).',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-EnablePropagateAdditionalUserContextData',
  constraints: ['C32'],
  check: (client) => {
    if (client.boolean('EnablePropagateAdditionalUserContextData') !== true) return [];
    const secret = client.boolean('GenerateSecret');
    // Absent means false; a token might be true.
    if (secret !== undefined && secret !== false) return [];
    return [{
      property: 'EnablePropagateAdditionalUserContextData',
      value: true,
      because: 'Cognito accepts additional user context data only from a client that has a secret, and this client would have none',
      fix: 'set GenerateSecret to true (this replaces an existing client), or turn EnablePropagateAdditionalUserContextData off',
    }];
  },
});
