import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown, readString } from '../values';

// Measured (pf-cognito-analytics-arn-region): a pool in us-east-1 with an ap-northeast-1 project failed with "The
// integration with Pinpoint is not supported for the requested ap-northeast-1 region." The API reference allows a
// project in the pool's own region, or in us-east-1 for regions without Pinpoint, so us-east-1 projects pass.
export const clientAnalyticsRegion = defineRule({
  id: 'client-analytics-region',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'AnalyticsConfiguration.ApplicationArn names a Pinpoint project in the deploy region (or us-east-1); checked only when the region is known.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AnalyticsConfigurationType.html',
  constraints: ['C40'],
  check: (client) => {
    const region = client.model.region;
    const config = client.object('AnalyticsConfiguration');
    if (!region || !isKnown(config)) return [];
    const arn = readString(config.ApplicationArn, client.model);
    if (!isKnown(arn)) return [];
    const arnRegion = arn.split(':')[3];
    if (!arnRegion || arnRegion === region || arnRegion === 'us-east-1') return [];
    return [{
      property: 'AnalyticsConfiguration.ApplicationArn',
      value: arn,
      because: `the Pinpoint project is in ${arnRegion} but the client deploys to ${region}; Cognito refuses it ("The integration with Pinpoint is not supported for the requested ${arnRegion} region.")`,
      fix: `use a Pinpoint project in ${region} (or in us-east-1 if ${region} has no Pinpoint)`,
    }];
  },
});
