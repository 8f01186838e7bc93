import { createHash } from 'crypto';
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  ListUserPoolClientSecretsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  SecretVersionsListEntry,
} from '@aws-sdk/client-secrets-manager';
import { AwsCallError, awsCall, awsErrorName } from './internal/aws-call';
import { LambdaContextLike, OnEventRequest, OnEventResponse, optionalString, requiredString, stringList } from './internal/events';
import { logEvent, redact } from './internal/redact';
import { isRetryableAwsError, lambdaDeadline, RetryOptions } from './internal/retry';
import { ClientSecretPayload, parsePayload } from './internal/secret-payload';

/**
 * onEvent handler of UserPoolClientSecret (custom_resources.Provider framework).
 *
 * Create/Update (a rollback is an Update with the old properties): writes
 * {clientId, clientSecret, userPoolId, tokenEndpoint, scopes, clientSecretId} into the Secrets Manager secret, choosing
 * the client secret so that no sequence of updates, rollbacks and rotations can leave the stack without a valid one:
 *  1. a value already stored in the secret (AWSCURRENT first, then the newest version) that belongs to the same
 *     client and is still one of its active Cognito secrets (ListUserPoolClientSecrets). After a rotation this is the
 *     only place the value exists: Cognito shows a secret's value once, when it is generated;
 *  2. otherwise the client's original secret from DescribeUserPoolClient, which Cognito returns only while that
 *     original secret exists.
 * When the chosen document is already AWSCURRENT nothing is written.
 * Delete: nothing to undo. The secret's lifecycle belongs to the AWS::SecretsManager::Secret resource, and wiping
 * it here would clobber the value a replacement resource has just written.
 *
 * The secret never appears in the response Data, in a log line or in an error message.
 */
export interface WriterDependencies {
  readonly cognito: CognitoIdentityProviderClient;
  readonly secrets: SecretsManagerClient;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** How many stored versions (newest first) are searched for a value of the client. */
const MAX_VERSIONS_SEARCHED = 20;

export function makeWriterHandler(deps: () => WriterDependencies) {
  return async (event: OnEventRequest, context?: LambdaContextLike): Promise<OnEventResponse> => {
    const props = event.ResourceProperties;
    const secretArn = requiredString(props, 'SecretArn');
    // Stable across client replacement: a new client id is an Update of the same secret, not a new resource.
    const physicalResourceId = event.PhysicalResourceId ?? `client-secret:${secretArn}`;
    logEvent('request', { requestType: event.RequestType, logicalResourceId: event.LogicalResourceId, physicalResourceId });
    if (event.RequestType === 'Delete') {
      return { PhysicalResourceId: physicalResourceId };
    }

    // Every secret value this invocation sees: an error text that quotes a service's message is redacted with them.
    const seen: string[] = [];
    try {
      return await write(event, physicalResourceId, deps(), context, seen);
    } catch (error) {
      throw new Error(redact(error instanceof Error ? error.message : String(error), seen));
    }
  };
}

async function write(
  event: OnEventRequest, physicalResourceId: string, d: WriterDependencies, context: LambdaContextLike | undefined, seen: string[],
): Promise<OnEventResponse> {
  const props = event.ResourceProperties;
  const secretArn = requiredString(props, 'SecretArn');
  const userPoolId = requiredString(props, 'UserPoolId');
  const clientId = requiredString(props, 'ClientId');
  const retry: RetryOptions = {
    deadline: lambdaDeadline(context),
    isRetryable: isRetryableAwsError,
    sleep: d.sleep,
    random: d.random,
    onRetry: (info) => logEvent('retry', info),
  };

  const active = await activeSecretIds(d, retry, userPoolId, clientId);
  const stored = await storedVersions(d, retry, secretArn);
  const current = stored.find((v) => v.stages.includes('AWSCURRENT'));
  const readValue = async (versionId: string): Promise<ClientSecretPayload | undefined> => {
    const text = await readVersion(d, retry, secretArn, versionId);
    if (text === undefined) return undefined;
    try {
      const payload = parsePayload(text, 'stored');
      seen.push(payload.clientSecret);
      return payload;
    } catch {
      return undefined; // not a document this library wrote: ignore it
    }
  };
  const sameClient = (p: ClientSecretPayload | undefined): p is ClientSecretPayload => p?.clientId === clientId && p.userPoolId === userPoolId;

  let chosen: { clientSecret: string; clientSecretId: string; source: string } | undefined;
  const currentValue = current ? await readValue(current.versionId) : undefined;
  for (const version of stored) {
    const payload = version === current ? currentValue : await readValue(version.versionId);
    if (!sameClient(payload)) continue;
    if (payload.clientSecretId && active.includes(payload.clientSecretId)) {
      chosen = { clientSecret: payload.clientSecret, clientSecretId: payload.clientSecretId, source: version === current ? 'stored-current' : 'stored-version' };
      break;
    }
  }

  if (!chosen) {
    const described = await awsCall('DescribeUserPoolClient',
      () => d.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId })), retry)
      .catch((error) => { throw explainClientLookup(error, userPoolId, clientId); });
    const original = described.UserPoolClient?.ClientSecret;
    if (original) {
      seen.push(original);
      // Cognito returns the value only while the original secret exists, and every other secret was added after it.
      chosen = { clientSecret: original, clientSecretId: active[0], source: 'describe' };
    }
  }
  if (!chosen || !chosen.clientSecretId) {
    if (active.length === 0) {
      throw new Error(`App client ${clientId} in user pool ${userPoolId} has no client secret. `
        + 'Fix: create the client with generateSecret: true (a secret cannot be added to an existing public client; replace the client).');
    }
    throw new Error(`None of the ${active.length} active secrets of app client ${clientId} is stored in secret ${secretArn}, and DescribeUserPoolClient `
      + 'no longer returns one (the original secret was removed by a rotation). Fix: keep the Secrets Manager secret when you change this '
      + 'resource (its versions hold the rotated value), or replace the app client so that Cognito generates a new secret.');
  }

  const payload: ClientSecretPayload = {
    clientId,
    clientSecret: chosen.clientSecret,
    userPoolId,
    tokenEndpoint: optionalString(props, 'TokenEndpoint'),
    scopes: stringList(props, 'Scopes'),
    clientSecretId: chosen.clientSecretId,
  };
  const document = JSON.stringify(payload);
  let versionId: string;
  if (current && currentValue && JSON.stringify(currentValue) === document) {
    // Already current: a new version would only push the real previous value out of AWSPREVIOUS.
    versionId = current.versionId;
  } else {
    // The same CloudFormation request delivered twice yields the same token, so the second write is a no-op.
    const requestToken = createHash('sha256').update(`${event.StackId}|${event.LogicalResourceId}|${event.RequestId}|${clientId}`).digest('hex');
    const put = await awsCall('PutSecretValue', () => d.secrets.send(new PutSecretValueCommand({
      SecretId: secretArn, SecretString: document, ClientRequestToken: requestToken,
    })), retry).catch((error) => { throw explainSecretLookup(error, secretArn); });
    versionId = put.VersionId ?? requestToken;
  }

  logEvent('secret-written', { clientId, userPoolId, clientSecretId: chosen.clientSecretId, source: chosen.source, versionId });
  return {
    PhysicalResourceId: physicalResourceId,
    Data: { ClientId: clientId, UserPoolId: userPoolId, SecretArn: secretArn, VersionId: versionId },
  };
}

/** The client's active Cognito secret ids, oldest first. */
async function activeSecretIds(d: WriterDependencies, retry: RetryOptions, userPoolId: string, clientId: string): Promise<string[]> {
  const found: Array<{ id: string; created: number }> = [];
  let nextToken: string | undefined;
  do {
    const page = await awsCall('ListUserPoolClientSecrets', () => d.cognito.send(new ListUserPoolClientSecretsCommand({
      UserPoolId: userPoolId, ClientId: clientId, NextToken: nextToken,
    })), retry)
      .catch((error) => { throw explainClientLookup(error, userPoolId, clientId); });
    for (const s of page.ClientSecrets ?? []) {
      if (s.ClientSecretId) found.push({ id: s.ClientSecretId, created: s.ClientSecretCreateDate?.getTime() ?? 0 });
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return found.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id)).map((s) => s.id);
}

interface StoredVersion { readonly versionId: string; readonly stages: string[]; readonly created: number }

/** The secret's versions with a label or none (deprecated), AWSCURRENT first, then newest first. */
async function storedVersions(d: WriterDependencies, retry: RetryOptions, secretArn: string): Promise<StoredVersion[]> {
  const versions: SecretVersionsListEntry[] = [];
  let nextToken: string | undefined;
  do {
    const page = await awsCall('ListSecretVersionIds', () => d.secrets.send(new ListSecretVersionIdsCommand({
      SecretId: secretArn, IncludeDeprecated: true, NextToken: nextToken,
    })), retry).catch((error) => { throw explainSecretLookup(error, secretArn); });
    versions.push(...(page.Versions ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return versions
    .filter((v): v is SecretVersionsListEntry & { VersionId: string } => !!v.VersionId)
    // A version that is only AWSPENDING belongs to a rotation in flight: it has not been tested yet.
    .filter((v) => !(v.VersionStages?.length === 1 && v.VersionStages[0] === 'AWSPENDING'))
    .map((v) => ({ versionId: v.VersionId, stages: v.VersionStages ?? [], created: v.CreatedDate?.getTime() ?? 0 }))
    .sort((a, b) => Number(b.stages.includes('AWSCURRENT')) - Number(a.stages.includes('AWSCURRENT')) || b.created - a.created)
    .slice(0, MAX_VERSIONS_SEARCHED);
}

async function readVersion(d: WriterDependencies, retry: RetryOptions, secretArn: string, versionId: string): Promise<string | undefined> {
  try {
    const value = await awsCall('GetSecretValue', () => d.secrets.send(new GetSecretValueCommand({ SecretId: secretArn, VersionId: versionId })), retry);
    return value.SecretString;
  } catch (error) {
    // A version without a value (an interrupted rotation) or one removed meanwhile.
    if (awsErrorName(error) === 'ResourceNotFoundException') return undefined;
    throw explainSecretLookup(error, secretArn);
  }
}

function explainClientLookup(error: unknown, userPoolId: string, clientId: string): Error {
  if (awsErrorName(error) === 'ResourceNotFoundException') {
    return new Error(`App client ${clientId} was not found in user pool ${userPoolId}. Fix: check that the client exists and belongs to this pool.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

function explainSecretLookup(error: unknown, secretArn: string): Error {
  if (awsErrorName(error) === 'ResourceNotFoundException') {
    return new Error(`Secret ${secretArn} was not found. Fix: check that the secret exists and is not scheduled for deletion.`);
  }
  return error instanceof AwsCallError || error instanceof Error ? error : new Error(String(error));
}

let defaults: WriterDependencies | undefined;
export const handler = makeWriterHandler(() => {
  // SDK retries are off: withRetry owns backoff, jitter and the time budget.
  defaults ??= { cognito: new CognitoIdentityProviderClient({ maxAttempts: 1 }), secrets: new SecretsManagerClient({ maxAttempts: 1 }) };
  return defaults;
});
