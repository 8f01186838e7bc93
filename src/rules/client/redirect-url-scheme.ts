import { defineRule } from '../rule';
import { Severity } from '../types';
import { redirectUrls } from './redirect-urls';

/** Schemes that run or read content instead of navigating to an app. */
const DANGEROUS_SCHEMES = ['javascript:', 'data:', 'vbscript:', 'file:'];

// OAuth 2.0 Security Best Current Practice (RFC 9700 section 4.1): redirect URIs must not enable script injection or token theft.
export const clientRedirectUrlScheme = defineRule({
  id: 'client-redirect-url-scheme',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'CallbackURLs and LogoutURLs should not use the javascript:, data:, vbscript: or file: scheme.',
  docUrl: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.1',
  constraints: [],
  check: (client) => redirectUrls(client)
    .filter(({ url }) => url !== undefined && DANGEROUS_SCHEMES.includes(url.protocol))
    .map(({ property, text, url }) => ({
      property,
      value: text,
      because: `the ${url!.protocol} scheme does not point to an app: a redirect to it can run script or read local content with the user's code or tokens in reach`,
      fix: 'redirect only to https:// URLs you control, http://localhost for development, or a custom app scheme such as myapp://callback',
    })),
});
