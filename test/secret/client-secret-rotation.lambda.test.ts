import * as http from 'http';
import { AddressInfo } from 'net';
import {
  AddUserPoolClientSecretCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientSecretCommand,
  LimitExceededException,
  ListUserPoolClientSecretsCommand,
  ResourceNotFoundException,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { captureOutput } from './support/capture';
import { cfnEvent, contextWith } from './support/events';
import { FakeSecretsManager } from './support/fake-secrets-manager';
import { cognitoClient, OidcServer, RunningServer, startCognitoLocal, startOidcServer } from './support/servers';
import { makeRotationHandler } from '../../src/secret/client-secret-rotation.lambda';
import { makeWriterHandler } from '../../src/secret/client-secret-writer.lambda';

// Real servers on 127.0.0.1: cognito-local (pool, client and the first secret, written by the writer handler) and
// oidc-provider (the token endpoint that testSecret calls). What no loopback server offers is replaced at the SDK
// boundary with aws-sdk-client-mock: Secrets Manager (support/fake-secrets-manager.ts) and Cognito's client-secret
// rotation APIs (AddUserPoolClientSecret, ListUserPoolClientSecrets, DeleteUserPoolClientSecret), which
// cognito-local 5.3.0 does not implement. A small loopback facade in front of oidc-provider accepts every secret the
// fake Cognito holds, so the token endpoint honours two active secrets the way Cognito does.

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:rotated-AbCdEf';
const SCOPES = ['api/read'];

interface CognitoSecret { id: string; value: string; created: Date }

/** The client-secret APIs, modelled on the SDK types: at most two secrets, values returned only by Add. */
class FakeClientSecrets {
  readonly secrets: CognitoSecret[] = [];
  private clock = 1_800_000_000;
  private readonly failures = new Map<string, Error[]>();
  constructor(readonly clientId: string) {}

  seed(value: string): void { this.secrets.push({ id: `${this.clientId}--${this.clock++}`, value, created: new Date(this.clock * 1000) }); }
  failNext(command: string, ...errors: Error[]): void { this.failures.set(command, errors); }
  private maybeFail(command: string): void {
    const queued = this.failures.get(command);
    if (queued && queued.length > 0) throw queued.shift();
  }
  list() { this.maybeFail('List'); return { ClientSecrets: this.secrets.map((s) => ({ ClientSecretId: s.id, ClientSecretCreateDate: s.created })) }; }
  add() {
    this.maybeFail('Add');
    if (this.secrets.length >= 2) throw new LimitExceededException({ message: 'Client secret limit exceeded', $metadata: { httpStatusCode: 400 } });
    const value = `rotated${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    const secret = { id: `${this.clientId}--${this.clock++}`, value, created: new Date(this.clock * 1000) };
    this.secrets.push(secret);
    return { ClientSecretDescriptor: { ClientSecretId: secret.id, ClientSecretValue: value, ClientSecretCreateDate: secret.created } };
  }
  delete(id: string) {
    this.maybeFail('Delete');
    const i = this.secrets.findIndex((s) => s.id === id);
    if (i < 0) throw new ResourceNotFoundException({ message: 'Client secret not found', $metadata: { httpStatusCode: 400 } });
    this.secrets.splice(i, 1);
    return {};
  }
}

/** Forwards to oidc-provider, translating any secret the fake Cognito holds into the one oidc-provider knows. */
async function startTokenFacade(oidc: OidcServer, clientId: string, canonical: string, active: () => string[]): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    const basic = /^Basic (.+)$/.exec(headers.authorization ?? '');
    if (basic) {
      const [id, secret] = Buffer.from(basic[1], 'base64').toString().split(':').map(decodeURIComponent);
      if (id === clientId && active().includes(secret)) headers.authorization = `Basic ${Buffer.from(`${id}:${canonical}`).toString('base64')}`;
      else headers.authorization = `Basic ${Buffer.from(`${id}:not-an-active-secret`).toString('base64')}`;
    }
    const upstream = http.request({ host: '127.0.0.1', port: oidc.port, path: req.url, method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, stop: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

let cognitoLocal: RunningServer;
let oidc: OidcServer;
let facade: RunningServer;
let sm: FakeSecretsManager;
let fakeSecrets: FakeClientSecrets;
let rotationCognito: CognitoIdentityProviderClient;
let cognitoMock: ReturnType<typeof mockClient>;
let ids: { userPoolId: string; clientId: string; clientSecret: string };

// The handlers log one JSON line per step; keep test output readable (the leak tests capture it on purpose).
beforeEach(() => { jest.spyOn(console, 'log').mockImplementation(() => undefined); });
afterEach(() => { jest.restoreAllMocks(); });

beforeAll(async () => {
  [cognitoLocal, oidc] = await Promise.all([startCognitoLocal(), startOidcServer()]);
});
afterAll(async () => { await Promise.all([cognitoLocal?.stop(), oidc?.stop()]); });

beforeEach(async () => {
  const cognito = cognitoClient(cognitoLocal.url);
  const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: 'rotation' }));
  const client = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: 'm2m', GenerateSecret: true }));
  ids = { userPoolId: pool.UserPool!.Id!, clientId: client.UserPoolClient!.ClientId!, clientSecret: client.UserPoolClient!.ClientSecret! };

  fakeSecrets = new FakeClientSecrets(ids.clientId);
  fakeSecrets.seed(ids.clientSecret);
  const canonical = `canonical-${Math.random().toString(36).slice(2)}`;
  await oidc.upsertClient({ client_id: ids.clientId, client_secret: canonical, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: 'api/read api/write' });
  facade = await startTokenFacade(oidc, ids.clientId, canonical, () => fakeSecrets.secrets.map((s) => s.value));

  sm = new FakeSecretsManager();
  sm.create(SECRET_ARN, true);
  // The first value comes from the real writer handler reading cognito-local.
  await makeWriterHandler(() => ({ cognito, secrets: new SecretsManagerClient({ region: 'us-east-1' }) }))(
    cfnEvent('Create', { UserPoolId: ids.userPoolId, ClientId: ids.clientId, SecretArn: SECRET_ARN, TokenEndpoint: `${facade.url}/oauth2/token`, Scopes: SCOPES }),
    contextWith(60_000));

  rotationCognito = cognitoClient(cognitoLocal.url);
  cognitoMock = mockClient(rotationCognito);
  cognitoMock.on(ListUserPoolClientSecretsCommand).callsFake(() => fakeSecrets.list());
  cognitoMock.on(AddUserPoolClientSecretCommand).callsFake(() => fakeSecrets.add());
  cognitoMock.on(DeleteUserPoolClientSecretCommand).callsFake((input) => fakeSecrets.delete(input.ClientSecretId));
});
afterEach(async () => {
  await oidc.injectFaults(503, 0);
  cognitoMock.restore();
  sm.restore();
  await facade.stop();
});

const rotation = () => makeRotationHandler(() => ({
  cognito: rotationCognito,
  secrets: new SecretsManagerClient({ region: 'us-east-1' }),
  sleep: () => Promise.resolve(),
}));

async function step(name: string, token: string) {
  return rotation()({ SecretId: SECRET_ARN, ClientRequestToken: token, Step: name }, contextWith(60_000));
}

/** The version id Secrets Manager chooses for the rotation. */
const TOKEN = '11111111-2222-3333-4444-555555555555';

async function tokenStatus(secret: string): Promise<number> {
  const res = await fetch(`${facade.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'authorization': `Basic ${Buffer.from(`${ids.clientId}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=api%2Fread',
  });
  return res.status;
}

describe('client-secret-rotation: the four steps', () => {
  test('a full rotation keeps the old secret working until the new one is current, then removes it', async () => {
    const captured = captureOutput();
    let pendingSecret = '';
    try {
      // createSecret: Secrets Manager has created the version id; the handler stores the value under it.
      await startRotation(TOKEN);
      await step('createSecret', TOKEN);
      const pending = sm.valueAt(SECRET_ARN, 'AWSPENDING')!;
      pendingSecret = String(pending.clientSecret);
      expect(pending).toMatchObject({ clientId: ids.clientId, userPoolId: ids.userPoolId, previousClientSecretId: fakeSecrets.secrets[0].id });
      expect(fakeSecrets.secrets).toHaveLength(2);
      // Zero downtime: both secrets obtain tokens while the rotation is in flight.
      expect(await tokenStatus(ids.clientSecret)).toBe(200);
      expect(await tokenStatus(pendingSecret)).toBe(200);

      await step('setSecret', TOKEN);
      await step('testSecret', TOKEN);
      expect(sm.valueAt(SECRET_ARN)).toMatchObject({ clientSecret: ids.clientSecret });

      await step('finishSecret', TOKEN);
    } finally {
      captured.restore();
    }
    expect(sm.valueAt(SECRET_ARN)).toMatchObject({ clientSecret: pendingSecret, clientSecretId: fakeSecrets.secrets[0].id });
    expect(sm.valueAt(SECRET_ARN, 'AWSPREVIOUS')).toMatchObject({ clientSecret: ids.clientSecret });
    expect(sm.versionsOf(SECRET_ARN)[TOKEN]).toEqual(['AWSCURRENT']);
    expect(fakeSecrets.secrets.map((s) => s.value)).toEqual([pendingSecret]);
    expect(await tokenStatus(ids.clientSecret)).toBe(401);
    expect(await tokenStatus(pendingSecret)).toBe(200);
    // Neither the old nor the new secret reached a log line.
    expect(captured.text()).toContain('pending-secret-tested');
    expect(captured.text()).not.toContain(ids.clientSecret);
    expect(captured.text()).not.toContain(pendingSecret);
  });

  test('testSecret refuses a pending secret the token endpoint rejects, and AWSCURRENT stays put', async () => {
    await startRotation(TOKEN);
    await step('createSecret', TOKEN);
    const pendingSecret = String(sm.valueAt(SECRET_ARN, 'AWSPENDING')!.clientSecret);
    // The new Cognito secret disappears out of band.
    fakeSecrets.secrets.pop();
    const error = await step('testSecret', TOKEN).catch((e) => e);
    expect(error.message).toBe(`The new secret did not obtain a token, so it was not made current. The token endpoint rejected the credentials of app client ${ids.clientId} (invalid_client). `
      + 'Fix: make sure the client has a secret (generateSecret: true), that the stored secret is the current one, and that the token endpoint belongs to the same user pool.');
    expect(error.message).not.toContain(pendingSecret);
    expect(sm.valueAt(SECRET_ARN)).toMatchObject({ clientSecret: ids.clientSecret });
    // setSecret notices the same thing.
    await expect(step('setSecret', TOKEN)).rejects.toThrow(/no longer exists\. Fix: cancel this rotation/);
  });

  test('a disabled rotation and an unknown version are refused', async () => {
    sm.secrets.get(SECRET_ARN)!.rotationEnabled = false;
    await expect(step('createSecret', TOKEN)).rejects.toThrow(`Secret ${SECRET_ARN} does not have rotation enabled.`);
    sm.secrets.get(SECRET_ARN)!.rotationEnabled = true;
    await expect(step('createSecret', 'not-a-version')).rejects.toThrow(`Rotation token not-a-version is not a version of secret ${SECRET_ARN}. Fix: start a new rotation.`);
  });
});

describe('client-secret-rotation: interrupted and resumed', () => {
  test('createSecret interrupted after Cognito added the secret but before it was stored: the retry removes the orphan and starts over', async () => {
    await startRotation(TOKEN);
    sm.interruptNext('PutSecretValue');
    await expect(step('createSecret', TOKEN)).rejects.toThrow('Task timed out');
    const orphan = fakeSecrets.secrets[1];
    expect(fakeSecrets.secrets).toHaveLength(2);

    await step('createSecret', TOKEN);
    expect(fakeSecrets.secrets).toHaveLength(2);
    expect(fakeSecrets.secrets.map((s) => s.id)).not.toContain(orphan.id);
    const pending = sm.valueAt(SECRET_ARN, 'AWSPENDING')!;
    expect(pending.clientSecretId).toBe(fakeSecrets.secrets[1].id);
    expect(pending.previousClientSecretId).toBe(fakeSecrets.secrets[0].id);
    await runRemainingSteps(['setSecret', 'testSecret', 'finishSecret']);
    expect(fakeSecrets.secrets.map((s) => s.value)).toEqual([pending.clientSecret]);
  });

  test.each(['createSecret', 'setSecret', 'testSecret'])('%s run twice (retried after success) does nothing new', async (repeated) => {
    await startRotation(TOKEN);
    const steps = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'];
    for (const name of steps) {
      await step(name, TOKEN);
      if (name === repeated) await step(name, TOKEN);
    }
    expect(cognitoMock.commandCalls(AddUserPoolClientSecretCommand)).toHaveLength(1);
    expect(fakeSecrets.secrets).toHaveLength(1);
    expect(sm.valueAt(SECRET_ARN)!.clientSecretId).toBe(fakeSecrets.secrets[0].id);
  });

  test('testSecret interrupted by the token endpoint being down, then resumed', async () => {
    await startRotation(TOKEN);
    await step('createSecret', TOKEN);
    await step('setSecret', TOKEN);
    await oidc.injectFaults(503, 100, ['/oauth2/token']);
    await expect(step('testSecret', TOKEN)).rejects.toThrow(/^The token endpoint could not be reached to test the new secret: gave up after 8 attempt\(s\) within the time budget; last error: TransientHttpError\. Fix: check that http:\/\/127\.0\.0\.1:\d+\/oauth2\/token is reachable/);
    await oidc.injectFaults(503, 0);
    await step('testSecret', TOKEN);
    await step('finishSecret', TOKEN);
    expect(fakeSecrets.secrets).toHaveLength(1);
  });

  test('finishSecret interrupted after AWSCURRENT moved but before the old Cognito secret was deleted, then resumed', async () => {
    await startRotation(TOKEN);
    await runRemainingSteps(['createSecret', 'setSecret', 'testSecret']);
    const pending = sm.valueAt(SECRET_ARN, 'AWSPENDING')!;
    fakeSecrets.failNext('Delete', new Error('Task timed out (simulated interruption)'));
    await expect(step('finishSecret', TOKEN)).rejects.toThrow('Task timed out');
    expect(sm.valueAt(SECRET_ARN)).toMatchObject({ clientSecret: pending.clientSecret });
    expect(fakeSecrets.secrets).toHaveLength(2);

    // Secrets Manager retries finishSecret with the same token, which is now AWSCURRENT.
    await step('finishSecret', TOKEN);
    expect(fakeSecrets.secrets.map((s) => s.value)).toEqual([pending.clientSecret]);
    // And once more: the old secret is already gone, which is fine.
    await step('finishSecret', TOKEN);
    expect(cognitoMock.commandCalls(DeleteUserPoolClientSecretCommand)).toHaveLength(3);
  });

  test('throttled Cognito calls (TooManyRequestsException) are retried and the rotation completes', async () => {
    await startRotation(TOKEN);
    const throttled = () => new TooManyRequestsException({ message: 'Too many requests', $metadata: { httpStatusCode: 400 } });
    fakeSecrets.failNext('Add', throttled(), throttled());
    fakeSecrets.failNext('List', throttled());
    await runRemainingSteps(['createSecret', 'setSecret', 'testSecret', 'finishSecret']);
    expect(cognitoMock.commandCalls(AddUserPoolClientSecretCommand)).toHaveLength(3);
    expect(fakeSecrets.secrets).toHaveLength(1);
    expect(sm.valueAt(SECRET_ARN)!.clientSecretId).toBe(fakeSecrets.secrets[0].id);
  });
});

async function runRemainingSteps(names: string[]) {
  for (const name of names) await step(name, TOKEN);
}

/**
 * Secrets Manager starts a rotation by reserving the version id (ClientRequestToken); DescribeSecret then lists it.
 * The fake lists the reserved id as AWSPENDING; GetSecretValue finds no value for it until createSecret stores one.
 */
async function startRotation(token: string) {
  const describe = sm.describe.bind(sm);
  sm.describe = (input) => {
    const out = describe(input);
    if (!(token in out.VersionIdsToStages)) out.VersionIdsToStages[token] = ['AWSPENDING'];
    return out;
  };
}
