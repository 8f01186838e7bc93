import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';

/** Flows that send the user's plaintext password to Cognito, with the safer flow to use instead. */
const PASSWORD_FLOWS: Readonly<Record<string, string>> = {
  ALLOW_USER_PASSWORD_AUTH: 'ALLOW_USER_SRP_AUTH, or ALLOW_USER_AUTH (choice-based sign-in with passkeys or one-time codes)',
  USER_PASSWORD_AUTH: 'ALLOW_USER_SRP_AUTH',
  ALLOW_ADMIN_USER_PASSWORD_AUTH: 'ALLOW_USER_SRP_AUTH from the client, or keep admin sign-in to a trusted backend and a separate client',
  ADMIN_NO_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
};

// Security advice. Developer guide, authentication flows: USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH send the
// password itself to Cognito, SRP proves knowledge of it without sending it.
export const clientPasswordAuthFlows = defineRule({
  id: 'client-password-auth-flows',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'ExplicitAuthFlows avoids the flows that send plaintext passwords (ALLOW_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH).',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html',
  constraints: [],
  check: (client) => {
    const flows = client.strings('ExplicitAuthFlows');
    if (!isKnown(flows)) return [];
    const violations: Violation[] = [];
    flows.forEach((flow, index) => {
      if (!isKnown(flow) || !Object.hasOwn(PASSWORD_FLOWS, flow)) return;
      violations.push({
        property: `ExplicitAuthFlows[${index}]`,
        value: flow,
        because: 'this flow sends the user\'s password itself to Cognito (inside TLS), so anything that can read the request (logs, proxies, a compromised backend) sees it',
        fix: `prefer ${PASSWORD_FLOWS[flow]}; keep password flows only for migrations that need them (e.g. a user-migration trigger)`,
      });
    });
    return violations;
  },
});
