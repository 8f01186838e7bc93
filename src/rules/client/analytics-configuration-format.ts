import { checkStringLimits, StringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown, readString } from '../values';

const ARN = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
const ARN_LIMITS: StringLimits = {
  minLength: 20,
  maxLength: 2048,
  pattern: ARN,
  patternDescription: 'an ARN of the form arn:<partition>:<service>:<region>:<account id>:<resource>',
};

// Cognito API model AnalyticsConfigurationType (constraints C40): ApplicationId hex, ApplicationArn/RoleArn ARNs of
// 20-2048 characters, ExternalId at most 131072 characters.
export const clientAnalyticsConfigurationFormat = defineRule({
  id: 'client-analytics-configuration-format',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'AnalyticsConfiguration.ApplicationId is hexadecimal, ApplicationArn and RoleArn are ARNs of 20-2048 characters, ExternalId has at most 131072 characters.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AnalyticsConfigurationType.html',
  constraints: ['C40'],
  check: (client) => {
    const config = client.object('AnalyticsConfiguration');
    if (!isKnown(config)) return [];
    const read = (field: string) => readString(config[field], client.model);
    const violations: Violation[] = [];
    violations.push(...checkStringLimits('AnalyticsConfiguration.ApplicationId', read('ApplicationId'),
      { pattern: /^[0-9a-fA-F]+$/, patternDescription: 'hexadecimal digits (the Amazon Pinpoint project id)' },
      'use the Pinpoint project id, 32 hexadecimal digits'));
    violations.push(...checkStringLimits('AnalyticsConfiguration.ApplicationArn', read('ApplicationArn'), ARN_LIMITS,
      'use the project ARN, arn:aws:mobiletargeting:<region>:<account>:apps/<project id>'));
    violations.push(...checkStringLimits('AnalyticsConfiguration.RoleArn', read('RoleArn'), ARN_LIMITS,
      'use the ARN of the IAM role Cognito assumes, arn:aws:iam::<account>:role/<name>'));
    violations.push(...checkStringLimits('AnalyticsConfiguration.ExternalId', read('ExternalId'), { maxLength: 131_072 },
      'shorten the external id'));
    return violations;
  },
});
