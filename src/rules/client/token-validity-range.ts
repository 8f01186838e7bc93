import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';
import { describeLifetime, TIME_UNITS, TOKEN_KINDS, TOKEN_LIMITS, unitOf, withArticle } from './token-lifetimes';

// Measured (pf-cognito-token-validity-range): access/ID 25 hours, refresh 30 minutes or 4000 days, also with the
// units omitted, all failed with "Invalid range for token validity." (constraints C27, C28). The raw integer
// bounds come from the CloudFormation schema (access/ID 1-86400, refresh 1-315360000).
export const clientTokenValidityRange = defineRule({
  id: 'client-token-validity-range',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Access and ID tokens live 5 minutes to 1 day and refresh tokens 60 minutes to 10 years, in the unit TokenValidityUnits gives (default hours, refresh days).',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TokenValidityUnitsType.html',
  constraints: ['C27', 'C28'],
  check: (client) => {
    const violations: Violation[] = [];
    for (const kind of TOKEN_KINDS) {
      const limits = TOKEN_LIMITS[kind];
      const raw = client.number(limits.property);
      if (!isKnown(raw)) continue;
      if (!Number.isInteger(raw) || raw < limits.rawMin || raw > limits.rawMax) {
        violations.push({
          property: limits.property,
          value: raw,
          because: `CloudFormation accepts only whole numbers from ${limits.rawMin} to ${limits.rawMax} here, whatever the unit`,
          fix: `choose ${withArticle(limits.label)} lifetime of ${limits.rangeText} and express it in a unit that keeps the number in range`,
        });
        continue;
      }
      const unit = unitOf(client, kind);
      if (!isKnown(unit) || !Object.hasOwn(TIME_UNITS, unit)) continue;
      const seconds = raw * TIME_UNITS[unit];
      if (seconds >= limits.minSeconds && seconds <= limits.maxSeconds) continue;
      const units = client.object('TokenValidityUnits');
      const unitSource = isKnown(units) && units[kind] !== undefined
        ? `TokenValidityUnits.${kind}`
        : `the default unit (${limits.defaultUnit}, as TokenValidityUnits.${kind} is not set)`;
      violations.push({
        property: limits.property,
        value: raw,
        because: `with ${unitSource} it means ${describeLifetime(raw, unit)}, and ${withArticle(limits.label)} must live ${limits.rangeText} (Cognito: "Invalid range for token validity.")`,
        fix: `choose a lifetime within ${limits.rangeText}, or set TokenValidityUnits.${kind} to the unit you meant`,
      });
    }
    return violations;
  },
});
