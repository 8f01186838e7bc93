import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { DEFAULT_AUTH_FLOWS, explicitAuthFlows, REFRESH_TOKEN_FLOW, rotationFeature } from './auth-flows';

// Developer guide, refresh tokens: "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token
// rotation enabled" (constraints C25). Whether Create/UpdateUserPoolClient rejects the combination is unconfirmed.
export const clientRefreshRotationRefreshFlow = defineRule({
  id: 'client-refresh-rotation-refresh-flow',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'With refresh token rotation ENABLED, ALLOW_REFRESH_TOKEN_AUTH is not allowed, explicitly or through the default flow set (rejection at deploy unconfirmed).',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html',
  constraints: ['C25'],
  check: (client) => {
    if (rotationFeature(client) !== 'ENABLED') return [];
    const flows = explicitAuthFlows(client);
    if (flows === undefined) {
      return [{
        property: 'ExplicitAuthFlows',
        because: `without a list Cognito enables its default flows (${DEFAULT_AUTH_FLOWS.join(', ')}), which include ALLOW_REFRESH_TOKEN_AUTH, and refresh token rotation requires that flow to be off (Cognito's reaction at deploy is unconfirmed)`,
        fix: 'set ExplicitAuthFlows explicitly without ALLOW_REFRESH_TOKEN_AUTH, e.g. ["ALLOW_USER_SRP_AUTH"]',
      }];
    }
    if (!isKnown(flows)) return [];
    const index = flows.indexOf(REFRESH_TOKEN_FLOW);
    if (index < 0) return [];
    return [{
      property: `ExplicitAuthFlows[${index}]`,
      value: REFRESH_TOKEN_FLOW,
      because: 'refresh token rotation is ENABLED, and a client with rotation cannot use REFRESH_TOKEN_AUTH (Cognito\'s reaction at deploy is unconfirmed)',
      fix: 'remove ALLOW_REFRESH_TOKEN_AUTH and refresh with GetTokensFromRefreshToken, or set RefreshTokenRotation.Feature to DISABLED',
    }];
  },
});
