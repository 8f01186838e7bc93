import { ResourceView } from '../rule';
import { isKnown, Maybe, Unknown } from '../values';

/** Shared reading of a client's OAuth settings, used by the flow and scope rules. */

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthFlows
export const OAUTH_FLOWS: readonly string[] = ['code', 'implicit', 'client_credentials'];

/** The flows that send a user's browser to a callback URL. */
export const BROWSER_FLOWS: readonly string[] = ['code', 'implicit'];

export const CLIENT_CREDENTIALS = 'client_credentials';

/**
 * True only when `AllowedOAuthFlowsUserPoolClient` is known to be true. The measured deploy failures about
 * flows were all taken with the flag on, so flow errors are only promised in that case.
 */
export function oauthEnabled(client: ResourceView): boolean {
  return client.boolean('AllowedOAuthFlowsUserPoolClient') === true;
}

/** One known item of a list property, with its index for the property path. */
export interface KnownItem {
  readonly value: string;
  readonly index: number;
}

/** The known items of a list (UNKNOWN items are left out, the indexes stay those of the template). */
export function knownItems(list: Maybe<Array<string | Unknown>>): KnownItem[] {
  if (!isKnown(list)) return [];
  const items: KnownItem[] = [];
  for (let index = 0; index < list.length; index++) {
    const value = list[index];
    if (isKnown(value)) items.push({ value, index });
  }
  return items;
}

/**
 * The known items of a string list property of `client`, read once per resource (many rules walk the same lists).
 * Shared between rules: must not be modified.
 */
export function knownStrings(client: ResourceView, property: string): readonly KnownItem[] {
  let key = KNOWN_STRINGS_KEYS.get(property);
  if (key === undefined) {
    key = `knownStrings:${property}`;
    KNOWN_STRINGS_KEYS.set(property, key);
  }
  return client.memo(key, () => knownItems(client.strings(property)));
}

/** Memo keys by property name, built once each. */
const KNOWN_STRINGS_KEYS = new Map<string, string>();

/** True when the list is known and every item of it is known. */
export function fullyKnown(list: Maybe<Array<string | Unknown>>): list is string[] {
  return isKnown(list) && list.every(isKnown);
}

/**
 * True when the client provably cannot act for a user: its only OAuth flow is client_credentials and its only
 * explicit auth flow is the refresh flow, so no user can ever sign in through it (a machine-to-machine client).
 */
export function machineOnly(client: ResourceView): boolean {
  const flows = client.strings('AllowedOAuthFlows');
  const authFlows = client.strings('ExplicitAuthFlows');
  return fullyKnown(flows) && flows.length > 0 && flows.every((f) => f === CLIENT_CREDENTIALS)
    && fullyKnown(authFlows) && authFlows.every((f) => f === 'ALLOW_REFRESH_TOKEN_AUTH');
}

/** The known AllowedOAuthScopes of a client that uses client_credentials with OAuth on; empty for any other client. */
export function clientCredentialsScopes(client: ResourceView): readonly KnownItem[] {
  if (!oauthEnabled(client)) return [];
  if (!knownStrings(client, 'AllowedOAuthFlows').some(({ value }) => value === CLIENT_CREDENTIALS)) return [];
  return knownStrings(client, 'AllowedOAuthScopes');
}
