/**
 * What one user pool looks like deployed, turned into the CloudFormation shape the rule engine judges: one template
 * per pool with an AWS::Cognito::UserPool, its UserPoolClients, UserPoolResourceServers, UserPoolIdentityProviders
 * and UserPoolDomains, linked by `{ Ref: <pool> }` as a template links them. Logical ids are the deployed names
 * (pool id, client id, identifier, provider name, domain), so messages that name a resource name the real one.
 */
import type { ClientDescription, DomainDescription, IdentityProviderSummary, PoolDescription, ResourceServerDescription } from './cognito-reader';
import { STANDARD_ATTRIBUTES } from '../../rules/template-model';

/**
 * Stands for a value the audit could not read (the caller may not call the API that returns it). An intrinsic, so
 * the engine's readers treat it as they treat any value unknown before deploy: never an error.
 */
export const NOT_READABLE = Object.freeze({ 'Fn::ImportValue': 'cognito-client-lint-audit:not-readable' });

export interface IdentityProviderState extends IdentityProviderSummary {
  /** The provider's AttributeMapping; undefined when it could not be read. */
  readonly attributeMapping?: Readonly<Record<string, string>>;
}

/** Everything the audit read about one pool; an undefined part could not be read. */
export interface PoolState {
  readonly userPoolId: string;
  readonly pool?: PoolDescription;
  readonly clients: readonly ClientDescription[];
  readonly resourceServers?: readonly ResourceServerDescription[];
  readonly identityProviders?: readonly IdentityProviderState[];
  readonly domains: readonly DomainDescription[];
}

/** Which deployed resource a logical id of the model stands for. */
export interface DeployedResource {
  readonly resourceType: string;
  /** Client id, resource server identifier, domain name. */
  readonly resourceId: string;
  readonly clientId?: string;
  readonly clientName?: string;
}

export interface DeployedModel {
  readonly template: { Resources: Record<string, unknown> };
  readonly resources: ReadonlyMap<string, DeployedResource>;
  /** Resources of the types the rules check (clients, resource servers, domains). */
  readonly checkedResources: number;
}

export function modelOf(state: PoolState): DeployedModel {
  const Resources: Record<string, unknown> = {};
  const resources = new Map<string, DeployedResource>();
  // Deployed names are unique per kind, not across kinds: a later duplicate gets a suffix.
  const add = (name: string, type: string, properties: Record<string, unknown>, identity?: Omit<DeployedResource, 'resourceType'>): string => {
    let logicalId = name;
    for (let n = 2; logicalId in Resources; n++) logicalId = `${name}#${n}`;
    Resources[logicalId] = { Type: type, Properties: properties };
    if (identity) resources.set(logicalId, { resourceType: type, ...identity });
    return logicalId;
  };

  const poolId = add(state.userPoolId, 'AWS::Cognito::UserPool', state.pool ? poolProperties(state.pool) : NOT_READABLE as unknown as Record<string, unknown>);
  const UserPoolId = { Ref: poolId };

  for (const server of state.resourceServers ?? []) {
    add(server.identifier ?? '(no identifier)', 'AWS::Cognito::UserPoolResourceServer',
      defined({ UserPoolId, Identifier: server.identifier, Name: server.name, Scopes: server.scopes?.map((s) => defined({ ...s })) }),
      { resourceId: server.identifier ?? '' });
  }
  for (const provider of state.identityProviders ?? []) {
    add(provider.providerName, 'AWS::Cognito::UserPoolIdentityProvider', defined({
      UserPoolId,
      ProviderName: provider.providerName,
      ProviderType: provider.providerType,
      AttributeMapping: provider.attributeMapping ?? NOT_READABLE,
    }));
  }
  for (const domain of state.domains) {
    add(domain.domain, 'AWS::Cognito::UserPoolDomain', { UserPoolId, Domain: domain.domain, ...domain.properties }, { resourceId: domain.domain });
  }
  for (const client of state.clients) {
    add(client.clientId, 'AWS::Cognito::UserPoolClient', { UserPoolId, ...client.properties, GenerateSecret: hasSecret(client) },
      { resourceId: client.clientId, clientId: client.clientId, clientName: client.clientName });
  }
  const checkedResources = state.clients.length + (state.resourceServers?.length ?? 0) + state.domains.length;
  return { template: { Resources }, resources, checkedResources };
}

/**
 * Whether the client has a secret. DescribeUserPoolClient stops returning ClientSecret once the original secret has
 * been rotated away (aws-semantics: floci-io/floci#345), but a client with the client_credentials flow always has
 * one: Cognito refuses the flow without a secret, and the last secret cannot be deleted.
 */
function hasSecret(client: ClientDescription): boolean {
  const flows = client.properties.AllowedOAuthFlows;
  return client.hasSecret || (Array.isArray(flows) && flows.includes('client_credentials'));
}

function poolProperties(pool: PoolDescription): Record<string, unknown> {
  // DescribeUserPool lists every attribute, `sub` included; a template's Schema names standard attributes it
  // overrides and custom ones (`custom:` is how the API names those). Others are not client-addressable.
  const schema = pool.schema
    .filter((attribute) => STANDARD_ATTRIBUTES.includes(attribute.name) || attribute.name.startsWith('custom:'))
    .map((attribute) => ({ Name: attribute.name, Required: attribute.required }));
  return defined({ UserPoolName: pool.name, UserPoolTier: pool.tier, Schema: schema });
}

function defined(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
}
