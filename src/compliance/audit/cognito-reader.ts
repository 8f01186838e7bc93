/**
 * Everything the audit reads from Cognito, through the AWS SDK v3 and nothing else: its credential chain, region,
 * endpoint (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`) and profile resolution, its paginators,
 * and its adaptive retry mode for throttling. Read-only: the only commands are those of `AUDIT_OPERATIONS`.
 *
 * This is the boundary where secrets stop: `DescribeUserPoolClient` returns the client secret and
 * `DescribeIdentityProvider` returns ProviderDetails (an OIDC provider's client_secret among them). Only an
 * allowlist of fields leaves this module, and the client secret only as "has one".
 * Internal: no SDK type leaves this folder (the public API is jsii).
 */
import {
  CognitoIdentityProviderClient,
  DescribeIdentityProviderCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  DescribeUserPoolClientCommandOutput,
  paginateListIdentityProviders,
  paginateListResourceServers,
  paginateListUserPoolClients,
  paginateListUserPools,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuditOperation } from './operations';
import { OperationDenied, ReadFailed, ResourceGone } from './read-errors';

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPools.html (MaxResults 1-60)
const USER_POOLS_PAGE = 60;
// API_ListUserPoolClients: MaxResults 1-60.
const CLIENTS_PAGE = 60;
// API_ListResourceServers: MaxResults 1-50.
const RESOURCE_SERVERS_PAGE = 50;
// API_ListIdentityProviders: MaxResults 1-60.
const IDENTITY_PROVIDERS_PAGE = 60;

export interface PoolDescription {
  readonly name?: string;
  /** `UserPoolTier`; undefined when the response has none. */
  readonly tier?: string;
  readonly schema: ReadonlyArray<{ readonly name: string; readonly required: boolean }>;
  /** The prefix domain and the custom domain, as set on the pool. */
  readonly domains: readonly string[];
}

export interface ClientSummary {
  readonly clientId: string;
  readonly clientName?: string;
}

export interface ClientDescription extends ClientSummary {
  /** The client's settings under their CloudFormation property names (every API name equals it). */
  readonly properties: Readonly<Record<string, unknown>>;
  /** Whether Cognito returned a client secret; the value itself is never kept. */
  readonly hasSecret: boolean;
}

export interface ResourceServerDescription {
  readonly identifier?: string;
  readonly name?: string;
  readonly scopes?: ReadonlyArray<{ readonly ScopeName?: string; readonly ScopeDescription?: string }>;
}

export interface IdentityProviderSummary {
  readonly providerName: string;
  readonly providerType?: string;
}

export interface DomainDescription {
  readonly domain: string;
  /** CloudFormation-named properties of the domain (CustomDomainConfig, ManagedLoginVersion, Routing). */
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * The settings of DescribeUserPoolClient that CloudFormation's AWS::Cognito::UserPoolClient also has, under the same
 * names. An allowlist: ClientSecret, ClientId, dates and anything new the API adds never pass.
 */
const CLIENT_SETTINGS = [
  'ClientName', 'RefreshTokenValidity', 'AccessTokenValidity', 'IdTokenValidity', 'TokenValidityUnits',
  'ReadAttributes', 'WriteAttributes', 'ExplicitAuthFlows', 'SupportedIdentityProviders', 'CallbackURLs',
  'LogoutURLs', 'DefaultRedirectURI', 'AllowedOAuthFlows', 'AllowedOAuthScopes', 'AllowedOAuthFlowsUserPoolClient',
  'AnalyticsConfiguration', 'PreventUserExistenceErrors', 'EnableTokenRevocation',
  'EnablePropagateAdditionalUserContextData', 'AuthSessionValidity', 'RefreshTokenRotation',
] as const;

export interface ReaderOptions {
  readonly region?: string;
  readonly profile?: string;
}

/** The audit's SDK calls, each turning the SDK's errors into the three outcomes above. */
export class CognitoReader {
  private readonly client: CognitoIdentityProviderClient;

  constructor(options: ReaderOptions = {}) {
    this.client = new CognitoIdentityProviderClient({
      ...(options.region ? { region: options.region } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      // Throttling (TooManyRequestsException) is retried with backoff, jitter and client-side rate limiting.
      // https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
      retryMode: 'adaptive',
    });
  }

  /** The region the SDK resolved (from --region, the profile or AWS_REGION). */
  public async region(): Promise<string> {
    return this.client.config.region();
  }

  public destroy(): void {
    this.client.destroy();
  }

  public async listUserPoolIds(): Promise<string[]> {
    return this.call('ListUserPools', () => collectPages(
      paginateListUserPools({ client: this.client, pageSize: USER_POOLS_PAGE }, { MaxResults: USER_POOLS_PAGE }),
      (page) => (page.UserPools ?? []).flatMap((pool) => (pool.Id ? [pool.Id] : [])),
    ));
  }

  public async describeUserPool(userPoolId: string): Promise<PoolDescription> {
    return this.call('DescribeUserPool', async () => {
      const pool = (await this.client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }))).UserPool ?? {};
      return {
        name: pool.Name,
        tier: pool.UserPoolTier,
        schema: (pool.SchemaAttributes ?? []).filter((a) => a.Name)
          .map((a) => ({ name: a.Name!, required: a.Required === true })),
        domains: [pool.Domain, pool.CustomDomain].filter((d): d is string => typeof d === 'string' && d.length > 0),
      };
    });
  }

  public async listClients(userPoolId: string): Promise<ClientSummary[]> {
    return this.call('ListUserPoolClients', () => collectPages(
      paginateListUserPoolClients({ client: this.client, pageSize: CLIENTS_PAGE }, { UserPoolId: userPoolId, MaxResults: CLIENTS_PAGE }),
      (page) => (page.UserPoolClients ?? []).flatMap((client): ClientSummary[] =>
        (client.ClientId ? [{ clientId: client.ClientId, clientName: client.ClientName }] : [])),
    ));
  }

  public async describeClient(userPoolId: string, clientId: string): Promise<ClientDescription> {
    return this.call('DescribeUserPoolClient', async () => {
      const command = new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId });
      const response: DescribeUserPoolClientCommandOutput = await this.client.send(command);
      return withoutSecret(clientId, (response.UserPoolClient ?? {}) as Record<string, unknown>);
    });
  }

  public async listResourceServers(userPoolId: string): Promise<ResourceServerDescription[]> {
    return this.call('ListResourceServers', () => collectPages(
      paginateListResourceServers({ client: this.client, pageSize: RESOURCE_SERVERS_PAGE },
        { UserPoolId: userPoolId, MaxResults: RESOURCE_SERVERS_PAGE }),
      (page) => (page.ResourceServers ?? []).map((server): ResourceServerDescription => ({
        identifier: server.Identifier,
        name: server.Name,
        scopes: server.Scopes?.map((scope) => ({ ScopeName: scope.ScopeName, ScopeDescription: scope.ScopeDescription })),
      })),
    ));
  }

  public async listIdentityProviders(userPoolId: string): Promise<IdentityProviderSummary[]> {
    return this.call('ListIdentityProviders', () => collectPages(
      paginateListIdentityProviders({ client: this.client, pageSize: IDENTITY_PROVIDERS_PAGE },
        { UserPoolId: userPoolId, MaxResults: IDENTITY_PROVIDERS_PAGE }),
      (page) => (page.Providers ?? []).flatMap((provider): IdentityProviderSummary[] =>
        (provider.ProviderName ? [{ providerName: provider.ProviderName, providerType: provider.ProviderType }] : [])),
    ));
  }

  /** The provider's AttributeMapping only: ProviderDetails (client secrets, keys) is dropped here. */
  public async describeIdentityProviderMapping(userPoolId: string, providerName: string): Promise<Record<string, string>> {
    return this.call('DescribeIdentityProvider', async () => {
      const command = new DescribeIdentityProviderCommand({ UserPoolId: userPoolId, ProviderName: providerName });
      const response = await this.client.send(command);
      return { ...(response.IdentityProvider?.AttributeMapping ?? {}) };
    });
  }

  /** The domain, or undefined when Cognito no longer knows it (it answers an empty DomainDescription). */
  public async describeDomain(domain: string): Promise<DomainDescription | undefined> {
    return this.call('DescribeUserPoolDomain', async () => {
      const description = (await this.client.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription;
      if (!description?.Domain) return undefined;
      const properties: Record<string, unknown> = {};
      if (description.CustomDomainConfig) properties.CustomDomainConfig = { ...description.CustomDomainConfig };
      if (description.ManagedLoginVersion !== undefined) properties.ManagedLoginVersion = description.ManagedLoginVersion;
      if (description.Routing) properties.Routing = structuredClone(description.Routing);
      return { domain: description.Domain, properties };
    });
  }

  private async call<T>(operation: AuditOperation, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'AccessDeniedException') throw new OperationDenied(operation);
      if (name === 'ResourceNotFoundException') throw new ResourceGone(operation);
      const message = error instanceof Error ? error.message : String(error);
      throw new ReadFailed(operation, `${typeof name === 'string' && name !== 'Error' ? `${name}: ` : ''}${message.split('\n')[0]}`);
    }
  }
}

/** The secret boundary: settings by allowlist, the secret reduced to a boolean. */
function withoutSecret(clientId: string, client: Record<string, unknown>): ClientDescription {
  const properties: Record<string, unknown> = {};
  for (const name of CLIENT_SETTINGS) {
    const value = client[name];
    if (value !== undefined && value !== null) properties[name] = structuredClone(value);
  }
  const hasSecret = typeof client.ClientSecret === 'string' && client.ClientSecret.length > 0;
  return { clientId, clientName: typeof client.ClientName === 'string' ? client.ClientName : undefined, properties, hasSecret };
}

/** Every item of every page an SDK paginator yields, each page turned into items by `itemsOf`. */
async function collectPages<Page, Item>(pages: AsyncIterable<Page>, itemsOf: (page: Page) => Item[]): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) items.push(...itemsOf(page));
  return items;
}
