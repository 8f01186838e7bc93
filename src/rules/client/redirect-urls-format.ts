import { checkEachString, checkMaxItems } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';
import { MAX_REDIRECT_URLS, REDIRECT_URL_LIMITS, REDIRECT_URL_PROPERTIES } from './redirect-urls';

// API model CallbackURLsListType / LogoutURLsListType (max 100) and RedirectUrlType (1-1024 chars, no whitespace);
// the 101-callback deploy failure is measured (constraints C14, C15, pf-cognito-callback-urls-max).
export const clientRedirectUrlsFormat = defineRule({
  id: 'client-redirect-urls-format',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'CallbackURLs and LogoutURLs each have at most 100 entries of 1-1024 characters without whitespace or control characters.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-CallbackURLs',
  constraints: ['C14', 'C15'],
  check: (client) => REDIRECT_URL_PROPERTIES.flatMap((property) => {
    const urls = client.strings(property);
    return [
      ...checkMaxItems(property, urls, MAX_REDIRECT_URLS, 'keep at most 100 URLs per app client; split apps across several clients if needed'),
      ...checkEachString(property, urls, REDIRECT_URL_LIMITS, 'write the URL without spaces, line breaks or control characters, in at most 1024 characters (percent-encode spaces as %20)'),
    ];
  }),
});
