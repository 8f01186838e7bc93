import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { captureOutput, describeOutcome } from './support/capture';
import { cfnEvent, contextWith, recordingSleep } from './support/events';
import { FakeSecretsManager } from './support/fake-secrets-manager';
import { cognitoClient, freePort, RunningServer, startCognitoLocal, startFaultyProxy } from './support/servers';
import { makeWriterHandler } from '../../src/secret/client-secret-writer.lambda';

// Cognito is real: cognito-local on 127.0.0.1. Secrets Manager has no loopback server, so it is replaced at the
// SDK boundary by an in-memory model (aws-sdk-client-mock, see support/fake-secrets-manager.ts).

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:client-AbCdEf';

let cognitoLocal: RunningServer;
let cognito: CognitoIdentityProviderClient;
let sm: FakeSecretsManager;

// The handlers log one JSON line per step; keep test output readable (the leak tests capture it on purpose).
beforeEach(() => { jest.spyOn(console, 'log').mockImplementation(() => undefined); });
afterEach(() => { jest.restoreAllMocks(); });

beforeAll(async () => {
  cognitoLocal = await startCognitoLocal();
  cognito = cognitoClient(cognitoLocal.url);
});
afterAll(async () => { await cognitoLocal?.stop(); });
beforeEach(() => { sm = new FakeSecretsManager(); sm.create(SECRET_ARN); });
afterEach(() => sm.restore());

async function confidentialClient(name = 'm2m') {
  const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: `pool-${name}` }));
  const client = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: name, GenerateSecret: true }));
  return { userPoolId: pool.UserPool!.Id!, clientId: client.UserPoolClient!.ClientId!, clientSecret: client.UserPoolClient!.ClientSecret! };
}

function handlerFor(endpoint: string, sleep?: (ms: number) => Promise<void>, random?: () => number) {
  const deps = { cognito: cognitoClient(endpoint), secrets: new SecretsManagerClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), sleep, random };
  return makeWriterHandler(() => deps);
}

function props(ids: { userPoolId: string; clientId: string }) {
  return { UserPoolId: ids.userPoolId, ClientId: ids.clientId, SecretArn: SECRET_ARN, TokenEndpoint: 'https://auth.example.com/oauth2/token', Scopes: ['api/read', 'api/write'] };
}

describe('client-secret-writer: delivery', () => {
  test('Create writes the credentials JSON, and the secret is in no log line, response or template-visible Data', async () => {
    // GIVEN a confidential client in cognito-local
    const ids = await confidentialClient();
    const captured = captureOutput();
    let result;
    try {
      // WHEN CloudFormation creates the resource
      result = await handlerFor(cognitoLocal.url)(cfnEvent('Create', props(ids)), contextWith(60_000));
    } finally {
      captured.restore();
    }
    // THEN the secret holds the full JSON document
    expect(sm.valueAt(SECRET_ARN)).toEqual({
      clientId: ids.clientId,
      clientSecret: ids.clientSecret,
      userPoolId: ids.userPoolId,
      tokenEndpoint: 'https://auth.example.com/oauth2/token',
      scopes: ['api/read', 'api/write'],
    });
    expect(result.PhysicalResourceId).toBe(`client-secret:${SECRET_ARN}`);
    expect(result.Data).toMatchObject({ ClientId: ids.clientId, UserPoolId: ids.userPoolId, SecretArn: SECRET_ARN });
    // AND the value appears nowhere the outside world can see
    expect(captured.text()).toContain('secret-written'); // the capture did see the handler's logging
    expect(captured.text()).not.toContain(ids.clientSecret);
    expect(describeOutcome(result)).not.toContain(ids.clientSecret);
  });

  test('the same Create delivered twice writes one version and answers the same', async () => {
    const ids = await confidentialClient('twice');
    const event = cfnEvent('Create', props(ids));
    const handler = handlerFor(cognitoLocal.url);
    const first = await handler(event, contextWith(60_000));
    const second = await handler(event, contextWith(60_000));
    expect(second).toEqual(first);
    expect(Object.keys(sm.versionsOf(SECRET_ARN))).toHaveLength(1);
    expect(sm.mock.commandCalls(PutSecretValueCommand)).toHaveLength(2);
  });

  test('Update after the client was replaced (new client id) keeps the physical id and writes the new credentials', async () => {
    const before = await confidentialClient('old');
    const handler = handlerFor(cognitoLocal.url);
    const created = await handler(cfnEvent('Create', props(before)), contextWith(60_000));
    const after = await confidentialClient('new');
    const updated = await handler(cfnEvent('Update', props(after), {
      PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: props(before),
    }), contextWith(60_000));
    // Same physical id: CloudFormation sends no Delete that could clobber the new value.
    expect(updated.PhysicalResourceId).toBe(created.PhysicalResourceId);
    expect(sm.valueAt(SECRET_ARN)).toMatchObject({ clientId: after.clientId, clientSecret: after.clientSecret, userPoolId: after.userPoolId });
    expect(sm.valueAt(SECRET_ARN, 'AWSPREVIOUS')).toMatchObject({ clientId: before.clientId });
  });

  test('with rotation on, an Update of the same client keeps the rotated secret and refreshes the rest', async () => {
    const ids = await confidentialClient('rotated');
    const handler = handlerFor(cognitoLocal.url);
    const rotatingProps = { ...props(ids), Rotating: 'true' };
    await handler(cfnEvent('Create', rotatingProps), contextWith(60_000));
    // The rotation function has since stored a newer secret with its Cognito id.
    sm.put({ SecretId: SECRET_ARN, SecretString: JSON.stringify({ ...sm.valueAt(SECRET_ARN), clientSecret: 'rotated-value-123456', clientSecretId: `${ids.clientId}--1` }) });
    await handler(cfnEvent('Update', { ...rotatingProps, Scopes: ['api/read'] }, { PhysicalResourceId: 'p', OldResourceProperties: rotatingProps }), contextWith(60_000));
    expect(sm.valueAt(SECRET_ARN)).toMatchObject({ clientSecret: 'rotated-value-123456', clientSecretId: `${ids.clientId}--1`, scopes: ['api/read'] });
    // Without rotation the value is always taken from Cognito.
    await handler(cfnEvent('Update', props(ids), { PhysicalResourceId: 'p', OldResourceProperties: props(ids) }), contextWith(60_000));
    expect(sm.valueAt(SECRET_ARN)).toMatchObject({ clientSecret: ids.clientSecret });
    expect(sm.valueAt(SECRET_ARN)!.clientSecretId).toBeUndefined();
  });

  test('with rotation on, an Update succeeds even when DescribeUserPoolClient no longer shows a secret', async () => {
    // After a rotation Cognito may list the secrets without returning one from DescribeUserPoolClient; a client
    // created without a secret in cognito-local answers the same way.
    const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: 'after-rotation' }));
    const client = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: 'rotated' }));
    const ids = { userPoolId: pool.UserPool!.Id!, clientId: client.UserPoolClient!.ClientId! };
    const rotatingProps = { ...props(ids), Rotating: 'true' };
    sm.put({ SecretId: SECRET_ARN, SecretString: JSON.stringify({ ...ids, clientSecret: 'rotated-value-abcdef', clientSecretId: `${ids.clientId}--2`, scopes: [] }) });
    await handlerFor(cognitoLocal.url)(cfnEvent('Update', rotatingProps, { PhysicalResourceId: 'p', OldResourceProperties: rotatingProps }), contextWith(60_000));
    expect(sm.valueAt(SECRET_ARN)).toMatchObject({ clientSecret: 'rotated-value-abcdef', clientSecretId: `${ids.clientId}--2`, scopes: ['api/read', 'api/write'] });
  });

  test('Create for a client without a secret fails with the fix', async () => {
    const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: 'public' }));
    const client = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: 'spa' }));
    await expect(handlerFor(cognitoLocal.url)(cfnEvent('Create', props({ userPoolId: pool.UserPool!.Id!, clientId: client.UserPoolClient!.ClientId! })), contextWith(60_000)))
      .rejects.toThrow(`App client ${client.UserPoolClient!.ClientId} in user pool ${pool.UserPool!.Id} has no client secret. Fix: create the client with generateSecret: true`);
    expect(sm.valueAt(SECRET_ARN)).toBeUndefined();
  });
});

describe('client-secret-writer: resources that no longer exist', () => {
  test('Delete succeeds for a client and secret that are already gone, and touches nothing', async () => {
    const ids = await confidentialClient('gone');
    await cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId }));
    sm.remove(SECRET_ARN);
    const result = await handlerFor(cognitoLocal.url)(cfnEvent('Delete', props(ids), { PhysicalResourceId: `client-secret:${SECRET_ARN}` }), contextWith(60_000));
    expect(result).toEqual({ PhysicalResourceId: `client-secret:${SECRET_ARN}` });
    expect(sm.mock.calls()).toHaveLength(0);
  });

  test('Delete succeeds even when the Cognito emulator is unreachable (no call is needed)', async () => {
    const deadPort = await freePort();
    const result = await handlerFor(`http://127.0.0.1:${deadPort}`)(cfnEvent('Delete', props({ userPoolId: 'local_x', clientId: 'c' }), { PhysicalResourceId: 'p' }), contextWith(60_000));
    expect(result.PhysicalResourceId).toBe('p');
  });

  test('Update of a deleted client fails with a readable reason', async () => {
    const ids = await confidentialClient('deleted');
    await cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId }));
    await expect(handlerFor(cognitoLocal.url)(cfnEvent('Update', props(ids), { PhysicalResourceId: 'p' }), contextWith(60_000)))
      .rejects.toThrow(`App client ${ids.clientId} was not found in user pool ${ids.userPoolId}. Fix: check that the client exists and belongs to this pool.`);
  });

  test('Update of a deleted secret fails with a readable reason that does not contain the client secret', async () => {
    const ids = await confidentialClient('nosecret');
    sm.remove(SECRET_ARN);
    const error = await handlerFor(cognitoLocal.url)(cfnEvent('Update', props(ids), { PhysicalResourceId: 'p' }), contextWith(60_000)).catch((e) => e);
    expect(error.message).toBe(`Secret ${SECRET_ARN} was not found. Fix: check that the secret exists and is not scheduled for deletion.`);
    expect(describeOutcome(error)).not.toContain(ids.clientSecret);
  });
});

describe('client-secret-writer: faults', () => {
  test('Cognito emulator down: retries with growing backoff, then fails within the Lambda budget with a clear message', async () => {
    const deadPort = await freePort();
    const { sleep, delays } = recordingSleep();
    const started = Date.now();
    // 10 s margin is kept for reporting, so 2.5 s of the 12.5 s remaining are for retries.
    const error = await handlerFor(`http://127.0.0.1:${deadPort}`, sleep, () => 0.5)(
      cfnEvent('Create', props({ userPoolId: 'local_x', clientId: 'c' })), contextWith(12_500)).catch((e) => e);
    expect(error.message).toMatch(/^DescribeUserPoolClient did not succeed before the Lambda time budget ran out \(gave up after \d+ attempt\(s\) within the time budget; last error: .*ECONNREFUSED.*\)\. Fix: retry the deployment/);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Exponential ceilings 200, 400, 800 ... ms with the injected jitter factor 0.5.
    expect(delays.slice(0, 3)).toEqual([100, 200, 400]);
  });

  test.each([
    ['TooManyRequestsException', 400],
    ['InternalErrorException', 500],
  ])('%s from Cognito is retried with backoff and jitter, then the write succeeds', async (errorType, status) => {
    const ids = await confidentialClient(`fault-${errorType}`);
    const proxy = await startFaultyProxy(cognitoLocal.port);
    try {
      proxy.fail(3, status, errorType);
      const { sleep, delays } = recordingSleep();
      const randoms = [0.9, 0.1, 0.6];
      const result = await handlerFor(proxy.url, sleep, () => randoms.shift() ?? 0)(cfnEvent('Create', props(ids)), contextWith(60_000));
      expect(result.Data?.ClientId).toBe(ids.clientId);
      expect(proxy.seen).toEqual({ failed: 3, forwarded: 1 });
      // Full jitter: each wait is a random share of the exponential ceiling (200, 400, 800 ms).
      expect(delays).toEqual([180, 40, 480]);
      expect(sm.valueAt(SECRET_ARN)).toMatchObject({ clientId: ids.clientId, clientSecret: ids.clientSecret });
    } finally {
      await proxy.stop();
    }
  });

  test('a non-retryable Cognito error is not retried', async () => {
    const ids = await confidentialClient('denied');
    const proxy = await startFaultyProxy(cognitoLocal.port);
    try {
      proxy.fail(5, 400, 'NotAuthorizedException');
      await expect(handlerFor(proxy.url)(cfnEvent('Create', props(ids)), contextWith(60_000)))
        .rejects.toThrow('DescribeUserPoolClient was denied (NotAuthorizedException).');
      expect(proxy.seen.failed).toBe(1);
    } finally {
      await proxy.stop();
    }
  });
});
