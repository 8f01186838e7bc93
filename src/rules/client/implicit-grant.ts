import { defineRule } from '../rule';
import { Severity } from '../types';
import { knownStrings } from './oauth';

// OAuth 2.0 Security Best Current Practice (RFC 9700 section 2.1.2): the implicit grant should not be used.
export const clientImplicitGrant = defineRule({
  id: 'client-implicit-grant',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'The implicit grant returns tokens in the redirect URL fragment, where browser history, logs and scripts can read them.',
  docUrl: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2',
  constraints: [],
  check: (client) => knownStrings(client, 'AllowedOAuthFlows')
    .filter(({ value }) => value === 'implicit')
    .map(({ value, index }) => ({
      property: `AllowedOAuthFlows[${index}]`,
      value,
      because: 'the implicit grant puts the access and ID tokens in the URL fragment, where they leak through browser history, referrers and injected scripts, and it cannot use PKCE',
      fix: 'use the code flow with PKCE (S256) instead; public browser and mobile clients can do so without a client secret',
    })),
});
