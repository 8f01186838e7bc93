import { checkRange, checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown, readNumber, readString } from '../values';

// Cognito API model RefreshTokenRotationType: Feature is required (ENABLED/DISABLED), RetryGracePeriodSeconds 0-60;
// the CloudFormation schema has the enum and range but does not require Feature, so Cognito is the one to refuse
// (constraints C26).
export const clientRefreshTokenRotation = defineRule({
  id: 'client-refresh-token-rotation',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'RefreshTokenRotation has a Feature of ENABLED or DISABLED and a RetryGracePeriodSeconds of 0-60.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html',
  constraints: ['C26'],
  check: (client) => {
    const rotation = client.object('RefreshTokenRotation');
    if (!isKnown(rotation)) return [];
    const violations: Violation[] = [];
    const feature = readString(rotation.Feature, client.model);
    if (feature === undefined) {
      violations.push({
        property: 'RefreshTokenRotation.Feature',
        because: 'the Cognito API requires Feature whenever RefreshTokenRotation is sent, although the CloudFormation schema lets it be omitted',
        fix: 'set Feature to ENABLED or DISABLED',
      });
    }
    violations.push(...checkStringLimits('RefreshTokenRotation.Feature', feature, { allowed: ['ENABLED', 'DISABLED'] },
      'set Feature to ENABLED or DISABLED (upper case)'));
    violations.push(...checkRange('RefreshTokenRotation.RetryGracePeriodSeconds', readNumber(rotation.RetryGracePeriodSeconds), 0, 60,
      'choose a grace period of 0 to 60 seconds'));
    return violations;
  },
});
