import { checkStringLimits } from './constraints';
import { defineRule, Rule } from './rule';
import { CheckedResourceType, Severity } from './types';

// UserPoolIdType in the API reference: 1-55 characters, pattern [\w-]+_[0-9a-zA-Z]+ (Java's \w: ASCII word
// characters). Cognito's model validation refuses anything else; CloudFormation passes the value through.
const USER_POOL_ID = /^[A-Za-z0-9_-]+_[0-9a-zA-Z]+$/;

/** The UserPoolId format rule of one resource type: each resource type has its own id, as every rule does. */
export function userPoolIdFormatRule(id: string, resourceType: CheckedResourceType, docUrl: string): Rule {
  return defineRule({
    id,
    severity: Severity.ERROR,
    resourceType,
    description: 'A literal UserPoolId has 1-55 characters and matches `[\\w-]+_[0-9a-zA-Z]+` (e.g. `us-east-1_AbC123xyz`).',
    docUrl,
    constraints: ['C01'],
    check: (resource) => checkStringLimits('UserPoolId', resource.string('UserPoolId'), {
      minLength: 1,
      maxLength: 55,
      pattern: USER_POOL_ID,
      patternDescription: 'a region-like prefix of letters, digits, _ and -, an underscore, then letters and digits (e.g. us-east-1_AbC123xyz)',
    }, 'reference the pool instead of writing its id ({"Ref": "<UserPool logical id>"}, or userPool.userPoolId in CDK), or copy the Pool Id exactly as the Cognito console shows it'),
  });
}
