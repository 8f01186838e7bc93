import { defineRule } from '../rule';
import { Severity } from '../types';

// Security advice. API reference, EnableTokenRevocation: when omitted, new clients get revocation turned on; false
// means RevokeToken and sign-out cannot invalidate the client's refresh tokens.
export const clientTokenRevocationDisabled = defineRule({
  id: 'client-token-revocation-disabled',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'EnableTokenRevocation is not switched off.',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html',
  constraints: [],
  check: (client) => {
    if (client.boolean('EnableTokenRevocation') !== false) return [];
    return [{
      property: 'EnableTokenRevocation',
      value: false,
      because: 'without token revocation a leaked refresh token keeps minting new tokens until it expires: neither RevokeToken nor sign-out can stop it',
      fix: 'remove the property or set it to true (the Cognito default for new clients)',
    }];
  },
});
