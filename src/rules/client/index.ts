import { Rule } from '../rule';
import { clientAdminScopePublicClient } from './admin-scope-public-client';
import { clientAnalyticsConfigurationForm } from './analytics-configuration-form';
import { clientAnalyticsConfigurationFormat } from './analytics-configuration-format';
import { clientAnalyticsRegion } from './analytics-region';
import { clientAuthSessionValidity } from './auth-session-validity';
import { clientCallbackUrlFragment } from './callback-url-fragment';
import { clientCallbackUrlsRequired } from './callback-urls-required';
import { clientCredentialsExclusive } from './credentials-exclusive';
import { clientCredentialsNoOpenidEmail } from './credentials-no-openid-email';
import { clientCredentialsOnlyCustomScopes } from './credentials-only-custom-scopes';
import { clientCredentialsRequiresSecret } from './credentials-requires-secret';
import { clientDefaultRedirectUri } from './default-redirect-uri';
import { clientDependsOnPoolResources } from './depends-on-pool-resources';
import { clientExplicitAuthFlowsLegacyMix } from './explicit-auth-flows-legacy-mix';
import { clientExplicitAuthFlowsRefreshToken } from './explicit-auth-flows-refresh-token';
import { clientExplicitAuthFlowsValues } from './explicit-auth-flows-values';
import { clientIdentityProviderNamesFormat } from './identity-provider-names-format';
import { clientIdentityProvidersExist } from './identity-providers-exist';
import { clientImplicitGrant } from './implicit-grant';
import { clientLongTokenLifetimes } from './long-token-lifetimes';
import { clientNameFormat } from './name-format';
import { clientOAuthFlowsScopesRequired } from './oauth-flows-scopes-required';
import { clientOAuthFlowsValid } from './oauth-flows-valid';
import { clientOAuthScopesExist } from './oauth-scopes-exist';
import { clientOAuthScopesFormat } from './oauth-scopes-format';
import { clientOAuthScopesNeedOpenid } from './oauth-scopes-need-openid';
import { clientOAuthSettingsWithoutFlag } from './oauth-settings-without-flag';
import { clientPasswordAuthFlows } from './password-auth-flows';
import { clientPreventUserExistenceErrorsValue } from './prevent-user-existence-errors-value';
import { clientPropagateContextRequiresSecret } from './propagate-context-requires-secret';
import { clientPropertyTypes } from './property-types';
import { clientReadAttributesExist } from './read-attributes-exist';
import { clientRedirectUrlAbsolute } from './redirect-url-absolute';
import { clientRedirectUrlHttps } from './redirect-url-https';
import { clientRedirectUrlScheme } from './redirect-url-scheme';
import { clientRedirectUrlsFormat } from './redirect-urls-format';
import { clientRefreshRotationRefreshFlow } from './refresh-rotation-refresh-flow';
import { clientRefreshTokenRotation } from './refresh-token-rotation';
import { clientTokenRevocationDisabled } from './token-revocation-disabled';
import { clientTokenValidityOrder } from './token-validity-order';
import { clientTokenValidityRange } from './token-validity-range';
import { clientTokenValidityUnits } from './token-validity-units';
import { clientUserAuthTier } from './user-auth-tier';
import { clientUserExistenceErrorsLegacy } from './user-existence-errors-legacy';
import { clientUserPoolIdFormat } from './user-pool-id-format';
import { clientWriteAttributesEmailVerified } from './write-attributes-email-verified';
import { clientWriteAttributesExist } from './write-attributes-exist';
import { clientWriteAttributesIdpMapped } from './write-attributes-idp-mapped';
import { clientWriteAttributesImmutable } from './write-attributes-immutable';
import { clientWriteAttributesRequired } from './write-attributes-required';
import { clientWriteAttributesUnrestricted } from './write-attributes-unrestricted';

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
  clientPropertyTypes,
  clientUserPoolIdFormat,
  clientNameFormat,
  clientExplicitAuthFlowsValues,
  clientExplicitAuthFlowsLegacyMix,
  clientExplicitAuthFlowsRefreshToken,
  clientUserAuthTier,
  clientRefreshRotationRefreshFlow,
  clientRefreshTokenRotation,
  clientTokenValidityUnits,
  clientTokenValidityRange,
  clientTokenValidityOrder,
  clientAuthSessionValidity,
  clientPropagateContextRequiresSecret,
  clientReadAttributesExist,
  clientWriteAttributesExist,
  clientWriteAttributesEmailVerified,
  clientWriteAttributesImmutable,
  clientWriteAttributesRequired,
  clientWriteAttributesIdpMapped,
  clientPreventUserExistenceErrorsValue,
  clientAnalyticsConfigurationForm,
  clientAnalyticsConfigurationFormat,
  clientAnalyticsRegion,
  clientPasswordAuthFlows,
  clientTokenRevocationDisabled,
  clientUserExistenceErrorsLegacy,
  clientLongTokenLifetimes,
  clientWriteAttributesUnrestricted,
];
