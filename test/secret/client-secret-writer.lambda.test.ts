import {
  AddUserPoolClientSecretCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolClientSecretCommand,
  ListUserPoolClientSecretsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateSecretCommand, DeleteSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { captureOutput, describeOutcome } from './support/capture';
import { CognitoStandIn } from './support/cognito-standin';
import { cfnEvent, contextWith, recordingSleep } from './support/events';
import { SecretsManagerStandIn } from './support/secrets-manager-standin';
import { cognitoClient, freePort } from './support/servers';
import { failNextPutSecretValueQuotingIt, StandIns, startStandIns } from './support/stand-ins';
import { makeWriterHandler } from '../../src/secret/client-secret-writer.lambda';

// Every AWS call goes over HTTP to loopback servers through the real SDK clients: Cognito is cognito-local behind the
// client-secret stand-in (support/cognito-standin.ts), Secrets Manager is the stand-in of
// support/secrets-manager-standin.ts. Both follow the API references, not this handler.

let servers: StandIns;
let cognito: CognitoStandIn;
let sm: SecretsManagerStandIn;
let admin: CognitoIdentityProviderClient;
let secretArn: string;

// The handlers log one JSON line per step; keep test output readable (the leak tests capture it on purpose).
beforeEach(() => { jest.spyOn(console, 'log').mockImplementation(() => undefined); });
afterEach(() => { jest.restoreAllMocks(); });

beforeAll(async () => {
  servers = await startStandIns();
  ({ cognito, sm } = servers);
  admin = cognito.client();
});
afterAll(async () => { await servers?.stop(); });
beforeEach(async () => {
  cognito.server.clearFaults();
  sm.server.clearFaults();
  secretArn = (await sm.client().send(new CreateSecretCommand({ Name: `client-${Math.random().toString(36).slice(2)}` }))).ARN!;
});

interface Ids { userPoolId: string; clientId: string; clientSecret: string }

async function confidentialClient(name = 'm2m'): Promise<Ids> {
  const pool = await admin.send(new CreateUserPoolCommand({ PoolName: `pool-${name}` }));
  const client = await admin.send(new CreateUserPoolClientCommand({
    UserPoolId: pool.UserPool!.Id!,
    ClientName: name,
    GenerateSecret: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: ['api/read'],
  }));
  return { userPoolId: pool.UserPool!.Id!, clientId: client.UserPoolClient!.ClientId!, clientSecret: client.UserPoolClient!.ClientSecret! };
}

async function secretIds(ids: Ids): Promise<string[]> {
  const listed = await admin.send(new ListUserPoolClientSecretsCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId }));
  return listed.ClientSecrets!.map((s) => s.ClientSecretId!);
}

function handlerFor(cognitoEndpoint = cognito.url, sleep?: (ms: number) => Promise<void>, random?: () => number) {
  const deps = { cognito: cognitoClient(cognitoEndpoint), secrets: sm.client(), sleep, random };
  return makeWriterHandler(() => deps);
}

function props(ids: { userPoolId: string; clientId: string }) {
  return { UserPoolId: ids.userPoolId, ClientId: ids.clientId, SecretArn: secretArn, TokenEndpoint: 'https://auth.example.com/oauth2/token', Scopes: ['api/read', 'api/write'] };
}

async function addCognitoSecret(ids: Ids): Promise<{ ClientSecretValue: string; ClientSecretId: string }> {
  const added = await admin.send(new AddUserPoolClientSecretCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId }));
  return added.ClientSecretDescriptor as { ClientSecretValue: string; ClientSecretId: string };
}

/** What a rotation leaves behind: a second Cognito secret stored as AWSCURRENT, the original deleted. */
async function rotateByHand(ids: Ids): Promise<{ value: string; id: string }> {
  const added = await addCognitoSecret(ids);
  await sm.client().send(new PutSecretValueCommand({
    SecretId: secretArn,
    SecretString: JSON.stringify({ ...sm.valueAt(secretArn), clientSecret: added.ClientSecretValue, clientSecretId: added.ClientSecretId }),
  }));
  const [original] = await secretIds(ids);
  await admin.send(new DeleteUserPoolClientSecretCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId, ClientSecretId: original }));
  return { value: added.ClientSecretValue!, id: added.ClientSecretId! };
}

describe('client-secret-writer: delivery', () => {
  test('Create writes the credentials JSON with the Cognito secret id, and the secret is in no log line or response', async () => {
    // GIVEN a confidential client
    const ids = await confidentialClient();
    const captured = captureOutput();
    let result;
    try {
      // WHEN CloudFormation creates the resource
      result = await handlerFor()(cfnEvent('Create', props(ids)), contextWith(60_000));
    } finally {
      captured.restore();
    }
    // THEN the secret holds the full JSON document, with the id of the original (and only) Cognito secret
    const [originalId] = await secretIds(ids);
    expect(sm.valueAt(secretArn)).toEqual({
      clientId: ids.clientId,
      clientSecret: ids.clientSecret,
      userPoolId: ids.userPoolId,
      tokenEndpoint: 'https://auth.example.com/oauth2/token',
      scopes: ['api/read', 'api/write'],
      clientSecretId: originalId,
    });
    expect(result.PhysicalResourceId).toBe(`client-secret:${secretArn}`);
    const [versionId] = Object.keys(sm.stagesOf(secretArn));
    expect(result.Data).toEqual({ ClientId: ids.clientId, UserPoolId: ids.userPoolId, SecretArn: secretArn, VersionId: versionId });
    // AND the value appears nowhere the outside world can see
    expect(captured.text()).toContain('"source":"describe"'); // the capture did see the handler's logging
    expect(captured.text()).not.toContain(ids.clientSecret);
    expect(describeOutcome(result)).not.toContain(ids.clientSecret);
  });

  test('the same Create delivered twice writes one version and answers the same', async () => {
    const ids = await confidentialClient('twice');
    const event = cfnEvent('Create', props(ids));
    const handler = handlerFor();
    const first = await handler(event, contextWith(60_000));
    const second = await handler(event, contextWith(60_000));
    expect(second).toEqual(first);
    expect(sm.versionCount(secretArn)).toBe(1);
  });

  test('an Update that changes nothing the secret holds writes no new version (AWSPREVIOUS keeps the real previous value)', async () => {
    const ids = await confidentialClient('same');
    const handler = handlerFor();
    await handler(cfnEvent('Create', props(ids)), contextWith(60_000));
    await handler(cfnEvent('Update', props(ids), { PhysicalResourceId: 'p', OldResourceProperties: props(ids) }), contextWith(60_000));
    expect(sm.versionCount(secretArn)).toBe(1);
  });

  test('client replaced (new id), then rolled back: each Update stores that client\'s own active secret', async () => {
    const before = await confidentialClient('old');
    const handler = handlerFor();
    const created = await handler(cfnEvent('Create', props(before)), contextWith(60_000));
    const rotated = await rotateByHand(before); // the old client was rotated: Cognito no longer shows its secret
    const after = await confidentialClient('new');
    const updated = await handler(cfnEvent('Update', props(after), {
      PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: props(before),
    }), contextWith(60_000));
    // Same physical id: CloudFormation sends no Delete that could clobber the new value.
    expect(updated.PhysicalResourceId).toBe(created.PhysicalResourceId);
    expect(sm.valueAt(secretArn)).toMatchObject({ clientId: after.clientId, clientSecret: after.clientSecret });

    // The rollback is an Update with the old properties: the rotated value comes back from the secret's versions.
    await handler(cfnEvent('Update', props(before), { PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: props(after) }), contextWith(60_000));
    expect(sm.valueAt(secretArn)).toMatchObject({ clientId: before.clientId, clientSecret: rotated.value, clientSecretId: rotated.id });
    expect(await cognito.tokenStatus(before.clientId, String(sm.valueAt(secretArn)!.clientSecret))).toBe(200);
  });

  test('after a rotation, an Update without rotation keeps the stored secret although DescribeUserPoolClient shows none', async () => {
    const ids = await confidentialClient('rotated');
    const handler = handlerFor();
    await handler(cfnEvent('Create', props(ids)), contextWith(60_000));
    const rotated = await rotateByHand(ids);
    await handler(cfnEvent('Update', { ...props(ids), Scopes: ['api/read'] }, { PhysicalResourceId: 'p', OldResourceProperties: props(ids) }), contextWith(60_000));
    expect(sm.valueAt(secretArn)).toMatchObject({ clientSecret: rotated.value, clientSecretId: rotated.id, scopes: ['api/read'] });
  });

  test('a stored value whose Cognito secret was deleted is not reused: the original from DescribeUserPoolClient is', async () => {
    const ids = await confidentialClient('stale');
    const handler = handlerFor();
    await handler(cfnEvent('Create', props(ids)), contextWith(60_000));
    const added = await addCognitoSecret(ids);
    await sm.client().send(new PutSecretValueCommand({
      SecretId: secretArn,
      SecretString: JSON.stringify({ ...sm.valueAt(secretArn), clientSecret: added.ClientSecretValue, clientSecretId: added.ClientSecretId }),
    }));
    await admin.send(new DeleteUserPoolClientSecretCommand({
      UserPoolId: ids.userPoolId, ClientId: ids.clientId, ClientSecretId: added.ClientSecretId,
    }));
    await handler(cfnEvent('Update', props(ids), { PhysicalResourceId: 'p', OldResourceProperties: props(ids) }), contextWith(60_000));
    expect(sm.valueAt(secretArn)).toMatchObject({ clientSecret: ids.clientSecret });
  });

  test('Create for a client without a secret fails with the fix', async () => {
    const pool = await admin.send(new CreateUserPoolCommand({ PoolName: 'public' }));
    const client = await admin.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: 'spa' }));
    await expect(handlerFor()(cfnEvent('Create', props({ userPoolId: pool.UserPool!.Id!, clientId: client.UserPoolClient!.ClientId! })), contextWith(60_000)))
      .rejects.toThrow(`App client ${client.UserPoolClient!.ClientId} in user pool ${pool.UserPool!.Id} has no client secret. Fix: create the client with generateSecret: true`);
    expect(sm.valueAt(secretArn)).toBeUndefined();
  });

  test('a new secret for a client whose original secret was rotated away fails with the reason and the fix, not with "no client secret"', async () => {
    const ids = await confidentialClient('lost');
    await handlerFor()(cfnEvent('Create', props(ids)), contextWith(60_000));
    await rotateByHand(ids);
    secretArn = (await sm.client().send(new CreateSecretCommand({ Name: `replacement-${Math.random().toString(36).slice(2)}` }))).ARN!;
    await expect(handlerFor()(cfnEvent('Create', props(ids)), contextWith(60_000))).rejects.toThrow(
      `None of the 1 active secrets of app client ${ids.clientId} is stored in secret ${secretArn}, and DescribeUserPoolClient no longer returns one`);
  });
});

describe('client-secret-writer: resources that no longer exist', () => {
  test('Delete succeeds for a client and secret that are already gone, and makes no AWS call', async () => {
    const ids = await confidentialClient('gone');
    await admin.send(new DeleteUserPoolClientCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId }));
    const callsBefore = sm.server.calls.length + cognito.server.calls.length;
    const result = await handlerFor()(cfnEvent('Delete', props(ids), { PhysicalResourceId: `client-secret:${secretArn}` }), contextWith(60_000));
    expect(result).toEqual({ PhysicalResourceId: `client-secret:${secretArn}` });
    expect(sm.server.calls.length + cognito.server.calls.length).toBe(callsBefore);
  });

  test('Delete succeeds even when Cognito is unreachable (no call is needed)', async () => {
    const deadPort = await freePort();
    const result = await handlerFor(`http://127.0.0.1:${deadPort}`)(cfnEvent('Delete', props({ userPoolId: 'local_x', clientId: 'c' }), { PhysicalResourceId: 'p' }), contextWith(60_000));
    expect(result.PhysicalResourceId).toBe('p');
  });

  test('Update of a deleted client fails with a readable reason', async () => {
    const ids = await confidentialClient('deleted');
    await admin.send(new DeleteUserPoolClientCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId }));
    await expect(handlerFor()(cfnEvent('Update', props(ids), { PhysicalResourceId: 'p' }), contextWith(60_000)))
      .rejects.toThrow(`App client ${ids.clientId} was not found in user pool ${ids.userPoolId}. Fix: check that the client exists and belongs to this pool.`);
  });

  test('Update of a deleted secret fails with a readable reason that does not contain the client secret', async () => {
    const ids = await confidentialClient('nosecret');
    await sm.client().send(new DeleteSecretCommand({ SecretId: secretArn, ForceDeleteWithoutRecovery: true }));
    const error = await handlerFor()(cfnEvent('Update', props(ids), { PhysicalResourceId: 'p' }), contextWith(60_000)).catch((e) => e);
    expect(error.message).toBe(`Secret ${secretArn} was not found. Fix: check that the secret exists and is not scheduled for deletion.`);
    expect(describeOutcome(error)).not.toContain(ids.clientSecret);
  });
});

describe('client-secret-writer: faults', () => {
  test('Cognito down: retries with growing backoff, then fails within the Lambda budget with a clear message', async () => {
    const deadPort = await freePort();
    const { sleep, delays } = recordingSleep();
    const started = Date.now();
    // 10 s margin is kept for reporting, so 2.5 s of the 12.5 s remaining are for retries.
    const error = await handlerFor(`http://127.0.0.1:${deadPort}`, sleep, () => 0.5)(
      cfnEvent('Create', props({ userPoolId: 'local_x', clientId: 'c' })), contextWith(12_500)).catch((e) => e);
    expect(error.message).toMatch(/^ListUserPoolClientSecrets did not succeed before the Lambda time budget ran out \(gave up after \d+ attempt\(s\) within the time budget; last error: .*ECONNREFUSED.*\)\. Fix: retry/);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Exponential ceilings 200, 400, 800 ... ms with the injected jitter factor 0.5.
    expect(delays.slice(0, 3)).toEqual([100, 200, 400]);
  });

  test.each([
    ['TooManyRequestsException', 400, 'cognito'],
    ['InternalErrorException', 500, 'cognito'],
    ['ThrottlingException', 400, 'secretsmanager'],
    ['InternalServiceError', 500, 'secretsmanager'],
  ])('%s (HTTP %d) on every %s call is retried with backoff and jitter, then the write succeeds', async (errorType, status, service) => {
    const ids = await confidentialClient(`fault-${errorType}`);
    const server = service === 'cognito' ? cognito.server : sm.server;
    const operations = service === 'cognito'
      ? ['ListUserPoolClientSecrets', 'DescribeUserPoolClient']
      : ['ListSecretVersionIds', 'PutSecretValue'];
    for (const operation of operations) server.inject({ operations: [operation], count: 1, type: errorType, status });
    const { sleep, delays } = recordingSleep();
    const result = await handlerFor(cognito.url, sleep, () => 0.5)(cfnEvent('Create', props(ids)), contextWith(60_000));
    expect(result.Data?.ClientId).toBe(ids.clientId);
    expect(server.calls.filter((c) => c.error === errorType).map((c) => c.operation)).toEqual(operations);
    expect(delays).toEqual([100, 100]);
    expect(sm.valueAt(secretArn)).toMatchObject({ clientId: ids.clientId, clientSecret: ids.clientSecret });
  });

  test('a non-retryable Cognito error is not retried', async () => {
    const ids = await confidentialClient('denied');
    cognito.server.inject({ count: 5, type: 'NotAuthorizedException', status: 400 });
    const before = cognito.server.calls.length;
    await expect(handlerFor()(cfnEvent('Create', props(ids)), contextWith(60_000)))
      .rejects.toThrow('ListUserPoolClientSecrets was denied (NotAuthorizedException).');
    expect(cognito.server.calls.length - before).toBe(1);
  });

  test('a service error that echoes the secret back is redacted from the error the handler throws and logs', async () => {
    const ids = await confidentialClient('echo');
    failNextPutSecretValueQuotingIt(sm);
    const captured = captureOutput();
    let error;
    try {
      error = await handlerFor()(cfnEvent('Create', props(ids)), contextWith(60_000)).catch((e) => e);
    } finally {
      captured.restore();
    }
    expect(error.message).toMatch(/^PutSecretValue failed: ValidationException HTTP 400: 1 validation error detected: Value '\{"clientId":".*","clientSecret":"\[REDACTED\]",/);
    expect(describeOutcome(error)).not.toContain(ids.clientSecret);
    expect(captured.text()).not.toContain(ids.clientSecret);
  });
});
