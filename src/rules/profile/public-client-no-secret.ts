import { defineRule } from '../rule';
import { Severity } from '../types';
import { PROFILE_DOC_URL } from './profiles';

// A browser or mobile app cannot keep a secret: anyone can read it from the bundle.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html#user-pool-settings-client-app-client-types
export const publicClientNoSecret = defineRule({
  id: 'profile-public-client-no-secret',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'A client declared public (PublicSpaClient) has no client secret (contract of the construct).',
  docUrl: PROFILE_DOC_URL,
  constraints: [],
  check: (client) => {
    if (client.profile !== 'public-spa' || client.boolean('GenerateSecret') !== true) return [];
    return [{
      property: 'GenerateSecret',
      value: true,
      because: 'a public client (browser or mobile app) cannot keep a secret: it ships to every user',
      fix: 'remove the GenerateSecret override; use M2MClient or AppClient with generateSecret for confidential server-side apps',
    }];
  },
});
