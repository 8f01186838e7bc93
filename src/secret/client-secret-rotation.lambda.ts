import {
  AddUserPoolClientSecretCommand,
  CognitoIdentityProviderClient,
  DeleteUserPoolClientSecretCommand,
  ListUserPoolClientSecretsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { explainOAuthError, isRetryableHttpError, requestClientCredentialsToken } from './internal/oauth';
import { logEvent, redact } from './internal/redact';
import { errorReason, isRetryableAwsError, lambdaDeadline, RetryOptions, withRetry } from './internal/retry';
import { ClientSecretPayload, parsePayload } from './internal/secret-payload';

/**
 * Secrets Manager rotation function for UserPoolClientSecret: zero-downtime rotation of a Cognito app client
 * secret with the two-active-secrets APIs (AddUserPoolClientSecret / ListUserPoolClientSecrets /
 * DeleteUserPoolClientSecret).
 *
 *  createSecret  add a second Cognito secret and store it as AWSPENDING (the old one keeps working)
 *  setSecret     confirm Cognito still holds the pending secret
 *  testSecret    obtain a client_credentials token with the pending secret
 *  finishSecret  move AWSCURRENT to the pending version, then delete the old Cognito secret
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
}

const CURRENT = 'AWSCURRENT';
const PENDING = 'AWSPENDING';

export function makeRotationHandler(deps: () => RotationDependencies) {
  return async (event: RotationEvent, context?: { getRemainingTimeInMillis?: () => number }): Promise<void> => {
    const { SecretId: secretId, ClientRequestToken: token, Step: step } = event;
    const d = deps();
    const retry: RetryOptions = {
      deadline: lambdaDeadline(context, 5_000),
      isRetryable: isRetryableAwsError,
      sleep: d.sleep,
      random: d.random,
      onRetry: (info) => logEvent('retry', { step, ...info }),
    };
    const aws = <T>(call: () => Promise<T>) => withRetry(call, retry);
    logEvent('rotation-step', { step, secretId, token });

    const described = await aws(() => d.secrets.send(new DescribeSecretCommand({ SecretId: secretId })));
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

    const ctx: StepContext = { d, aws, secretId, token, versions, retry };
    switch (step) {
      case 'createSecret': return createSecret(ctx);
      case 'setSecret': return setSecret(ctx);
      case 'testSecret': return testSecret(ctx);
      case 'finishSecret': return finishSecret(ctx);
      default: throw new Error(`Unknown rotation step ${step}.`);
    }
  };
}

interface StepContext {
  readonly d: RotationDependencies;
  readonly aws: <T>(call: () => Promise<T>) => Promise<T>;
  readonly secretId: string;
  readonly token: string;
  readonly versions: Record<string, string[]>;
  readonly retry: RetryOptions;
}

async function readVersion(ctx: StepContext, stage: string, versionId?: string): Promise<ClientSecretPayload | undefined> {
  try {
    const value = await ctx.aws(() => ctx.d.secrets.send(new GetSecretValueCommand({
      SecretId: ctx.secretId, VersionStage: stage, VersionId: versionId,
    })));
    return parsePayload(value.SecretString, stage);
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

async function listCognitoSecrets(ctx: StepContext, current: ClientSecretPayload) {
  const listed = await ctx.aws(() => ctx.d.cognito.send(new ListUserPoolClientSecretsCommand({
    UserPoolId: current.userPoolId, ClientId: current.clientId,
  })));
  return [...(listed.ClientSecrets ?? [])]
    .filter((s) => s.ClientSecretId)
    .sort((a, b) => (a.ClientSecretCreateDate?.getTime() ?? 0) - (b.ClientSecretCreateDate?.getTime() ?? 0));
}

async function createSecret(ctx: StepContext): Promise<void> {
  if (await readVersion(ctx, PENDING, ctx.token)) {
    logEvent('rotation-step-skipped', { step: 'createSecret', reason: 'pending version already stored' });
    return;
  }
  const current = await readVersion(ctx, CURRENT);
  if (!current) throw new Error(`Secret ${ctx.secretId} has no AWSCURRENT value. Fix: deploy UserPoolClientSecret so that it writes the first value.`);

  const existing = await listCognitoSecrets(ctx, current);
  // Until a first rotation records it, the current secret's Cognito id is unknown; it is the oldest one, because
  // anything newer is a leftover of an interrupted rotation.
  const currentId = current.clientSecretId && existing.some((s) => s.ClientSecretId === current.clientSecretId)
    ? current.clientSecretId
    : existing[0]?.ClientSecretId;
  // A leftover secret was added by an interrupted createSecret whose value was never stored (Cognito shows a
  // generated value only once), so nobody can be using it. Remove it to make room: Cognito allows two.
  for (const leftover of existing.filter((s) => s.ClientSecretId !== currentId)) {
    logEvent('delete-leftover-cognito-secret', { clientId: current.clientId, clientSecretId: leftover.ClientSecretId });
    await deleteCognitoSecret(ctx, current, leftover.ClientSecretId!);
  }

  const added = await ctx.aws(() => ctx.d.cognito.send(new AddUserPoolClientSecretCommand({
    UserPoolId: current.userPoolId, ClientId: current.clientId,
  })));
  const descriptor = added.ClientSecretDescriptor;
  if (!descriptor?.ClientSecretValue || !descriptor.ClientSecretId) {
    throw new Error(`AddUserPoolClientSecret for app client ${current.clientId} returned no generated secret. Fix: retry the rotation.`);
  }
  const pending: ClientSecretPayload = {
    ...current,
    clientSecret: descriptor.ClientSecretValue,
    clientSecretId: descriptor.ClientSecretId,
    previousClientSecretId: currentId,
  };
  await ctx.aws(() => ctx.d.secrets.send(new PutSecretValueCommand({
    SecretId: ctx.secretId, ClientRequestToken: ctx.token, SecretString: JSON.stringify(pending), VersionStages: [PENDING],
  })));
  logEvent('pending-secret-stored', { clientId: current.clientId, clientSecretId: descriptor.ClientSecretId });
}

async function setSecret(ctx: StepContext): Promise<void> {
  // createSecret already registered the value with Cognito; make sure it is still there.
  const pending = await requirePending(ctx);
  const existing = await listCognitoSecrets(ctx, pending);
  if (pending.clientSecretId && !existing.some((s) => s.ClientSecretId === pending.clientSecretId)) {
    throw new Error(`The pending Cognito secret ${pending.clientSecretId} of app client ${pending.clientId} no longer exists. `
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
  // A freshly added Cognito secret can take a moment to be accepted everywhere: retry invalid_client briefly too.
  const result = await withRetry(async () => {
    const answer = await requestClientCredentialsToken({
      tokenEndpoint: endpoint, clientId: pending.clientId, clientSecret: pending.clientSecret, scopes: pending.scopes,
    });
    if (answer.status === 401 || answer.error === 'invalid_client') throw new PendingNotYetAccepted();
    return answer;
  }, {
    ...ctx.retry,
    // Bounded: a secret Cognito rejects for good must not hold the rotation for the Lambda's whole timeout.
    deadline: Math.min(ctx.retry.deadline, Date.now() + 30_000),
    maxAttempts: 8,
    isRetryable: (e) => e instanceof PendingNotYetAccepted || isRetryableHttpError(e),
  }).catch((error) => {
    if (error instanceof Error && /PendingNotYetAccepted/.test(error.message)) return { status: 401, error: 'invalid_client', accessToken: undefined, errorDescription: undefined };
    throw new Error(redact(`The token endpoint could not be reached to test the new secret: ${errorReason(error)}. Fix: check that ${endpoint} is reachable from the rotation Lambda.`, [pending.clientSecret]));
  });
  if (result.status !== 200 || !result.accessToken) {
    throw new Error(redact(`The new secret did not obtain a token, so it was not made current. ${explainOAuthError(result.error, pending)}`, [pending.clientSecret]));
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
    await ctx.aws(() => ctx.d.secrets.send(new UpdateSecretVersionStageCommand({
      SecretId: ctx.secretId, VersionStage: CURRENT, MoveToVersionId: ctx.token, RemoveFromVersionId: currentVersion,
    })));
    logEvent('current-moved', { secretId: ctx.secretId, token: ctx.token });
  }
  // Only now that clients read the new value is the old Cognito secret removed. Re-running this is harmless.
  const now = await readVersion(ctx, CURRENT, ctx.token);
  if (now?.previousClientSecretId && now.previousClientSecretId !== now.clientSecretId) {
    await deleteCognitoSecret(ctx, now, now.previousClientSecretId);
  }
  if (ctx.versions[ctx.token]?.includes(PENDING)) {
    await ctx.aws(() => ctx.d.secrets.send(new UpdateSecretVersionStageCommand({
      SecretId: ctx.secretId, VersionStage: PENDING, RemoveFromVersionId: ctx.token,
    })));
  }
}

async function requirePending(ctx: StepContext): Promise<ClientSecretPayload> {
  const pending = await readVersion(ctx, PENDING, ctx.token);
  if (!pending) throw new Error(`Version ${ctx.token} of secret ${ctx.secretId} has no AWSPENDING value. Fix: start a new rotation.`);
  return pending;
}

async function deleteCognitoSecret(ctx: StepContext, owner: ClientSecretPayload, clientSecretId: string): Promise<void> {
  try {
    await ctx.aws(() => ctx.d.cognito.send(new DeleteUserPoolClientSecretCommand({
      UserPoolId: owner.userPoolId, ClientId: owner.clientId, ClientSecretId: clientSecretId,
    })));
    logEvent('cognito-secret-deleted', { clientId: owner.clientId, clientSecretId });
  } catch (error) {
    // Already gone: an earlier attempt deleted it.
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
  }
}

let defaults: RotationDependencies | undefined;
export const handler = makeRotationHandler(() => {
  defaults ??= { cognito: new CognitoIdentityProviderClient({ maxAttempts: 1 }), secrets: new SecretsManagerClient({ maxAttempts: 1 }) };
  return defaults;
});
