import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown, readString } from '../values';
import { TIME_UNITS, TOKEN_KINDS } from './token-lifetimes';

// Cognito API model TimeUnitsType enum (constraints C30); the CloudFormation schema only says "string".
export const clientTokenValidityUnits = defineRule({
  id: 'client-token-validity-units',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'TokenValidityUnits.AccessToken, IdToken and RefreshToken are seconds, minutes, hours or days.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TokenValidityUnitsType.html',
  constraints: ['C30'],
  check: (client) => {
    const units = client.object('TokenValidityUnits');
    if (!isKnown(units)) return [];
    const violations: Violation[] = [];
    for (const kind of TOKEN_KINDS) {
      const unit = readString(units[kind], client.model);
      violations.push(...checkStringLimits(`TokenValidityUnits.${kind}`, unit, UNIT_LIMITS, 'use seconds, minutes, hours or days (lower case, plural)'));
    }
    return violations;
  },
});

const UNIT_LIMITS = { allowed: Object.keys(TIME_UNITS) };
