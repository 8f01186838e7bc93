import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { describeLifetime, isWithinLimits, lifetimeOf, TOKEN_LIMITS, TokenKind, withArticle } from './token-lifetimes';

const HOUR = 3_600;
const DAY = 86_400;

/**
 * Thresholds: Cognito's own defaults. Access and ID tokens are bearer JWTs that resource servers accept offline until
 * they expire (revocation does not reach a server that only checks the signature), so anything above the 1 hour
 * default widens the window of a stolen token; a client that needs longer sessions should refresh instead. Refresh
 * tokens default to 30 days; longer keeps a stolen device's session alive for longer, so it should be a deliberate
 * choice (with token revocation on).
 */
const THRESHOLDS: Readonly<Record<TokenKind, { seconds: number; text: string }>> = {
  AccessToken: { seconds: HOUR, text: '1 hour' },
  IdToken: { seconds: HOUR, text: '1 hour' },
  RefreshToken: { seconds: 30 * DAY, text: '30 days' },
};

// Security advice: OAuth 2.0 Security Best Current Practice (RFC 9700) recommends short-lived access tokens; the
// thresholds are Cognito's defaults (developer guide, using tokens).
export const clientLongTokenLifetimes = defineRule({
  id: 'client-long-token-lifetimes',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Access and ID tokens live at most 1 hour and refresh tokens at most 30 days (the Cognito defaults).',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html',
  constraints: [],
  check: (client) => {
    const violations: Violation[] = [];
    for (const kind of ['AccessToken', 'IdToken', 'RefreshToken'] as const) {
      const lifetime = lifetimeOf(client, kind);
      // Out-of-range values are errors of client-token-validity-range; defaults never exceed the thresholds.
      if (lifetime.raw === undefined || !isWithinLimits(lifetime)) continue;
      const threshold = THRESHOLDS[kind];
      if (lifetime.seconds <= threshold.seconds) continue;
      const limits = TOKEN_LIMITS[kind];
      violations.push({
        property: limits.property,
        value: lifetime.raw,
        because: `${withArticle(limits.label)} that lives ${describeLifetime(lifetime.raw as number, lifetime.unit as string)} stays usable that long if it is stolen; the Cognito default is ${threshold.text}`,
        fix: kind === 'RefreshToken'
          ? 'keep refresh tokens at 30 days or less, with EnableTokenRevocation on, unless long sessions are a deliberate product choice'
          : `keep ${limits.label}s at 1 hour or less and let the client renew them with its refresh token`,
      });
    }
    return violations;
  },
});
