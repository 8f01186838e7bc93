import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { ANALYTICS_FIELDS, AnalyticsField, isSet } from './analytics';

// Measured (pf-cognito-analytics-config-exclusive: ApplicationArn + ApplicationId + RoleArn;
// pf-cognito-analytics-application-requires-role: ApplicationId alone): "Invalid analytics configuration given,
// either <application arn> or <application id, role arn, external id> are valid" (constraints C39).
export const clientAnalyticsConfigurationForm = defineRule({
  id: 'client-analytics-configuration-form',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'AnalyticsConfiguration has either ApplicationArn alone, or ApplicationId with RoleArn and ExternalId.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AnalyticsConfigurationType.html',
  constraints: ['C39'],
  check: (client) => {
    const config = client.object('AnalyticsConfiguration');
    if (!isKnown(config)) return [];
    const presence = ANALYTICS_FIELDS.map((field) => [field, isSet(config, field)] as const);
    if (presence.some(([, set]) => !isKnown(set))) return [];
    const present = presence.filter(([, set]) => set).map(([field]) => field);
    // Nothing but UserDataShared: neither form is attempted; whether Cognito refuses that is not measured.
    if (present.length === 0) return [];
    const arnForm = present.length === 1 && present[0] === 'ApplicationArn';
    const idForm = !present.includes('ApplicationArn') && (['ApplicationId', 'RoleArn', 'ExternalId'] as AnalyticsField[]).every((f) => present.includes(f));
    if (arnForm || idForm) return [];
    const fix = present.includes('ApplicationArn')
      ? 'keep ApplicationArn and remove ' + present.filter((f) => f !== 'ApplicationArn').join(', ') + ' (the ARN form needs no role), or drop ApplicationArn and give ApplicationId, RoleArn and ExternalId'
      : `add ${['ApplicationId', 'RoleArn', 'ExternalId'].filter((f) => !present.includes(f as AnalyticsField)).join(', ')}, or replace them all with ApplicationArn`;
    return [{
      property: 'AnalyticsConfiguration',
      value: present.join(' + '),
      because: 'Cognito accepts either ApplicationArn alone or ApplicationId together with RoleArn and ExternalId ("Invalid analytics configuration given")',
      fix,
    }];
  },
});
