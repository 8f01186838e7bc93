import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CreateUserPoolClientCommand, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateSecretCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { CognitoStandIn } from './support/cognito-standin';
import { cfnEvent } from './support/events';
import { SecretsManagerStandIn } from './support/secrets-manager-standin';
import { StandIns, startStandIns } from './support/stand-ins';

// The shipped bundles (assets/, built by `npx projen bundle`), run as Lambda would run them: a fresh Node process that
// loads index.js and calls `handler`, with the SDK's own configuration from the environment (AWS_ENDPOINT_URL_*,
// AWS_REGION, credentials) pointing at the loopback stand-ins. This proves that the bundled SDK clients know the
// client-secret APIs and that no test-only dependency is needed.

const ROOT = path.resolve(__dirname, '../..');
const bundle = (name: string) => path.join(ROOT, 'assets/secret', `${name}.lambda`, 'index.js');

let servers: StandIns;
let cognito: CognitoStandIn;
let sm: SecretsManagerStandIn;

beforeAll(async () => {
  for (const name of ['client-secret-writer', 'client-secret-rotation']) {
    if (!fs.existsSync(bundle(name))) throw new Error(`${bundle(name)} is missing. Fix: run npx projen bundle.`);
  }
  servers = await startStandIns();
  ({ cognito, sm } = servers);
});
afterAll(async () => { await servers?.stop(); });

/**
 * Runs the bundle's handler in a child process (asynchronously: the stand-ins live in this process); returns its
 * result, or the error message it threw, and what it printed.
 */
async function runBundle(name: string, event: unknown): Promise<{ result?: unknown; error?: string; stdout: string }> {
  const script = `
    const { handler } = require(${JSON.stringify(bundle(name))});
    handler(JSON.parse(process.env.EVENT), { getRemainingTimeInMillis: () => 60000 })
      .then((r) => process.stdout.write('\\nRESULT ' + JSON.stringify({ result: r ?? null })))
      .catch((e) => process.stdout.write('\\nRESULT ' + JSON.stringify({ error: e.message })));`;
  const stdout = await new Promise<string>((resolve, reject) => execFile(process.execPath, ['-e', script], {
    env: {
      PATH: process.env.PATH,
      EVENT: JSON.stringify(event),
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.url,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: sm.url,
    },
    encoding: 'utf8',
    timeout: 60_000,
  }, (error, out) => (error ? reject(error) : resolve(out))));
  const marker = stdout.lastIndexOf('\nRESULT ');
  return { ...JSON.parse(stdout.slice(marker + 8)), stdout: stdout.slice(0, marker) };
}

test('the shipped writer and rotation bundles write, rotate and refuse an http: token endpoint, with nothing secret on stdout', async () => {
  const admin = cognito.client();
  const pool = (await admin.send(new CreateUserPoolCommand({ PoolName: 'bundles' }))).UserPool!.Id!;
  const client = (await admin.send(new CreateUserPoolClientCommand({
    UserPoolId: pool,
    ClientName: 'm2m',
    GenerateSecret: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: ['api/read'],
  }))).UserPoolClient!;
  const secretArn = (await sm.client().send(new CreateSecretCommand({ Name: 'bundles' }))).ARN!;

  const written = await runBundle('client-secret-writer', cfnEvent('Create', {
    UserPoolId: pool, ClientId: client.ClientId, SecretArn: secretArn, TokenEndpoint: cognito.tokenEndpoint, Scopes: ['api/read'],
  }));
  expect(written.error).toBeUndefined();
  expect(sm.valueAt(secretArn)).toMatchObject({ clientId: client.ClientId, clientSecret: client.ClientSecret });

  const token = (await sm.client().send(new RotateSecretCommand({ SecretId: secretArn, RotationLambdaARN: 'arn:aws:lambda:us-east-1:111111111111:function:r' }))).VersionId!;
  const steps = [];
  for (const Step of ['createSecret', 'setSecret', 'testSecret']) {
    steps.push(await runBundle('client-secret-rotation', { SecretId: secretArn, ClientRequestToken: token, Step }));
  }
  expect(steps.map((s) => s.error)).toEqual([undefined, undefined,
    `The token endpoint ${cognito.tokenEndpoint} does not use https:, so it is refused. Fix: use the https:// URL of the user pool's domain or issuer.`]);
  const pending = sm.valueAt(secretArn, 'AWSPENDING')!;
  expect(cognito.activeSecrets(client.ClientId!)).toEqual([client.ClientSecret, pending.clientSecret]);
  for (const out of [written.stdout, ...steps.map((s) => s.stdout)]) {
    expect(out).toContain('"event":');
    expect(out).not.toContain(client.ClientSecret);
    expect(out).not.toContain(pending.clientSecret);
  }
});
