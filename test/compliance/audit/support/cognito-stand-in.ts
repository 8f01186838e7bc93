/**
 * A loopback stand-in for the read-only Cognito user pool operations the audit sends, on the shared AWS JSON 1.1
 * server (test/support/aws-json-server.ts). It answers as the API reference documents: required and ranged
 * MaxResults (InvalidParameterException otherwise), opaque NextToken pagination, ResourceNotFoundException for a
 * pool, client or provider that does not exist, and an empty DomainDescription for an unknown domain.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPools.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPoolClients.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListResourceServers.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListIdentityProviders.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolDomain.html
 *
 * With `upstreamPort` (cognito-local), pools and clients come from there (ListUserPools, DescribeUserPool,
 * ListUserPoolClients, DescribeUserPoolClient are forwarded) and the stand-in answers only what cognito-local lacks.
 */
import { AwsJsonError, AwsJsonServer, OperationHandler, startAwsJsonServer } from '../../../support/aws-json-server';

export const SERVICE = 'AWSCognitoIdentityProviderService';

export interface StandInPool {
  Id: string;
  Name: string;
  UserPoolTier?: string;
  SchemaAttributes?: Array<Record<string, unknown>>;
  Domain?: string;
  CustomDomain?: string;
}

export interface StandInProvider {
  ProviderName: string;
  ProviderType: string;
  ProviderDetails?: Record<string, string>;
  AttributeMapping?: Record<string, string>;
}

export interface CognitoStandIn {
  readonly server: AwsJsonServer;
  readonly url: string;
  addPool(pool: StandInPool): void;
  removePool(id: string): void;
  addClient(userPoolId: string, client: Record<string, unknown>): void;
  removeClient(userPoolId: string, clientId: string): void;
  addResourceServer(userPoolId: string, server: Record<string, unknown>): void;
  addIdentityProvider(userPoolId: string, provider: StandInProvider): void;
  addDomain(description: Record<string, unknown>): void;
  /** Operation names of the calls seen (the part of X-Amz-Target after the dot), in order. */
  operations(): string[];
  stop(): Promise<void>;
}

// Timestamps go on the wire as epoch seconds (AWS JSON 1.1).
const EPOCH = 1767225600;
const invalid = (message: string) => new AwsJsonError('InvalidParameterException', message);
const notFound = (message: string) => new AwsJsonError('ResourceNotFoundException', message);

/** One page of `items`: NextToken is the next index, opaque to the client; MaxResults checked against 1..max. */
function page<T>(items: readonly T[], input: Record<string, any>, max: number, required: boolean): { items: T[]; NextToken?: string } {
  const size = input.MaxResults;
  if (size === undefined && required) throw invalid('1 validation error detected: Value null at \'maxResults\' failed to satisfy constraint: Member must not be null');
  if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > max)) {
    throw invalid(`1 validation error detected: Value '${size}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${max}`);
  }
  const start = input.NextToken === undefined ? 0 : Number(Buffer.from(String(input.NextToken), 'base64url').toString('utf8').replace(/^page:/, ''));
  if (!Number.isInteger(start) || start < 0 || start > items.length) throw invalid('Invalid pagination token.');
  const end = Math.min(items.length, start + (size ?? max));
  return { items: items.slice(start, end), ...(end < items.length ? { NextToken: Buffer.from(`page:${end}`).toString('base64url') } : {}) };
}

export async function startCognitoStandIn(options: { upstreamPort?: number } = {}): Promise<CognitoStandIn> {
  const pools = new Map<string, StandInPool>();
  const clients = new Map<string, Map<string, Record<string, unknown>>>();
  const servers = new Map<string, Array<Record<string, unknown>>>();
  const providers = new Map<string, StandInProvider[]>();
  const domains = new Map<string, Record<string, unknown>>();

  const poolOf = (id: unknown): StandInPool => {
    const pool = pools.get(String(id));
    if (!pool) throw notFound(`User pool ${String(id)} does not exist.`);
    return pool;
  };
  // In front of cognito-local, the pools are cognito-local's: the extras are kept by pool id.
  const knownPool = (id: unknown) => {
    if (options.upstreamPort === undefined) poolOf(id);
    return String(id);
  };

  const own: Record<string, OperationHandler> = {
    ListUserPools: (input) => {
      const { items, NextToken } = page([...pools.values()], input, 60, true);
      const UserPools = items.map((p) => ({ Id: p.Id, Name: p.Name, CreationDate: EPOCH, LastModifiedDate: EPOCH }));
      return { UserPools, ...(NextToken ? { NextToken } : {}) };
    },
    DescribeUserPool: (input) => {
      const pool = poolOf(input.UserPoolId);
      return { UserPool: { ...pool, SchemaAttributes: pool.SchemaAttributes ?? [{ Name: 'sub', Required: true }, { Name: 'email', Required: false }] } };
    },
    ListUserPoolClients: (input) => {
      poolOf(input.UserPoolId);
      const { items, NextToken } = page([...(clients.get(input.UserPoolId)?.values() ?? [])], input, 60, false);
      const UserPoolClients = items.map((c) => ({ ClientId: c.ClientId, UserPoolId: input.UserPoolId, ClientName: c.ClientName }));
      return { UserPoolClients, ...(NextToken ? { NextToken } : {}) };
    },
    DescribeUserPoolClient: (input) => {
      poolOf(input.UserPoolId);
      const client = clients.get(input.UserPoolId)?.get(input.ClientId);
      if (!client) throw notFound(`User pool client ${String(input.ClientId)} does not exist.`);
      return { UserPoolClient: { UserPoolId: input.UserPoolId, ...client } };
    },
  };
  const lacking: Record<string, OperationHandler> = {
    ListResourceServers: (input) => {
      const id = knownPool(input.UserPoolId);
      const { items, NextToken } = page(servers.get(id) ?? [], input, 50, false);
      return { ResourceServers: items.map((s) => ({ UserPoolId: id, ...s })), ...(NextToken ? { NextToken } : {}) };
    },
    ListIdentityProviders: (input) => {
      const id = knownPool(input.UserPoolId);
      const { items, NextToken } = page(providers.get(id) ?? [], input, 60, false);
      return {
        Providers: items.map((p) => ({ ProviderName: p.ProviderName, ProviderType: p.ProviderType, CreationDate: EPOCH, LastModifiedDate: EPOCH })),
        ...(NextToken ? { NextToken } : {}),
      };
    },
    DescribeIdentityProvider: (input) => {
      const id = knownPool(input.UserPoolId);
      const provider = (providers.get(id) ?? []).find((p) => p.ProviderName === input.ProviderName);
      if (!provider) throw notFound(`Identity provider ${String(input.ProviderName)} does not exist.`);
      return { IdentityProvider: { UserPoolId: id, ...provider, IdpIdentifiers: [] } };
    },
    DescribeUserPoolDomain: (input) => {
      if (typeof input.Domain !== 'string' || input.Domain.length < 1) throw invalid('1 validation error detected: Value at \'domain\' failed to satisfy constraint');
      // Cognito answers an unknown domain with an empty description, not an error.
      return { DomainDescription: domains.get(input.Domain) ?? {} };
    },
  };

  const server = await startAwsJsonServer({
    services: { [SERVICE]: options.upstreamPort === undefined ? { ...own, ...lacking } : lacking },
    upstreamPort: options.upstreamPort,
  });
  return {
    server,
    url: server.url,
    addPool: (pool) => { pools.set(pool.Id, pool); clients.set(pool.Id, new Map()); },
    removePool: (id) => { pools.delete(id); clients.delete(id); },
    addClient: (userPoolId, client) => {
      if (!clients.has(userPoolId)) clients.set(userPoolId, new Map());
      clients.get(userPoolId)!.set(String(client.ClientId), client);
    },
    removeClient: (userPoolId, clientId) => { clients.get(userPoolId)?.delete(clientId); },
    addResourceServer: (userPoolId, s) => { servers.set(userPoolId, [...(servers.get(userPoolId) ?? []), s]); },
    addIdentityProvider: (userPoolId, p) => { providers.set(userPoolId, [...(providers.get(userPoolId) ?? []), p]); },
    addDomain: (description) => { domains.set(String(description.Domain), description); },
    operations: () => server.calls.map((c) => c.operation),
    stop: () => server.stop(),
  };
}
