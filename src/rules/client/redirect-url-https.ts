import { defineRule } from '../rule';
import { Severity } from '../types';
import { isLoopback, redirectUrls } from './redirect-urls';

// Measured: "http://example.com/cb cannot use the HTTP protocol." and the same for a logout URL
// (constraints C18, pf-cognito-callback-url-https, pf-cognito-logout-url-https).
export const clientRedirectUrlHttps = defineRule({
  id: 'client-redirect-url-https',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'CallbackURLs and LogoutURLs may use http:// only for localhost, 127.0.0.1 or [::1]; use https:// (or an app scheme) otherwise.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-CallbackURLs',
  constraints: ['C18'],
  check: (client) => redirectUrls(client)
    .filter(({ url }) => url !== undefined && url.protocol === 'http:' && !isLoopback(url))
    .map(({ property, text, url }) => ({
      property,
      value: text,
      because: `it uses plain http for ${url!.hostname ? `host ${url!.hostname}` : 'a URL without a host'}, and Cognito allows http only for localhost, 127.0.0.1 and [::1]`,
      fix: 'use https://, or http://localhost (any port) for local development',
    })),
});
