import { defineRule } from '../rule';
import { Severity } from '../types';
import { BROWSER_FLOWS, knownStrings, oauthEnabled } from './oauth';
import { CALLBACK_URLS } from './redirect-urls';

// Measured: InvalidOAuthFlowException "CallbackUrls can not be empty when code flow or implicit flow is selected" (constraints C09, pf-cognito-oauth-callback-required)
export const clientCallbackUrlsRequired = defineRule({
  id: 'client-callback-urls-required',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'An OAuth client that allows the code or implicit flow needs at least one CallbackURLs entry.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-CallbackURLs',
  constraints: ['C09'],
  check: (client) => {
    if (!oauthEnabled(client)) return [];
    const flows = knownStrings(client, 'AllowedOAuthFlows').filter(({ value }) => BROWSER_FLOWS.includes(value));
    if (flows.length === 0) return [];
    const callbacks = client.strings(CALLBACK_URLS);
    // Absent or an empty literal list; an intrinsic list might have items.
    if (callbacks !== undefined && (!Array.isArray(callbacks) || callbacks.length > 0)) return [];
    return [{
      property: CALLBACK_URLS,
      value: callbacks,
      because: `the client allows the ${flows.map(({ value }) => value).join(' and ')} flow, which redirects the user back to a callback URL after sign-in`,
      fix: 'add the URL(s) of your app that receive the sign-in response, e.g. https://app.example.com/callback or http://localhost:3000/callback',
    }];
  },
});
