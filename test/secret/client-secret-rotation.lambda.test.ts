import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientSecretCommand,
  ListUserPoolClientSecretsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CancelRotateSecretCommand, CreateSecretCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { captureOutput, describeOutcome } from './support/capture';
import { CognitoStandIn } from './support/cognito-standin';
import { cfnEvent, contextWith } from './support/events';
import { SecretsManagerStandIn } from './support/secrets-manager-standin';
import { OidcServer } from './support/servers';
import { failNextPutSecretValueQuotingIt, StandIns, startStandIns } from './support/stand-ins';
import { makeRotationHandler, RotationDependencies } from '../../src/secret/client-secret-rotation.lambda';
import { makeWriterHandler } from '../../src/secret/client-secret-writer.lambda';

// Every call goes over HTTP to loopback servers through the real SDK clients: Cognito is cognito-local behind the
// client-secret stand-in, whose token endpoint (in front of oidc-provider) accepts exactly the client's active
// secrets; Secrets Manager is its stand-in. RotateSecret opens the AWSPENDING version; the tests then run the four
// steps the way Secrets Manager invokes the function, retrying a failed step with the same token.

const ROTATION_LAMBDA = 'arn:aws:lambda:us-east-1:111111111111:function:rotate';

let servers: StandIns;
let oidc: OidcServer;
let cognito: CognitoStandIn;
let sm: SecretsManagerStandIn;
let secretArn: string;
let ids: { userPoolId: string; clientId: string; clientSecret: string };

// The handlers log one JSON line per step; keep test output readable (the leak tests capture it on purpose).
beforeEach(() => { jest.spyOn(console, 'log').mockImplementation(() => undefined); });
afterEach(() => { jest.restoreAllMocks(); });

beforeAll(async () => {
  servers = await startStandIns();
  ({ oidc, cognito, sm } = servers);
});
afterAll(async () => { await servers?.stop(); });

beforeEach(async () => {
  cognito.server.clearFaults();
  sm.server.clearFaults();
  cognito.echoSecretInTokenErrors(false);
  await oidc.injectFaults(503, 0);
  const admin = cognito.client();
  const pool = await admin.send(new CreateUserPoolCommand({ PoolName: 'rotation' }));
  const client = await admin.send(new CreateUserPoolClientCommand({
    UserPoolId: pool.UserPool!.Id!,
    ClientName: 'm2m',
    GenerateSecret: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: ['api/read'],
  }));
  ids = { userPoolId: pool.UserPool!.Id!, clientId: client.UserPoolClient!.ClientId!, clientSecret: client.UserPoolClient!.ClientSecret! };
  secretArn = (await sm.client().send(new CreateSecretCommand({ Name: `rotated-${Math.random().toString(36).slice(2)}` }))).ARN!;
  // The first value comes from the writer handler, as in a deployment.
  await makeWriterHandler(() => ({ cognito: cognito.client(), secrets: sm.client() }))(
    cfnEvent('Create', { UserPoolId: ids.userPoolId, ClientId: ids.clientId, SecretArn: secretArn, TokenEndpoint: cognito.tokenEndpoint, Scopes: ['api/read'] }),
    contextWith(60_000));
});

function rotation(extra: Partial<RotationDependencies> = {}) {
  return makeRotationHandler(() => ({
    cognito: cognito.client(), secrets: sm.client(), sleep: () => Promise.resolve(), allowLoopbackHttp: true, ...extra,
  }));
}

async function step(name: string, token: string, extra: Partial<RotationDependencies> = {}) {
  return rotation(extra)({ SecretId: secretArn, ClientRequestToken: token, Step: name }, contextWith(60_000));
}

async function startRotation(): Promise<string> {
  return (await sm.client().send(new RotateSecretCommand({ SecretId: secretArn, RotationLambdaARN: ROTATION_LAMBDA }))).VersionId!;
}

async function rotateFully(): Promise<string> {
  const token = await startRotation();
  for (const name of ['createSecret', 'setSecret', 'testSecret', 'finishSecret']) await step(name, token);
  return token;
}

async function cognitoSecretIds(): Promise<string[]> {
  const listed = await cognito.client().send(new ListUserPoolClientSecretsCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId }));
  return listed.ClientSecrets!.map((s) => s.ClientSecretId!);
}

const current = () => sm.valueAt(secretArn)!;
const deleteCognitoSecret = (clientSecretId: string) => cognito.client().send(new DeleteUserPoolClientSecretCommand({
  UserPoolId: ids.userPoolId, ClientId: ids.clientId, ClientSecretId: clientSecretId,
}));
const tokenStatus = (secret: string) => cognito.tokenStatus(ids.clientId, secret);
const addCalls = () => cognito.server.calls.filter((c) => c.operation === 'AddUserPoolClientSecret' && !c.error).length;

describe('client-secret-rotation: alternating secrets', () => {
  test('a rotation makes the new secret current and leaves the previous one valid; nothing secret is logged', async () => {
    const captured = captureOutput();
    let token = '';
    try {
      token = await startRotation();
      await step('createSecret', token);
      const pending = sm.valueAt(secretArn, 'AWSPENDING')!;
      expect(pending).toMatchObject({ clientId: ids.clientId, userPoolId: ids.userPoolId, scopes: ['api/read'] });
      expect(await tokenStatus(ids.clientSecret)).toBe(200);
      expect(await tokenStatus(pending.clientSecret)).toBe(200);
      await step('setSecret', token);
      await step('testSecret', token);
      expect(current()).toMatchObject({ clientSecret: ids.clientSecret });
      await step('finishSecret', token);
    } finally {
      captured.restore();
    }
    const now = current();
    expect(sm.stagesOf(secretArn)[token]).toEqual(['AWSCURRENT']);
    expect(sm.valueAt(secretArn, 'AWSPREVIOUS')).toMatchObject({ clientSecret: ids.clientSecret });
    // Alternating: both secrets stay active until the next rotation.
    expect(cognito.activeSecrets(ids.clientId)).toEqual([ids.clientSecret, now.clientSecret]);
    expect(await tokenStatus(ids.clientSecret)).toBe(200);
    expect(await tokenStatus(now.clientSecret)).toBe(200);
    expect(captured.text()).toContain('pending-secret-tested');
    expect(captured.text()).not.toContain(ids.clientSecret);
    expect(captured.text()).not.toContain(now.clientSecret);
  });

  test('the next rotation removes the oldest secret and keeps the one that was current until now', async () => {
    await rotateFully();
    const first = current().clientSecret;
    await rotateFully();
    const second = current().clientSecret;
    expect(cognito.activeSecrets(ids.clientId)).toEqual([first, second]);
    expect(await tokenStatus(ids.clientSecret)).toBe(400);
    expect(await tokenStatus(first)).toBe(200);
    expect(sm.valueAt(secretArn, 'AWSPREVIOUS')).toMatchObject({ clientSecret: first });
  });

  test('testSecret refuses a pending secret the token endpoint rejects, and AWSCURRENT stays put', async () => {
    const token = await startRotation();
    await step('createSecret', token);
    const pending = sm.valueAt(secretArn, 'AWSPENDING')!;
    // The new Cognito secret disappears out of band.
    await deleteCognitoSecret(pending.clientSecretId);
    const error = await step('testSecret', token, { tokenTestBudgetMs: 300 }).catch((e) => e);
    expect(error.message).toBe(`The new secret did not obtain a token, so it was not made current. The token endpoint rejected the credentials of app client ${ids.clientId} (invalid_client). `
      + 'Fix: make sure the client has a secret (generateSecret: true), that the stored secret is the current one, and that the token endpoint belongs to the same user pool.');
    expect(current()).toMatchObject({ clientSecret: ids.clientSecret });
    await expect(step('setSecret', token)).rejects.toThrow(/no longer exists\. Fix: cancel this rotation/);
  });

  test('a disabled rotation and an unknown version are refused', async () => {
    const addsBefore = addCalls();
    const token = await startRotation();
    await expect(step('createSecret', 'not-a-version-of-this-secret-000000')).rejects.toThrow(
      `Rotation token not-a-version-of-this-secret-000000 is not a version of secret ${secretArn}. Fix: start a new rotation.`);
    await sm.client().send(new CancelRotateSecretCommand({ SecretId: secretArn }));
    await expect(step('createSecret', token)).rejects.toThrow(`Secret ${secretArn} does not have rotation enabled.`);
    expect(addCalls()).toBe(addsBefore);
  });

  test('a rotation that started before a deployment replaced the client does not make the old client current again', async () => {
    const token = await startRotation();
    for (const name of ['createSecret', 'setSecret', 'testSecret']) await step(name, token);
    // Meanwhile a deployment replaces the client: the writer stores the new client's secret as AWSCURRENT.
    const admin = cognito.client();
    const replacement = (await admin.send(new CreateUserPoolClientCommand({
      UserPoolId: ids.userPoolId,
      ClientName: 'replacement',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['api/read'],
    }))).UserPoolClient!;
    await makeWriterHandler(() => ({ cognito: cognito.client(), secrets: sm.client() }))(cfnEvent('Update', {
      UserPoolId: ids.userPoolId, ClientId: replacement.ClientId, SecretArn: secretArn, TokenEndpoint: cognito.tokenEndpoint, Scopes: ['api/read'],
    }, { PhysicalResourceId: `client-secret:${secretArn}` }), contextWith(60_000));
    await expect(step('finishSecret', token)).rejects.toThrow(
      `Secret ${secretArn} now holds app client ${replacement.ClientId}, but this rotation was started for app client ${ids.clientId}, so its secret is not made current.`);
    expect(current()).toMatchObject({ clientId: replacement.ClientId, clientSecret: replacement.ClientSecret });
  });

  test('an http: token endpoint is refused unless loopback http is allowed explicitly', async () => {
    const token = await startRotation();
    await step('createSecret', token);
    await step('setSecret', token);
    await expect(step('testSecret', token, { allowLoopbackHttp: false })).rejects.toThrow(
      `The token endpoint ${cognito.tokenEndpoint} does not use https:, so it is refused.`);
  });

  test('the current value must be an active Cognito secret, or createSecret refuses to touch Cognito', async () => {
    await rotateFully();
    await rotateFully();
    // Someone deletes the current secret by hand.
    await deleteCognitoSecret(current().clientSecretId);
    const before = cognito.activeSecrets(ids.clientId);
    const token = await startRotation();
    await expect(step('createSecret', token)).rejects.toThrow(`The AWSCURRENT value of secret ${secretArn} is not an active secret of app client ${ids.clientId}`);
    expect(cognito.activeSecrets(ids.clientId)).toEqual(before);
  });
});

describe('client-secret-rotation: interrupted and resumed', () => {
  // A step "interrupted" fails once with an error the handler does not retry (as a Lambda timeout would end it);
  // Secrets Manager then invokes the same step again with the same token.
  const interrupt = (server: SecretsManagerStandIn['server'], operation: string) =>
    server.inject({ operations: [operation], count: 1, type: 'InvalidRequestException', status: 400, message: 'simulated interruption' });

  test('createSecret interrupted after Cognito added the secret but before it was stored: the retry replaces the orphan', async () => {
    await rotateFully(); // two secrets now: the retry must delete the right one
    const previous = sm.valueAt(secretArn, 'AWSPREVIOUS')!.clientSecret;
    const currentSecret = current().clientSecret;
    const token = await startRotation();
    interrupt(sm.server, 'PutSecretValue');
    await expect(step('createSecret', token)).rejects.toThrow('PutSecretValue failed: InvalidRequestException HTTP 400: simulated interruption.');
    expect(cognito.activeSecrets(ids.clientId)).toHaveLength(2);
    expect(cognito.activeSecrets(ids.clientId)).toContain(currentSecret);
    expect(cognito.activeSecrets(ids.clientId)).not.toContain(previous);

    await step('createSecret', token);
    const pending = sm.valueAt(secretArn, 'AWSPENDING')!;
    expect(cognito.activeSecrets(ids.clientId)).toEqual([currentSecret, pending.clientSecret]);
    for (const name of ['setSecret', 'testSecret', 'finishSecret']) await step(name, token);
    expect(current().clientSecret).toBe(pending.clientSecret);
  });

  test.each(['createSecret', 'setSecret', 'testSecret', 'finishSecret'])('%s run twice (retried after success) does nothing new', async (repeated) => {
    const addsBefore = addCalls();
    const token = await startRotation();
    for (const name of ['createSecret', 'setSecret', 'testSecret', 'finishSecret']) {
      await step(name, token);
      if (name === repeated) await step(name, token);
    }
    expect(addCalls() - addsBefore).toBe(1);
    expect(await cognitoSecretIds()).toHaveLength(2);
    expect(current().clientSecretId).toBe((await cognitoSecretIds())[1]);
  });

  test('testSecret with the token endpoint down gives up within its budget, and the resumed step completes', async () => {
    const token = await startRotation();
    await step('createSecret', token);
    await step('setSecret', token);
    await oidc.injectFaults(503, 1000, ['/oauth2/token']);
    const started = Date.now();
    const error = await step('testSecret', token, { tokenTestBudgetMs: 1_500, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }).catch((e) => e);
    const elapsed = Date.now() - started;
    expect(error.message).toMatch(/^The token endpoint could not be reached to test the new secret: gave up after \d+ attempt\(s\) within the time budget; last error: TransientHttpError\. Fix: check that http:\/\/127\.0\.0\.1:\d+\/oauth2\/token is reachable/);
    expect(elapsed).toBeLessThan(1_500 + 1_000);
    await oidc.injectFaults(503, 0);
    await step('testSecret', token);
    await step('finishSecret', token);
    expect(sm.stagesOf(secretArn)[token]).toEqual(['AWSCURRENT']);
  });

  test('finishSecret interrupted before AWSCURRENT moved, then resumed', async () => {
    const token = await startRotation();
    for (const name of ['createSecret', 'setSecret', 'testSecret']) await step(name, token);
    const pending = sm.valueAt(secretArn, 'AWSPENDING')!;
    interrupt(sm.server, 'UpdateSecretVersionStage');
    await expect(step('finishSecret', token)).rejects.toThrow('UpdateSecretVersionStage failed: InvalidRequestException');
    expect(current().clientSecret).toBe(ids.clientSecret);
    await step('finishSecret', token);
    expect(current().clientSecret).toBe(pending.clientSecret);
  });

  test('throttled Cognito calls (TooManyRequestsException) are retried and the rotation completes', async () => {
    const token = await startRotation();
    cognito.server.inject({ operations: ['AddUserPoolClientSecret'], count: 2, type: 'TooManyRequestsException', status: 400 });
    cognito.server.inject({ operations: ['ListUserPoolClientSecrets'], count: 1, type: 'TooManyRequestsException', status: 400 });
    for (const name of ['createSecret', 'setSecret', 'testSecret', 'finishSecret']) await step(name, token);
    expect(cognito.server.calls.filter((c) => c.error === 'TooManyRequestsException').map((c) => c.operation).sort())
      .toEqual(['AddUserPoolClientSecret', 'AddUserPoolClientSecret', 'ListUserPoolClientSecrets']);
    expect(current().clientSecretId).toBe((await cognitoSecretIds())[1]);
  });
});

describe('client-secret-rotation: redaction', () => {
  test('a token endpoint that quotes the presented secret in error_description: the quote reaches the error redacted', async () => {
    const token = await startRotation();
    await step('createSecret', token);
    const pending = sm.valueAt(secretArn, 'AWSPENDING')!;
    await deleteCognitoSecret(pending.clientSecretId);
    cognito.echoSecretInTokenErrors(true);
    const captured = captureOutput();
    let error;
    try {
      error = await step('testSecret', token, { tokenTestBudgetMs: 300 }).catch((e) => e);
    } finally {
      captured.restore();
    }
    expect(error.message).toContain(`The token endpoint said: "client authentication failed for ${ids.clientId}:[REDACTED]".`);
    expect(describeOutcome(error)).not.toContain(pending.clientSecret);
    expect(captured.text()).not.toContain(pending.clientSecret);
  });

  test('a Secrets Manager error that quotes the stored document: the new secret is redacted from the error', async () => {
    const token = await startRotation();
    failNextPutSecretValueQuotingIt(sm);
    const error = await step('createSecret', token).catch((e) => e);
    expect(error.message).toMatch(/^PutSecretValue failed: ValidationException HTTP 400: .*"clientSecret":"\[REDACTED\]"/);
    for (const secret of cognito.activeSecrets(ids.clientId)) expect(describeOutcome(error)).not.toContain(secret);
  });
});
