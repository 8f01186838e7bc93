import { defineRule } from '../rule';
import { Severity } from '../types';
import { refusedWriteAttributes } from './attributes';

// Measured (pf-cognito-write-attributes-immutable): WriteAttributes ["email_verified"] failed with "Invalid write
// attributes specified while creating a client" (constraints C34).
export const clientWriteAttributesEmailVerified = defineRule({
  id: 'client-write-attributes-email-verified',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'WriteAttributes does not contain email_verified: only verification or an administrator may set it.',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html',
  constraints: ['C34'],
  check: (client) => refusedWriteAttributes(client,
    (name) => (name === 'email_verified'
      ? 'an app client may not write the verification status; Cognito refuses it with "Invalid write attributes specified while creating a client"'
      : undefined),
    () => 'remove email_verified from WriteAttributes (keep it in ReadAttributes if the app needs to see it; administrators can still set it)'),
});
