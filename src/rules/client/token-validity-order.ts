import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { describeLifetime, isWithinLimits, lifetimeOf, TOKEN_LIMITS } from './token-lifetimes';

// Measured (pf-cognito-token-expiration-order): access 12 hours with refresh 2 hours failed with "Access and Id Token
// expiration times must be less than or equal to refresh token expiration times." (constraints C29).
export const clientTokenValidityOrder = defineRule({
  id: 'client-token-validity-order',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Access and ID tokens do not outlive the refresh token (refresh default: 30 days).',
  docUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolclient.html#cfn-cognito-userpoolclient-refreshtokenvalidity',
  constraints: ['C29'],
  check: (client) => {
    const refresh = lifetimeOf(client, 'RefreshToken');
    // An out-of-range value is reported by client-token-validity-range; comparing it would only repeat that.
    if (!isWithinLimits(refresh)) return [];
    const violations: Violation[] = [];
    for (const kind of ['AccessToken', 'IdToken'] as const) {
      const lifetime = lifetimeOf(client, kind);
      if (lifetime.raw === undefined || !isWithinLimits(lifetime) || lifetime.seconds <= refresh.seconds) continue;
      const limits = TOKEN_LIMITS[kind];
      const refreshText = refresh.raw === undefined ? 'the default 30 days' : describeLifetime(refresh.raw as number, refresh.unit as string);
      violations.push({
        property: limits.property,
        value: lifetime.raw,
        because: `the ${limits.label} would live ${describeLifetime(lifetime.raw as number, lifetime.unit as string)}, longer than the refresh token (${refreshText})`,
        fix: `shorten ${limits.property} or lengthen RefreshTokenValidity (mind the units in TokenValidityUnits)`,
      });
    }
    return violations;
  },
});
