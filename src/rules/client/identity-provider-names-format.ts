import { checkEachString, StringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';

// API model SupportedIdentityProvidersListType / ProviderNameType: 1-32 characters, no control characters (constraints C20).
export const PROVIDER_NAME_LIMITS: StringLimits = {
  minLength: 1,
  maxLength: 32,
  pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+$/u,
  // Every printable ASCII character, space included, is in those classes.
  fastPattern: /^[\x20-\x7e]+$/,
  patternDescription: 'letters, digits, marks, symbols, punctuation and spaces (no control characters)',
};

export const clientIdentityProviderNamesFormat = defineRule({
  id: 'client-identity-provider-names-format',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Every SupportedIdentityProviders entry is a provider name of 1-32 characters.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-SupportedIdentityProviders',
  constraints: ['C20'],
  check: (client) => checkEachString('SupportedIdentityProviders', client.strings('SupportedIdentityProviders'), PROVIDER_NAME_LIMITS,
    'use COGNITO or the ProviderName of an identity provider of the user pool (provider names have at most 32 characters)'),
});
