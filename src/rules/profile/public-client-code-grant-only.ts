import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { PROFILE_DOC_URL } from './profiles';

// OAuth 2.0 for browser-based apps: authorization code grant with PKCE, no implicit grant.
// https://datatracker.ietf.org/doc/html/rfc9700#section-2.1.2
export const publicClientCodeGrantOnly = defineRule({
  id: 'profile-public-client-code-grant-only',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'A client declared public (PublicSpaClient) allows only the authorization code grant (contract of the construct).',
  docUrl: PROFILE_DOC_URL,
  constraints: [],
  check: (client) => {
    if (client.profile !== 'public-spa') return [];
    const flows = client.strings('AllowedOAuthFlows');
    if (!isKnown(flows)) return [];
    return flows.flatMap((flow, index) => (!isKnown(flow) || flow === 'code') ? [] : [{
      property: `AllowedOAuthFlows[${index}]`,
      value: flow,
      because: flow === 'implicit'
        ? 'the implicit grant returns tokens in the URL fragment, where browser history, referrers and extensions can read them'
        : 'a public client has no secret to authenticate a client_credentials request',
      fix: 'use the authorization code grant with PKCE (code_challenge_method=S256) only',
    }]);
  },
});
