import { Rule } from '../rule';
import { clientCredentialsRequiresSecret } from './credentials-requires-secret';
import { clientOAuthScopesExist } from './oauth-scopes-exist';

/** Rules for AWS::Cognito::UserPoolClient, in the order they are reported. */
export const CLIENT_RULES: readonly Rule[] = [
  // --- OAuth flows and scopes ---
  clientCredentialsRequiresSecret,
  clientOAuthScopesExist,
  // --- callback and logout URLs ---
  // --- auth flows, tokens, attributes, analytics, names ---
];
