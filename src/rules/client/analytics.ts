/** Reading AnalyticsConfiguration, shared by the analytics rules. */
import { intrinsicName, isNoValue, UNKNOWN, Unknown } from '../values';

export const ANALYTICS_FIELDS = ['ApplicationArn', 'ApplicationId', 'RoleArn', 'ExternalId'] as const;
export type AnalyticsField = typeof ANALYTICS_FIELDS[number];

/**
 * Whether a field is set: true/false, or UNKNOWN when an `Fn::If` could resolve to AWS::NoValue. Any other value,
 * intrinsic or not, counts as set: presence is what Cognito checks first.
 */
export function isSet(config: Record<string, unknown>, field: AnalyticsField): boolean | Unknown {
  const value = config[field];
  if (value === undefined || value === null || isNoValue(value)) return false;
  return intrinsicName(value) === 'Fn::If' ? UNKNOWN : true;
}
