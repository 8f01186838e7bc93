import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { CALLBACK_URLS, REDIRECT_URL_LIMITS } from './redirect-urls';

const PROPERTY = 'DefaultRedirectURI';

// Measured: "The default redirect URI https://other.example.com/cb is not in the callback URIs list." (constraints C19,
// pf-cognito-default-redirect-uri-member); length and characters from the API model RedirectUrlType.
export const clientDefaultRedirectUri = defineRule({
  id: 'client-default-redirect-uri',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'DefaultRedirectURI is 1-1024 characters without whitespace and is one of the CallbackURLs.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-DefaultRedirectURI',
  constraints: ['C19'],
  check: (client) => {
    const uri = client.string(PROPERTY);
    if (!isKnown(uri)) return [];
    const format = checkStringLimits(PROPERTY, uri, REDIRECT_URL_LIMITS, 'write the URL without spaces or control characters, in at most 1024 characters');
    if (format.length > 0) return format;
    const callbacks = client.strings(CALLBACK_URLS);
    if (callbacks === undefined || (Array.isArray(callbacks) && callbacks.length === 0)) {
      return [{
        property: PROPERTY,
        value: uri,
        because: 'CallbackURLs is empty, and the default redirect URI must be one of the callback URLs',
        fix: `add ${uri} to CallbackURLs, or remove DefaultRedirectURI`,
      }];
    }
    // An intrinsic list or item could equal the URI.
    if (!Array.isArray(callbacks) || callbacks.some((item) => !isKnown(item) || item === uri)) return [];
    return [{
      property: PROPERTY,
      value: uri,
      because: `it is not in CallbackURLs (${callbacks.join(', ')}); Cognito compares the strings exactly`,
      fix: `set DefaultRedirectURI to one of the CallbackURLs, or add ${uri} to CallbackURLs`,
    }];
  },
});
