import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';

// Measured (pf-cognito-write-attributes-immutable): WriteAttributes ["email_verified"] failed with "Invalid write
// attributes specified while creating a client" (constraints C34).
export const clientWriteAttributesEmailVerified = defineRule({
  id: 'client-write-attributes-email-verified',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'WriteAttributes does not contain email_verified: only verification or an administrator may set it.',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html',
  constraints: ['C34'],
  check: (client) => {
    const names = client.strings('WriteAttributes');
    if (!isKnown(names)) return [];
    const violations: Violation[] = [];
    names.forEach((name, index) => {
      if (name !== 'email_verified') return;
      violations.push({
        property: `WriteAttributes[${index}]`,
        value: name,
        because: 'an app client may not write the verification status; Cognito refuses it with "Invalid write attributes specified while creating a client"',
        fix: 'remove email_verified from WriteAttributes (keep it in ReadAttributes if the app needs to see it; administrators can still set it)',
      });
    });
    return violations;
  },
});
