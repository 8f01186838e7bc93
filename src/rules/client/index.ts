import { Rule } from '../rule';
import { clientAdminScopePublicClient } from './admin-scope-public-client';
import { clientCallbackUrlFragment } from './callback-url-fragment';
import { clientCallbackUrlsRequired } from './callback-urls-required';
import { clientCredentialsExclusive } from './credentials-exclusive';
import { clientCredentialsNoOpenidEmail } from './credentials-no-openid-email';
import { clientCredentialsOnlyCustomScopes } from './credentials-only-custom-scopes';
import { clientCredentialsRequiresSecret } from './credentials-requires-secret';
import { clientDefaultRedirectUri } from './default-redirect-uri';
import { clientDependsOnPoolResources } from './depends-on-pool-resources';
import { clientIdentityProviderNamesFormat } from './identity-provider-names-format';
import { clientIdentityProvidersExist } from './identity-providers-exist';
import { clientImplicitGrant } from './implicit-grant';
import { clientOAuthFlowsScopesRequired } from './oauth-flows-scopes-required';
import { clientOAuthFlowsValid } from './oauth-flows-valid';
import { clientOAuthScopesExist } from './oauth-scopes-exist';
import { clientOAuthScopesFormat } from './oauth-scopes-format';
import { clientOAuthScopesNeedOpenid } from './oauth-scopes-need-openid';
import { clientOAuthSettingsWithoutFlag } from './oauth-settings-without-flag';
import { clientRedirectUrlAbsolute } from './redirect-url-absolute';
import { clientRedirectUrlHttps } from './redirect-url-https';
import { clientRedirectUrlScheme } from './redirect-url-scheme';
import { clientRedirectUrlsFormat } from './redirect-urls-format';

/** Rules for AWS::Cognito::UserPoolClient, in the order they are reported. */
export const CLIENT_RULES: readonly Rule[] = [
  // --- OAuth flows and scopes ---
  clientCredentialsRequiresSecret,
  clientOAuthScopesExist,
  clientOAuthFlowsValid,
  clientOAuthFlowsScopesRequired,
  clientOAuthSettingsWithoutFlag,
  clientCredentialsExclusive,
  clientCredentialsNoOpenidEmail,
  clientCredentialsOnlyCustomScopes,
  clientOAuthScopesFormat,
  clientOAuthScopesNeedOpenid,
  clientIdentityProviderNamesFormat,
  clientIdentityProvidersExist,
  clientDependsOnPoolResources,
  clientImplicitGrant,
  clientAdminScopePublicClient,
  // --- callback and logout URLs ---
  clientCallbackUrlsRequired,
  clientRedirectUrlsFormat,
  clientRedirectUrlAbsolute,
  clientCallbackUrlFragment,
  clientRedirectUrlHttps,
  clientRedirectUrlScheme,
  clientDefaultRedirectUri,
  // --- auth flows, tokens, attributes, analytics, names ---
];
