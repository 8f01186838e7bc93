import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { forSnapshot, lintDirectory, tempDir } from './helpers';
import { ServiceToServiceStack } from '../../examples/service-to-service/app';

describe('example: service to service with M2MClient', () => {
  const outdir = tempDir('example-s2s-');
  const app = new App({ outdir });
  const stack = new ServiceToServiceStack(app, 'ServiceToService', { env: { region: 'eu-west-1' } });
  app.synth();
  const template = Template.fromStack(stack);

  test('synthesizes and the linter finds nothing', async () => {
    const { code, findings } = await lintDirectory(outdir);
    expect([code, findings]).toEqual([0, []]);
  });

  test('the calling service has a secret client for exactly inventory/read, which the API requires', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: [{ 'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('^ServicesInventoryApi') }, '/read']] }],
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'COGNITO_USER_POOLS', AuthorizationScopes: ['inventory/read'] });
  });

  test('the consumer Lambda may read the delivered secret and is told where it is', () => {
    const consumer = Object.values(template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { CLIENT_SECRET_ARN: Match.anyValue() } } },
    }));
    expect(consumer).toHaveLength(1);
    expect(Object.keys((consumer[0] as any).Properties.Environment.Variables).sort()).toEqual(['CLIENT_SECRET_ARN', 'INVENTORY_URL']);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['secretsmanager:GetSecretValue']) })]) },
      Roles: [{ Ref: Match.stringLikeRegexp('^ReportingServiceServiceRole') }],
    });
  });

  test('template snapshot', () => {
    expect(forSnapshot(template.toJSON())).toMatchSnapshot();
  });
});

/**
 * The consumer's code against servers on 127.0.0.1: Secrets Manager's GetSecretValue (JSON 1.1 protocol, as the
 * real SDK client sends it) and a token endpoint that accepts only the current secret, as Cognito does once a
 * rotation has deleted the old one.
 */
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html
describe('example consumer: reads the secret, retries once on invalid_client', () => {
  let server: Server;
  let base: string;
  let tokenEndpoint = '';
  /** The client secret each GetSecretValue returns, in turn; the last one stays. */
  let secretVersions: string[] = [];
  /** The one client secret the token endpoint accepts. */
  let acceptedSecret = '';
  const calls: string[] = [];

  const body = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk) => { text += chunk; });
    req.on('end', () => resolve(text));
  });

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const text = await body(req);
      if (req.headers['x-amz-target'] === 'secretsmanager.GetSecretValue') {
        calls.push(`GetSecretValue ${JSON.parse(text).SecretId}`);
        const clientSecret = secretVersions.length > 1 ? secretVersions.shift()! : secretVersions[0];
        const value = { clientId: 'client-1', clientSecret, userPoolId: 'eu-west-1_example', tokenEndpoint, scopes: ['inventory/read'] };
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({
          ARN: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:reporting-AbCdEf',
          Name: 'reporting',
          SecretString: JSON.stringify(value),
          VersionId: 'v1',
          CreatedDate: 1767225600,
        }));
      } else if (req.url === '/oauth2/token') {
        const [id, secret] = Buffer.from(String(req.headers.authorization).replace('Basic ', ''), 'base64').toString().split(':');
        const form = new URLSearchParams(text);
        calls.push(`token ${secret} ${form.get('grant_type')} ${form.get('scope')}`);
        const ok = id === 'client-1' && secret === acceptedSecret;
        res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
        res.end(JSON.stringify(ok ? { access_token: `token-for-${secret}`, token_type: 'Bearer', expires_in: 3600 } : { error: 'invalid_client' }));
      } else if (req.url === '/stock') {
        calls.push(`stock ${req.headers.authorization}`);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"items":[]}');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    tokenEndpoint = `${base}/oauth2/token`;
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: base,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example',
      CLIENT_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:reporting-AbCdEf',
      INVENTORY_URL: `${base}/stock`,
    });
  });

  afterAll(async () => {
    for (const name of ['AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'CLIENT_SECRET_ARN', 'INVENTORY_URL']) delete process.env[name];
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    calls.length = 0;
  });

  /** A fresh copy of the handler module (its cache starts empty), as in a new Lambda execution environment. */
  function freshHandler(): () => Promise<{ statusCode: number; body: string }> {
    let handler: any;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      handler = require('../../examples/service-to-service/consumer.js').handler;
    });
    return handler;
  }

  test('a rotated secret: invalid_client, the secret is read again, the retry succeeds and the API is called', async () => {
    // GIVEN the first read returns a secret that rotation has since deleted
    secretVersions = ['old-secret', 'new-secret'];
    acceptedSecret = 'new-secret';
    // WHEN
    const result = await freshHandler()();
    // THEN
    expect(result).toEqual({ statusCode: 200, body: '{"items":[]}' });
    expect(calls).toEqual([
      'GetSecretValue arn:aws:secretsmanager:eu-west-1:111122223333:secret:reporting-AbCdEf',
      'token old-secret client_credentials inventory/read',
      'GetSecretValue arn:aws:secretsmanager:eu-west-1:111122223333:secret:reporting-AbCdEf',
      'token new-secret client_credentials inventory/read',
      'stock Bearer token-for-new-secret',
    ]);
  });

  test('the secret is cached between invocations of one environment', async () => {
    secretVersions = ['new-secret'];
    acceptedSecret = 'new-secret';
    const handler = freshHandler();
    await handler();
    await handler();
    expect(calls.filter((c) => c.startsWith('GetSecretValue'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('stock'))).toEqual(['stock Bearer token-for-new-secret', 'stock Bearer token-for-new-secret']);
  });

  test('retries only once: a secret that is still refused fails the invocation, and the API is not called', async () => {
    secretVersions = ['wrong-secret'];
    acceptedSecret = 'new-secret';
    const handler = freshHandler();
    await expect(handler()).rejects.toThrow('token endpoint refused: invalid_client');
    expect(calls.filter((c) => c.startsWith('token'))).toHaveLength(2);
    expect(calls.some((c) => c.startsWith('stock'))).toBe(false);
  });
});
