import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown, UNKNOWN } from '../values';
import { explicitAuthFlows, isLegacyFlow, REFRESH_TOKEN_FLOW, rotationFeature } from './auth-flows';

// aws/aws-cdk#7625 (2020 deploy log: "REFRESH_TOKEN_AUTH should always be allowed.") and aws-cdk PR #10561, which
// made the CDK always add the flow (constraints C23). Whether Cognito still rejects it today is unconfirmed; without
// it the client cannot renew tokens either way, so this is a warning.
export const clientExplicitAuthFlowsRefreshToken = defineRule({
  id: 'client-explicit-auth-flows-refresh-token',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'An explicit ExplicitAuthFlows list includes ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is on (rejection at deploy unconfirmed).',
  docUrl: 'https://github.com/aws/aws-cdk/issues/7625',
  constraints: ['C23'],
  check: (client) => {
    const flows = explicitAuthFlows(client);
    if (!isKnown(flows) || !flows.every(isKnown)) return [];
    const names = flows as string[];
    // Legacy-only lists predate ALLOW_REFRESH_TOKEN_AUTH: Cognito always allowed refresh for them.
    if (names.length > 0 && names.every(isLegacyFlow)) return [];
    if (names.includes(REFRESH_TOKEN_FLOW)) return [];
    // With rotation, refresh goes through GetTokensFromRefreshToken and the flow must be left out (C25).
    const rotation = rotationFeature(client);
    if (rotation === 'ENABLED' || rotation === UNKNOWN) return [];
    return [{
      property: 'ExplicitAuthFlows',
      value: names,
      because: 'it lacks ALLOW_REFRESH_TOKEN_AUTH: Cognito has rejected such lists with "REFRESH_TOKEN_AUTH should always be allowed." (current behaviour unconfirmed), and where it is accepted the client cannot renew tokens, so users must sign in again when their tokens expire',
      fix: 'add ALLOW_REFRESH_TOKEN_AUTH, or turn on RefreshTokenRotation if you want rotating refresh tokens',
    }];
  },
});
