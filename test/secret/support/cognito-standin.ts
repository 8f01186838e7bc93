import { randomBytes } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient, OidcServer, RunningServer } from './servers';
import { AwsJsonError, AwsJsonServer, startAwsJsonServer } from '../../support/aws-json-server';

/**
 * Cognito for the secret handlers, on 127.0.0.1, in two parts:
 *
 * 1. An AWS JSON 1.1 stand-in (X-Amz-Target `AWSCognitoIdentityProviderService.*`) in front of cognito-local 5.3.0.
 *    cognito-local keeps serving pools and clients (create, describe, delete); the stand-in adds the client-secret
 *    APIs cognito-local lacks, modelled on the API reference:
 *    - AddUserPoolClientSecret: at most 2 active secrets per client, LimitExceededException beyond; a custom secret is
 *      24-64 characters of [\w+]; ClientSecretValue is returned only for a generated secret.
 *      https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddUserPoolClientSecret.html
 *    - ListUserPoolClientSecrets: ids (`<client-id>--<epoch>`) and creation dates, never values.
 *      https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPoolClientSecrets.html
 *    - DeleteUserPoolClientSecret: the last secret cannot be deleted (the reference names no error for it; the
 *      stand-in answers InvalidParameterException, one of the errors the operation lists); an unknown id is
 *      ResourceNotFoundException.
 *      https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPoolClientSecret.html
 *    - DescribeUserPoolClient returns ClientSecret only while the client's original secret exists (reported against
 *      real Cognito in floci-io/floci#345).
 * 2. A token endpoint in front of oidc-provider (real JWTs, real JWKS) that accepts exactly the client's active
 *    secrets, answers a wrong secret `invalid_client` and a client without the client_credentials flow
 *    `unauthorized_client`, as Cognito's /oauth2/token does. Client authentication is HTTP Basic with id and secret
 *    form-urlencoded first (RFC 6749 section 2.3.1).
 */

interface ClientSecret { readonly id: string; readonly value: string; readonly created: number; readonly original: boolean }
interface ClientModel {
  readonly userPoolId: string;
  readonly secrets: ClientSecret[];
  readonly flows: string[];
  /** The one secret oidc-provider knows for this client; the token endpoint swaps an active secret for it. */
  readonly canonical: string;
  registered: boolean;
}

export interface CognitoStandIn {
  readonly server: AwsJsonServer;
  readonly url: string;
  readonly tokenEndpoint: string;
  /** A real SDK client pointed at the stand-in (SDK retries off). */
  client(): CognitoIdentityProviderClient;
  /** The client's active secret values, oldest first. */
  activeSecrets(clientId: string): string[];
  /** Whether the token endpoint gives `clientId` a token for this secret (HTTP status). */
  tokenStatus(clientId: string, secret: string): Promise<number>;
  /** Make the token endpoint quote the presented secret in its error_description (as a careless server might). */
  echoSecretInTokenErrors(on: boolean): void;
  stop(): Promise<void>;
}

export async function startCognitoStandIn(cognitoLocal: RunningServer, oidc: OidcServer): Promise<CognitoStandIn> {
  const upstream = cognitoClient(cognitoLocal.url);
  const clients = new Map<string, ClientModel>();
  let clock = Math.floor(Date.now() / 1000);
  let echo = false;

  async function model(userPoolId: unknown, clientId: unknown): Promise<ClientModel> {
    const id = String(clientId ?? '');
    const known = clients.get(id);
    if (known && known.userPoolId === userPoolId) return known;
    let described;
    try {
      described = await upstream.send(new DescribeUserPoolClientCommand({ UserPoolId: String(userPoolId ?? ''), ClientId: id }));
    } catch (error) {
      const name = (error as { name?: string }).name ?? 'InternalErrorException';
      throw new AwsJsonError(name, (error as Error).message, name === 'ResourceNotFoundException' ? 400 : 500);
    }
    const c = described.UserPoolClient!;
    const created = Math.floor((c.CreationDate?.getTime() ?? Date.now()) / 1000);
    const m: ClientModel = {
      userPoolId: String(userPoolId),
      secrets: c.ClientSecret ? [{ id: `${id}--${created}`, value: c.ClientSecret, created, original: true }] : [],
      flows: c.AllowedOAuthFlows ?? [],
      canonical: `canonical${randomBytes(12).toString('hex')}`,
      registered: false,
    };
    clients.set(id, m);
    return m;
  }

  const server = await startAwsJsonServer({
    upstreamPort: cognitoLocal.port,
    services: {
      AWSCognitoIdentityProviderService: {
        DescribeUserPoolClient: async (input, ctx) => {
          const answer = await ctx.forward() as { UserPoolClient?: Record<string, unknown> };
          const m = await model(input.UserPoolId, input.ClientId);
          if (answer.UserPoolClient && !m.secrets.some((s) => s.original)) delete answer.UserPoolClient.ClientSecret;
          return answer;
        },
        AddUserPoolClientSecret: async (input) => {
          const m = await model(input.UserPoolId, input.ClientId);
          if (m.secrets.length === 0) {
            throw new AwsJsonError('InvalidParameterException', `App client ${input.ClientId} is not a confidential client (it has no secret).`);
          }
          if (m.secrets.length >= 2) {
            throw new AwsJsonError('LimitExceededException', 'An app client can have at most 2 client secrets.');
          }
          const custom = input.ClientSecret as string | undefined;
          if (custom !== undefined && !/^[\w+]{24,64}$/.test(custom)) {
            throw new AwsJsonError('InvalidParameterException', "1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+ and length 24-64");
          }
          clock = Math.max(clock + 1, Math.floor(Date.now() / 1000), ...m.secrets.map((s) => s.created + 1));
          const secret: ClientSecret = {
            id: `${input.ClientId}--${clock}`,
            value: custom ?? randomBytes(40).toString('base64').replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 51),
            created: clock,
            original: false,
          };
          m.secrets.push(secret);
          return {
            ClientSecretDescriptor: {
              ClientSecretId: secret.id,
              ClientSecretCreateDate: secret.created,
              ...(custom === undefined ? { ClientSecretValue: secret.value } : {}),
            },
          };
        },
        ListUserPoolClientSecrets: async (input) => {
          const m = await model(input.UserPoolId, input.ClientId);
          return { ClientSecrets: m.secrets.map((s) => ({ ClientSecretId: s.id, ClientSecretCreateDate: s.created })) };
        },
        DeleteUserPoolClientSecret: async (input) => {
          const m = await model(input.UserPoolId, input.ClientId);
          const i = m.secrets.findIndex((s) => s.id === input.ClientSecretId);
          if (i < 0) throw new AwsJsonError('ResourceNotFoundException', `Client secret ${input.ClientSecretId} does not exist.`);
          if (m.secrets.length === 1) throw new AwsJsonError('InvalidParameterException', 'The last client secret of an app client cannot be deleted.');
          m.secrets.splice(i, 1);
          return {};
        },
      },
    },
  });

  const token = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const headers = { ...req.headers, 'content-length': String(body.length) };
        if (req.method === 'POST' && req.url?.startsWith('/oauth2/token')) {
          const basic = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ''));
          const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
          const colon = decoded.indexOf(':');
          const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
          const [clientId, secret] = colon < 0 ? ['', ''] : [formDecode(decoded.slice(0, colon)), formDecode(decoded.slice(colon + 1))];
          const m = clients.get(clientId);
          const refuse = (error: string) => {
            const description = echo ? `client authentication failed for ${clientId}:${secret}` : undefined;
            res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error, error_description: description }));
          };
          if (!m || !m.secrets.some((s) => s.value === secret)) return refuse('invalid_client');
          if (!m.flows.includes('client_credentials')) return refuse('unauthorized_client');
          if (!m.registered) {
            await oidc.upsertClient({ client_id: clientId, client_secret: m.canonical, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: 'api/read api/write' });
            m.registered = true;
          }
          headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(m.canonical)}`).toString('base64')}`;
        }
        const up = http.request({ host: '127.0.0.1', port: oidc.port, path: req.url, method: req.method, headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        up.on('error', () => res.writeHead(502).end());
        up.end(body);
      })();
    });
  });
  await new Promise<void>((resolve) => token.listen(0, '127.0.0.1', resolve));
  const tokenUrl = `http://127.0.0.1:${(token.address() as AddressInfo).port}`;

  return {
    server,
    url: server.url,
    tokenEndpoint: `${tokenUrl}/oauth2/token`,
    client: () => cognitoClient(server.url),
    activeSecrets: (clientId) => (clients.get(clientId)?.secrets ?? []).map((s) => s.value),
    tokenStatus: async (clientId, secret) => {
      const res = await fetch(`${tokenUrl}/oauth2/token`, {
        method: 'POST',
        headers: {
          'authorization': `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials&scope=api%2Fread',
      });
      await res.arrayBuffer();
      return res.status;
    },
    echoSecretInTokenErrors: (on) => { echo = on; },
    stop: async () => {
      await server.stop();
      await new Promise<void>((resolve) => { token.closeAllConnections(); token.close(() => resolve()); });
    },
  };
}
