/** What Cognito knows about ExplicitAuthFlows, shared by the auth-flow rules. */
import { ResourceView } from '../rule';
import { isKnown, Maybe, readString, Unknown } from '../values';

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ExplicitAuthFlows
export const LEGACY_AUTH_FLOWS: readonly string[] = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'];
export const ALLOW_AUTH_FLOWS: readonly string[] = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH',
];
export const AUTH_FLOWS: readonly string[] = [...LEGACY_AUTH_FLOWS, ...ALLOW_AUTH_FLOWS];

/** What Cognito enables when ExplicitAuthFlows is omitted. */
export const DEFAULT_AUTH_FLOWS: readonly string[] = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];

export const REFRESH_TOKEN_FLOW = 'ALLOW_REFRESH_TOKEN_AUTH';

export function isLegacyFlow(flow: string): boolean {
  return LEGACY_AUTH_FLOWS.includes(flow);
}

export function isAllowFlow(flow: string): boolean {
  return flow.startsWith('ALLOW_');
}

/** The ExplicitAuthFlows list as written (undefined when omitted, UNKNOWN when a token). */
export function explicitAuthFlows(client: ResourceView): Maybe<Array<string | Unknown>> {
  return client.strings('ExplicitAuthFlows');
}

/**
 * `RefreshTokenRotation.Feature`: 'ENABLED' / 'DISABLED' / another literal, undefined when rotation or its Feature
 * is absent, UNKNOWN when a token.
 */
export function rotationFeature(client: ResourceView): Maybe<string> {
  const rotation = client.object('RefreshTokenRotation');
  if (!isKnown(rotation)) return rotation;
  return readString(rotation.Feature, client.model);
}
