import { CreateUserPoolClientCommand, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CancelRotateSecretCommand, CreateSecretCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { captureOutput, describeOutcome } from './support/capture';
import { CognitoStandIn } from './support/cognito-standin';
import { cfnEvent, contextWith } from './support/events';
import { SecretsManagerStandIn } from './support/secrets-manager-standin';
import { OidcServer } from './support/servers';
import { StandIns, startStandIns } from './support/stand-ins';
import { makeRotationHandler } from '../../src/secret/client-secret-rotation.lambda';
import { makeWriterHandler } from '../../src/secret/client-secret-writer.lambda';
import { OnEventRequest } from '../../src/secret/internal/events';

// The sequences CloudFormation and Secrets Manager really produce, run against the loopback stand-ins (Cognito
// client secrets in front of cognito-local with a token endpoint in front of oidc-provider; Secrets Manager), with the
// real SDK clients and the real handlers. After every step:
//  - AWSCURRENT holds a secret the token endpoint accepts for its client;
//  - the value that was AWSCURRENT before the step still gets a token (a consumer's cache stays good);
//  - no client has more than 2 secrets, and no call was refused with LimitExceededException;
//  - nothing any handler printed, returned or threw contains a secret.

const ROTATION_LAMBDA = 'arn:aws:lambda:us-east-1:111111111111:function:rotate';
const STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'];

let servers: StandIns;
let oidc: OidcServer;
let cognito: CognitoStandIn;
let sm: SecretsManagerStandIn;

beforeAll(async () => {
  servers = await startStandIns();
  ({ oidc, cognito, sm } = servers);
});
afterAll(async () => { await servers?.stop(); });

interface Client { userPoolId: string; clientId: string; clientSecret: string }

test('Create, rotations, updates, rotation off, replacement, rollback, interrupted rotations, faults, Delete: never locked out, never leaked', async () => {
  const admin = cognito.client();
  const pool = (await admin.send(new CreateUserPoolCommand({ PoolName: 'lifecycle' }))).UserPool!.Id!;
  const newClient = async (name: string): Promise<Client> => {
    const c = (await admin.send(new CreateUserPoolClientCommand({
      UserPoolId: pool,
      ClientName: name,
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['api/read'],
    }))).UserPoolClient!;
    return { userPoolId: pool, clientId: c.ClientId!, clientSecret: c.ClientSecret! };
  };
  const secretArn = (await sm.client().send(new CreateSecretCommand({ Name: 'lifecycle' }))).ARN!;
  const props = (c: Client, scopes = ['api/read']) => ({ UserPoolId: c.userPoolId, ClientId: c.clientId, SecretArn: secretArn, TokenEndpoint: cognito.tokenEndpoint, Scopes: scopes });
  const physicalResourceId = `client-secret:${secretArn}`;

  // Everything the handlers emit, and every secret value that ever existed.
  let emitted = '';
  const secrets = new Set<string>();
  const clients: Client[] = [];
  const writer = makeWriterHandler(() => ({ cognito: cognito.client(), secrets: sm.client(), sleep: () => Promise.resolve() }));
  const rotation = (budget = 30_000) => makeRotationHandler(() => ({
    cognito: cognito.client(), secrets: sm.client(), sleep: () => Promise.resolve(), allowLoopbackHttp: true, tokenTestBudgetMs: budget,
  }));
  async function invoke<T>(run: () => Promise<T>): Promise<T> {
    const captured = captureOutput();
    try {
      const result = await run();
      emitted += describeOutcome(result);
      return result;
    } catch (error) {
      emitted += describeOutcome(error);
      throw error;
    } finally {
      emitted += captured.text();
      captured.restore();
    }
  }
  const write = (type: 'Create' | 'Update' | 'Delete', p: Record<string, unknown>, extra: Partial<OnEventRequest> = {}) =>
    invoke(() => writer(cfnEvent(type, p, { PhysicalResourceId: type === 'Create' ? undefined : physicalResourceId, ...extra }), contextWith(60_000)));
  const step = (name: string, token: string, budget?: number) =>
    invoke(() => rotation(budget)({ SecretId: secretArn, ClientRequestToken: token, Step: name }, contextWith(60_000)));
  const startRotation = async () => {
    const started = await sm.client().send(new RotateSecretCommand({ SecretId: secretArn, RotationLambdaARN: ROTATION_LAMBDA }));
    return started.VersionId!;
  };
  const rotate = async () => {
    const token = await startRotation();
    for (const name of STEPS) await step(name, token);
  };

  const current = () => sm.valueAt(secretArn) as { clientId: string; clientSecret: string } | undefined;
  let previous: { clientId: string; clientSecret: string } | undefined;
  const log: string[] = [];
  async function check(after: string): Promise<void> {
    log.push(after);
    for (const c of clients) for (const value of cognito.activeSecrets(c.clientId)) secrets.add(value);
    const now = current()!;
    secrets.add(now.clientSecret);
    const pending = sm.valueAt(secretArn, 'AWSPENDING');
    if (pending) secrets.add(pending.clientSecret);
    const observed = {
      step: after,
      currentGetsToken: await cognito.tokenStatus(now.clientId, now.clientSecret),
      previousGetsToken: previous ? await cognito.tokenStatus(previous.clientId, previous.clientSecret) : 200,
      mostSecretsPerClient: Math.max(...clients.map((c) => cognito.activeSecrets(c.clientId).length)),
      limitExceeded: cognito.server.calls.filter((c) => c.error === 'LimitExceededException').length,
      leaked: [...secrets].filter((s) => emitted.includes(s)).length,
    };
    expect(observed).toEqual({
      step: after, currentGetsToken: 200, previousGetsToken: 200, mostSecretsPerClient: observed.mostSecretsPerClient, limitExceeded: 0, leaked: 0,
    });
    expect(observed.mostSecretsPerClient).toBeLessThanOrEqual(2);
    previous = { clientId: now.clientId, clientSecret: now.clientSecret };
  }

  // Create.
  const first = await newClient('first');
  clients.push(first);
  secrets.add(first.clientSecret);
  await write('Create', props(first));
  await check('Create');

  // Three rotations.
  for (let i = 1; i <= 3; i++) {
    await rotate();
    await check(`rotation ${i}`);
  }
  // The original and the first rotated secret are gone; the last two remain.
  expect(cognito.activeSecrets(first.clientId)).toHaveLength(2);
  expect(await cognito.tokenStatus(first.clientId, first.clientSecret)).toBe(400);

  // A stack update of the same client (other scopes).
  await write('Update', props(first, ['api/read', 'api/write']), { OldResourceProperties: props(first) });
  await check('stack update');

  // Rotation turned off: the schedule goes (Secrets Manager stops rotating) and the writer sees an Update.
  await sm.client().send(new CancelRotateSecretCommand({ SecretId: secretArn }));
  await write('Update', props(first), { OldResourceProperties: { ...props(first, ['api/read', 'api/write']), Rotating: 'true' } });
  await check('rotation turned off');

  // A client replacement (new client id), with rotation on again.
  const second = await newClient('second');
  clients.push(second);
  secrets.add(second.clientSecret);
  await write('Update', props(second), { OldResourceProperties: props(first) });
  await check('client replacement');

  // A rotation of the replacement.
  await rotate();
  await check('rotation of the replacement');

  // The update fails later on: CloudFormation rolls back to the first client.
  await write('Update', props(first), { OldResourceProperties: props(second) });
  expect(current()!.clientId).toBe(first.clientId);
  await check('rollback to the first client');

  // An interrupted rotation, resumed at each of the four steps (Secrets Manager retries the step with the same token).
  const interruptions: Record<string, () => void> = {
    createSecret: () => sm.server.inject({ operations: ['PutSecretValue'], count: 1, type: 'InvalidRequestException', status: 400, message: 'interrupted' }),
    setSecret: () => cognito.server.inject({ operations: ['ListUserPoolClientSecrets'], count: 1, type: 'InvalidParameterException', status: 400, message: 'interrupted' }),
    testSecret: () => { void oidc.injectFaults(503, 10_000, ['/oauth2/token']); },
    finishSecret: () => sm.server.inject({ operations: ['UpdateSecretVersionStage'], count: 1, type: 'InvalidRequestException', status: 400, message: 'interrupted' }),
  };
  for (const interrupted of STEPS) {
    const token = await startRotation();
    for (const name of STEPS) {
      if (name === interrupted) {
        interruptions[name]();
        await new Promise((r) => setTimeout(r, 50)); // the oidc fault is set over HTTP
        await expect(step(name, token, 500)).rejects.toThrow();
        sm.server.clearFaults();
        cognito.server.clearFaults();
        await oidc.injectFaults(503, 0);
        const stillCurrent = previous;
        await check(`${name} interrupted`);
        previous = stillCurrent; // the interrupted rotation has not changed the current value
      }
      await step(name, token);
    }
    await check(`rotation resumed at ${interrupted}`);
  }

  // Throttling and 5xx on every call of a rotation and of a stack update: each call is first throttled, then answered
  // with a 5xx, then served.
  const cognitoOps = ['ListUserPoolClientSecrets', 'AddUserPoolClientSecret', 'DeleteUserPoolClientSecret', 'DescribeUserPoolClient'];
  const smOps = ['DescribeSecret', 'GetSecretValue', 'PutSecretValue', 'UpdateSecretVersionStage', 'ListSecretVersionIds'];
  const withFaults = async (run: () => Promise<unknown>) => {
    for (const operation of cognitoOps) {
      cognito.server.inject({ operations: [operation], count: 1, type: 'TooManyRequestsException', status: 400 });
      cognito.server.inject({ operations: [operation], count: 1, type: 'InternalErrorException', status: 500 });
    }
    for (const operation of smOps) {
      sm.server.inject({ operations: [operation], count: 1, type: 'ThrottlingException', status: 400 });
      sm.server.inject({ operations: [operation], count: 1, type: 'InternalServiceError', status: 500 });
    }
    try {
      await run();
    } finally {
      cognito.server.clearFaults();
      sm.server.clearFaults();
    }
  };
  const callsBefore = { cognito: cognito.server.calls.length, sm: sm.server.calls.length };
  const token = await startRotation();
  for (const name of STEPS) {
    if (name === 'testSecret') await oidc.injectFaults(503, 1, ['/oauth2/token']);
    await withFaults(() => step(name, token));
  }
  await check('rotation with throttling and 5xx on every call');
  await withFaults(() => write('Update', props(first, ['api/write']), { OldResourceProperties: props(first) }));
  await check('stack update with throttling and 5xx on every call');
  const injected = new Set(['TooManyRequestsException', 'InternalErrorException', 'ThrottlingException', 'InternalServiceError']);
  const faulted = [...cognito.server.calls.slice(callsBefore.cognito), ...sm.server.calls.slice(callsBefore.sm)].filter((c) => injected.has(c.error ?? ''));
  // Every operation the handlers used met both faults (DescribeUserPoolClient is not needed once a value is stored).
  const faultsMet = (operations: string[]) =>
    Object.fromEntries(operations.map((o) => [o, [...new Set(faulted.filter((c) => c.operation === o).map((c) => c.error))].sort()]));
  const each = (operations: string[], errors: string[]) => Object.fromEntries(operations.map((o) => [o, errors]));
  const usedCognitoOps = cognitoOps.filter((o) => o !== 'DescribeUserPoolClient');
  expect(faultsMet(usedCognitoOps)).toEqual(each(usedCognitoOps, ['InternalErrorException', 'TooManyRequestsException']));
  expect(faultsMet(smOps)).toEqual(each(smOps, ['InternalServiceError', 'ThrottlingException']));

  // Delete: the writer leaves the value alone (the Secret resource owns it).
  const before = current();
  await write('Delete', props(first));
  expect(current()).toEqual(before);
  await check('Delete');

  expect(log).toHaveLength(20);
  expect(secrets.size).toBeGreaterThan(10);
});
