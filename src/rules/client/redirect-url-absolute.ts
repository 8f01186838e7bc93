import { defineRule } from '../rule';
import { Severity } from '../types';
import { redirectUrls } from './redirect-urls';

// API doc of CallbackURLs: "A redirect URI must be an absolute URI" (RFC 6749 section 3.1.2); rejection unconfirmed (constraints C16).
export const clientRedirectUrlAbsolute = defineRule({
  id: 'client-redirect-url-absolute',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'CallbackURLs and LogoutURLs entries should be absolute URLs with a scheme (rejection of relative ones unconfirmed).',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-CallbackURLs',
  constraints: ['C16'],
  check: (client) => redirectUrls(client)
    .filter(({ url }) => url === undefined)
    .map(({ property, text }) => ({
      property,
      value: text,
      because: 'it is not an absolute URL (no scheme such as https://), so Cognito cannot redirect to it and may reject it (unconfirmed)',
      fix: 'write the full URL including the scheme, e.g. https://app.example.com/callback or myapp://callback',
    })),
});
