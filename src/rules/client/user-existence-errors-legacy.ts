import { defineRule } from '../rule';
import { Severity } from '../types';

// Security advice. Developer guide, managing user existence errors: with LEGACY the client answers
// UserNotFoundException for unknown user names; a client created through the API (and so through CloudFormation)
// without the property gets LEGACY (only the console defaults to ENABLED).
export const clientUserExistenceErrorsLegacy = defineRule({
  id: 'client-user-existence-errors-legacy',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'PreventUserExistenceErrors is ENABLED; LEGACY, which is also what Cognito uses when the property is omitted, reveals which user names exist.',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html',
  constraints: [],
  check: (client) => {
    const setting = client.string('PreventUserExistenceErrors');
    if (setting !== undefined && setting !== 'LEGACY') return [];
    return [{
      property: 'PreventUserExistenceErrors',
      value: setting,
      because: `${setting === undefined ? 'when it is omitted Cognito uses LEGACY, and ' : ''}LEGACY answers sign-in, confirmation and password-reset requests for unknown user names with UserNotFoundException, which lets anyone enumerate your users`,
      fix: 'set PreventUserExistenceErrors to ENABLED',
    }];
  },
});
