import { defineRule } from '../rule';
import { Severity } from '../types';
import { CALLBACK_URLS, hasFragment, redirectUrls } from './redirect-urls';

// Measured: "https://example.com/cb#frag cannot use fragment" (constraints C17, pf-cognito-callback-url-fragment).
// LogoutURLs are left out on purpose: neither the API doc nor a deploy log says their fragments are refused,
// and single-page apps with hash routing legitimately sign out to such URLs.
export const clientCallbackUrlFragment = defineRule({
  id: 'client-callback-url-fragment',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'CallbackURLs entries may not contain a fragment (#...).',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-CallbackURLs',
  constraints: ['C17'],
  check: (client) => redirectUrls(client, [CALLBACK_URLS])
    .filter(({ url }) => url !== undefined && hasFragment(url))
    .map(({ property, text }) => ({
      property,
      value: text,
      because: 'it has a fragment (#...), and Cognito adds the sign-in response to the callback URL itself',
      fix: 'remove the fragment; with hash routing, register the page URL and route after sign-in (for example from the state parameter)',
    })),
});
