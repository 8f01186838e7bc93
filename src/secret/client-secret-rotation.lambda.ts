import {
  AddUserPoolClientSecretCommand,
  CognitoIdentityProviderClient,
  DeleteUserPoolClientSecretCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientSecretsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { awsCall, awsErrorName } from './internal/aws-call';
import { explainOAuthError, isRetryableHttpError, requestClientCredentialsToken, requireHttps, TokenResult } from './internal/oauth';
import { logEvent, redact } from './internal/redact';
import { errorDetail, isRetryableAwsError, lambdaDeadline, RetryBudgetExceededError, RetryOptions, withRetry } from './internal/retry';
import { ClientSecretPayload, parsePayload } from './internal/secret-payload';

/**
 * Secrets Manager rotation function for UserPoolClientSecret: rotation of a Cognito app client secret with the
 * two-active-secrets APIs (AddUserPoolClientSecret / ListUserPoolClientSecrets / DeleteUserPoolClientSecret), following
 * Secrets Manager's alternating strategy: the secret that was current stays valid until the *next* rotation, so a
 * consumer that cached it (the caching clients, the Lambda extension, a `{{resolve:secretsmanager:...}}` resolved at
 * deploy) keeps working for a full rotation period.
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotation-strategy.html
 *
 *  createSecret  remove the client's other secret (the one that was current before the last rotation, or a leftover
 *                of an interrupted createSecret), add a new one and store it as AWSPENDING; the current one keeps working
 *  setSecret     confirm Cognito still holds the pending secret
 *  testSecret    obtain a client_credentials token with the pending secret
 *  finishSecret  move AWSCURRENT to the pending version (Secrets Manager gives the old one AWSPREVIOUS); no Cognito
 *                secret is deleted here
 *
 * Every step reads the state first, so a retried or interrupted rotation continues where it stopped.
 */
export interface RotationEvent {
  readonly SecretId: string;
  readonly ClientRequestToken: string;
  readonly Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret' | string;
}

export interface RotationDependencies {
  readonly cognito: CognitoIdentityProviderClient;
  readonly secrets: SecretsManagerClient;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /**
   * How long testSecret keeps asking the token endpoint (a new secret can take a moment to be accepted everywhere).
   * @default 30 seconds
   */
  readonly tokenTestBudgetMs?: number;
  /** Accept an http: token endpoint on a loopback host. Only tests set this. @default false */
  readonly allowLoopbackHttp?: boolean;
}

const CURRENT = 'AWSCURRENT';
const PENDING = 'AWSPENDING';
const TOKEN_TEST_BUDGET_MS = 30_000;

export function makeRotationHandler(deps: () => RotationDependencies) {
  return async (event: RotationEvent, context?: { getRemainingTimeInMillis?: () => number }): Promise<void> => {
    // Every secret value this invocation sees: an error text that quotes a service's message is redacted with them.
    const seen: string[] = [];
    try {
      await rotate(event, deps(), context, seen);
    } catch (error) {
      throw new Error(redact(error instanceof Error ? error.message : String(error), seen));
    }
  };
}

async function rotate(
  event: RotationEvent, d: RotationDependencies, context: { getRemainingTimeInMillis?: () => number } | undefined, seen: string[],
): Promise<void> {
  const { SecretId: secretId, ClientRequestToken: token, Step: step } = event;
  const retry: RetryOptions = {
    deadline: lambdaDeadline(context, 5_000),
    isRetryable: isRetryableAwsError,
    sleep: d.sleep,
    random: d.random,
    onRetry: (info) => logEvent('retry', { step, ...info }),
  };
  logEvent('rotation-step', { step, secretId, token });

  const described = await awsCall('DescribeSecret', () => d.secrets.send(new DescribeSecretCommand({ SecretId: secretId })), retry);
  if (described.RotationEnabled === false) {
    throw new Error(`Secret ${secretId} does not have rotation enabled. Fix: enable rotation through UserPoolClientSecret's rotation option.`);
  }
  const versions = described.VersionIdsToStages ?? {};
  const stages = versions[token];
  if (!stages) {
    throw new Error(`Rotation token ${token} is not a version of secret ${secretId}. Fix: start a new rotation.`);
  }
  if (stages.includes(CURRENT) && step !== 'finishSecret') {
    // Already finished by an earlier attempt of this rotation.
    logEvent('rotation-step-skipped', { step, reason: 'version is already AWSCURRENT' });
    return;
  }
  if (!stages.includes(PENDING) && !stages.includes(CURRENT)) {
    throw new Error(`Version ${token} of secret ${secretId} is not AWSPENDING. Fix: start a new rotation.`);
  }

  const ctx: StepContext = { d, retry, secretId, token, versions, seen };
  switch (step) {
    case 'createSecret': return createSecret(ctx);
    case 'setSecret': return setSecret(ctx);
    case 'testSecret': return testSecret(ctx);
    case 'finishSecret': return finishSecret(ctx);
    default: throw new Error(`Unknown rotation step ${step}.`);
  }
}

interface StepContext {
  readonly d: RotationDependencies;
  readonly retry: RetryOptions;
  readonly secretId: string;
  readonly token: string;
  readonly versions: Record<string, string[]>;
  readonly seen: string[];
}

async function readVersion(ctx: StepContext, stage: string, versionId?: string): Promise<ClientSecretPayload | undefined> {
  let text: string | undefined;
  try {
    text = (await awsCall('GetSecretValue', () => ctx.d.secrets.send(new GetSecretValueCommand({
      SecretId: ctx.secretId, VersionStage: stage, VersionId: versionId,
    })), ctx.retry)).SecretString;
  } catch (error) {
    if (awsErrorName(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
  const payload = parsePayload(text, stage);
  ctx.seen.push(payload.clientSecret);
  return payload;
}

/** The client's Cognito secrets, oldest first. */
async function listCognitoSecrets(ctx: StepContext, owner: ClientSecretPayload): Promise<string[]> {
  const found: Array<{ id: string; created: number }> = [];
  let nextToken: string | undefined;
  do {
    const page = await awsCall('ListUserPoolClientSecrets', () => ctx.d.cognito.send(new ListUserPoolClientSecretsCommand({
      UserPoolId: owner.userPoolId, ClientId: owner.clientId, NextToken: nextToken,
    })), ctx.retry);
    for (const s of page.ClientSecrets ?? []) {
      if (s.ClientSecretId) found.push({ id: s.ClientSecretId, created: s.ClientSecretCreateDate?.getTime() ?? 0 });
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return found.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id)).map((s) => s.id);
}

/**
 * The Cognito id of the AWSCURRENT value. The writer records it; a value stored without one (by an older version of
 * the writer) is the client's original secret if DescribeUserPoolClient still returns that value.
 */
async function currentSecretId(ctx: StepContext, current: ClientSecretPayload, listed: string[]): Promise<string> {
  if (current.clientSecretId && listed.includes(current.clientSecretId)) return current.clientSecretId;
  if (!current.clientSecretId) {
    const described = await awsCall('DescribeUserPoolClient', () => ctx.d.cognito.send(new DescribeUserPoolClientCommand({
      UserPoolId: current.userPoolId, ClientId: current.clientId,
    })), ctx.retry);
    const original = described.UserPoolClient?.ClientSecret;
    if (original) ctx.seen.push(original);
    // The original secret is the oldest: every other one was added after it.
    if (original && original === current.clientSecret && listed.length > 0) return listed[0];
  }
  throw new Error(`The AWSCURRENT value of secret ${ctx.secretId} is not an active secret of app client ${current.clientId}, so rotating it `
    + 'could remove the secret consumers use. Fix: deploy the stack again (the writer stores an active secret), then rotate.');
}

async function createSecret(ctx: StepContext): Promise<void> {
  if (await readVersion(ctx, PENDING, ctx.token)) {
    logEvent('rotation-step-skipped', { step: 'createSecret', reason: 'pending version already stored' });
    return;
  }
  const current = await readVersion(ctx, CURRENT);
  if (!current) throw new Error(`Secret ${ctx.secretId} has no AWSCURRENT value. Fix: deploy UserPoolClientSecret so that it writes the first value.`);

  const listed = await listCognitoSecrets(ctx, current);
  const currentId = await currentSecretId(ctx, current, listed);
  // Cognito allows two secrets. The other one is the secret that was current until the last rotation (it has had a
  // full rotation period since), or a leftover of an interrupted createSecret whose value was never stored (Cognito
  // shows a generated value only once, so nobody can be using it). It makes room for the new one.
  if (listed.length >= 2) {
    for (const other of listed.filter((id) => id !== currentId)) {
      await deleteCognitoSecret(ctx, current, other);
    }
  }

  const added = await awsCall('AddUserPoolClientSecret', () => ctx.d.cognito.send(new AddUserPoolClientSecretCommand({
    UserPoolId: current.userPoolId, ClientId: current.clientId,
  })), ctx.retry);
  const descriptor = added.ClientSecretDescriptor;
  if (descriptor?.ClientSecretValue) ctx.seen.push(descriptor.ClientSecretValue);
  if (!descriptor?.ClientSecretValue || !descriptor.ClientSecretId) {
    throw new Error(`AddUserPoolClientSecret for app client ${current.clientId} returned no generated secret. Fix: retry the rotation.`);
  }
  const pending: ClientSecretPayload = {
    clientId: current.clientId,
    clientSecret: descriptor.ClientSecretValue,
    userPoolId: current.userPoolId,
    tokenEndpoint: current.tokenEndpoint,
    scopes: current.scopes,
    clientSecretId: descriptor.ClientSecretId,
  };
  await awsCall('PutSecretValue', () => ctx.d.secrets.send(new PutSecretValueCommand({
    SecretId: ctx.secretId, ClientRequestToken: ctx.token, SecretString: JSON.stringify(pending), VersionStages: [PENDING],
  })), ctx.retry);
  logEvent('pending-secret-stored', { clientId: current.clientId, clientSecretId: descriptor.ClientSecretId });
}

async function setSecret(ctx: StepContext): Promise<void> {
  // createSecret already registered the value with Cognito; make sure it is still there.
  const pending = await requirePending(ctx);
  const listed = await listCognitoSecrets(ctx, pending);
  if (!pending.clientSecretId || !listed.includes(pending.clientSecretId)) {
    throw new Error(`The pending Cognito secret ${pending.clientSecretId ?? '(no id)'} of app client ${pending.clientId} no longer exists. `
      + 'Fix: cancel this rotation (remove AWSPENDING from the version) and rotate again.');
  }
}

async function testSecret(ctx: StepContext): Promise<void> {
  const pending = await requirePending(ctx);
  if (!pending.tokenEndpoint) {
    throw new Error(`The secret of app client ${pending.clientId} has no tokenEndpoint, so the new secret cannot be tested. `
      + 'Fix: set tokenEndpoint on UserPoolClientSecret (rotation requires it).');
  }
  const endpoint = pending.tokenEndpoint;
  requireHttps(endpoint, 'The token endpoint', ctx.d.allowLoopbackHttp);
  // A freshly added Cognito secret can take a moment to be accepted everywhere, so invalid_client is retried too.
  // The whole test is bounded by this budget: each request's own timeout is cut to the time left.
  const deadline = Math.min(ctx.retry.deadline, Date.now() + (ctx.d.tokenTestBudgetMs ?? TOKEN_TEST_BUDGET_MS));
  let rejected: TokenResult | undefined;
  let result: TokenResult;
  try {
    result = await withRetry(async () => {
      const answer = await requestClientCredentialsToken({
        tokenEndpoint: endpoint,
        clientId: pending.clientId,
        clientSecret: pending.clientSecret,
        scopes: pending.scopes,
        timeoutMs: Math.max(1, Math.min(10_000, deadline - Date.now())),
      });
      if (answer.status === 401 || answer.error === 'invalid_client') {
        rejected = answer;
        throw new PendingNotYetAccepted();
      }
      return answer;
    }, {
      ...ctx.retry,
      deadline,
      isRetryable: (e) => e instanceof PendingNotYetAccepted || isRetryableHttpError(e),
    });
  } catch (error) {
    if (!(error instanceof RetryBudgetExceededError) || !rejected || !/PendingNotYetAccepted/.test(error.lastReason)) {
      throw new Error(`The token endpoint could not be reached to test the new secret: ${errorDetail(error)}. Fix: check that ${endpoint} is reachable from the rotation Lambda.`);
    }
    result = rejected;
  }
  if (result.status !== 200 || !result.accessToken) {
    throw new Error(`The new secret did not obtain a token, so it was not made current. ${explainOAuthError(result.error, pending, result.errorDescription)}`);
  }
  logEvent('pending-secret-tested', { clientId: pending.clientId, clientSecretId: pending.clientSecretId });
}

class PendingNotYetAccepted extends Error {
  constructor() {
    super('PendingNotYetAccepted');
    this.name = 'PendingNotYetAccepted';
  }
}

async function finishSecret(ctx: StepContext): Promise<void> {
  const currentVersion = Object.entries(ctx.versions).find(([, s]) => s.includes(CURRENT))?.[0];
  if (currentVersion !== ctx.token) {
    // A deployment may have replaced the client while this rotation ran: the writer then stored the new client's
    // secret as AWSCURRENT, and making the old client's pending secret current would undo that.
    const [pending, current] = [await requirePending(ctx), await readVersion(ctx, CURRENT)];
    if (current && (current.clientId !== pending.clientId || current.userPoolId !== pending.userPoolId)) {
      throw new Error(`Secret ${ctx.secretId} now holds app client ${current.clientId}, but this rotation was started for app client ${pending.clientId}, `
        + 'so its secret is not made current. Fix: nothing to repair; the next scheduled rotation (or rotate-secret) rotates the new client.');
    }
    await awsCall('UpdateSecretVersionStage', () => ctx.d.secrets.send(new UpdateSecretVersionStageCommand({
      SecretId: ctx.secretId, VersionStage: CURRENT, MoveToVersionId: ctx.token, RemoveFromVersionId: currentVersion,
    })), ctx.retry);
    logEvent('current-moved', { secretId: ctx.secretId, token: ctx.token });
  }
  // The previous Cognito secret stays: consumers may hold it until the next rotation's createSecret removes it.
  if (ctx.versions[ctx.token]?.includes(PENDING)) {
    await awsCall('UpdateSecretVersionStage', () => ctx.d.secrets.send(new UpdateSecretVersionStageCommand({
      SecretId: ctx.secretId, VersionStage: PENDING, RemoveFromVersionId: ctx.token,
    })), ctx.retry);
  }
}

async function requirePending(ctx: StepContext): Promise<ClientSecretPayload> {
  const pending = await readVersion(ctx, PENDING, ctx.token);
  if (!pending) throw new Error(`Version ${ctx.token} of secret ${ctx.secretId} has no AWSPENDING value. Fix: start a new rotation.`);
  return pending;
}

async function deleteCognitoSecret(ctx: StepContext, owner: ClientSecretPayload, clientSecretId: string): Promise<void> {
  try {
    await awsCall('DeleteUserPoolClientSecret', () => ctx.d.cognito.send(new DeleteUserPoolClientSecretCommand({
      UserPoolId: owner.userPoolId, ClientId: owner.clientId, ClientSecretId: clientSecretId,
    })), ctx.retry);
    logEvent('cognito-secret-deleted', { clientId: owner.clientId, clientSecretId });
  } catch (error) {
    // Already gone: an earlier attempt deleted it.
    if (awsErrorName(error) !== 'ResourceNotFoundException') throw error;
  }
}

let defaults: RotationDependencies | undefined;
export const handler = makeRotationHandler(() => {
  defaults ??= { cognito: new CognitoIdentityProviderClient({ maxAttempts: 1 }), secrets: new SecretsManagerClient({ maxAttempts: 1 }) };
  return defaults;
});
