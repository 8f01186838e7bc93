import { createHash } from 'crypto';
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { LambdaContextLike, OnEventRequest, OnEventResponse, optionalString, requiredString, stringList } from './internal/events';
import { logEvent } from './internal/redact';
import { errorReason, isRetryableAwsError, lambdaDeadline, RetryBudgetExceededError, RetryOptions, withRetry } from './internal/retry';
import { ClientSecretPayload, parsePayload } from './internal/secret-payload';

/**
 * onEvent handler of UserPoolClientSecret (custom_resources.Provider framework).
 *
 * Create/Update: reads the app client's secret with DescribeUserPoolClient and writes
 * {clientId, clientSecret, userPoolId, tokenEndpoint, scopes} into the Secrets Manager secret.
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

    const userPoolId = requiredString(props, 'UserPoolId');
    const clientId = requiredString(props, 'ClientId');
    const { cognito, secrets, sleep, random } = deps();
    const retry: RetryOptions = {
      deadline: lambdaDeadline(context),
      isRetryable: isRetryableAwsError,
      sleep,
      random,
      onRetry: (info) => logEvent('retry', info),
    };

    // With rotation on, the stored secret may be newer than anything DescribeUserPoolClient shows (after a rotation
    // it may show none). An Update of the same client (new scopes or token endpoint) keeps the rotated secret.
    const old = event.OldResourceProperties;
    const rotated = props.Rotating === 'true' && event.RequestType === 'Update' && old?.ClientId === clientId && old?.UserPoolId === userPoolId
      ? await readRotated(secrets, secretArn, clientId, retry)
      : undefined;

    const described = await callAws('DescribeUserPoolClient', () => withRetry(
      () => cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId })), retry),
    { userPoolId, clientId });
    const clientSecret = rotated?.clientSecret ?? described.UserPoolClient?.ClientSecret;
    if (!clientSecret) {
      throw new Error(`App client ${clientId} in user pool ${userPoolId} has no client secret. `
        + 'Fix: create the client with generateSecret: true (a secret cannot be added to an existing public client; replace the client).');
    }

    const payload: ClientSecretPayload = {
      clientId,
      clientSecret,
      userPoolId,
      tokenEndpoint: optionalString(props, 'TokenEndpoint'),
      scopes: stringList(props, 'Scopes'),
      clientSecretId: rotated?.clientSecretId,
    };
    // The same CloudFormation request delivered twice yields the same token, so the second write is a no-op.
    const requestToken = createHash('sha256').update(`${event.StackId}|${event.LogicalResourceId}|${event.RequestId}|${clientId}`).digest('hex');
    const put = await callAws('PutSecretValue', () => withRetry(
      () => secrets.send(new PutSecretValueCommand({
        SecretId: secretArn, SecretString: JSON.stringify(payload), ClientRequestToken: requestToken,
      })), retry),
    { userPoolId, clientId, secretArn });

    logEvent('secret-written', { clientId, userPoolId, versionId: put.VersionId });
    return {
      PhysicalResourceId: physicalResourceId,
      Data: { ClientId: clientId, UserPoolId: userPoolId, SecretArn: secretArn, VersionId: put.VersionId ?? requestToken },
    };
  };
}

async function readRotated(
  secrets: SecretsManagerClient, secretArn: string, clientId: string, retry: RetryOptions,
): Promise<ClientSecretPayload | undefined> {
  let text: string | undefined;
  try {
    text = (await withRetry(() => secrets.send(new GetSecretValueCommand({ SecretId: secretArn })), retry)).SecretString;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw new Error(`GetSecretValue failed: ${errorReason(error)}.`);
  }
  try {
    const current = parsePayload(text, 'current');
    // Only a value written by the rotation function (it records the Cognito secret id) is worth keeping.
    return current.clientId === clientId && current.clientSecretId ? current : undefined;
  } catch {
    return undefined;
  }
}

/** Runs one AWS call and turns its failure into a sentence that names the resource and the fix. */
async function callAws<T>(action: string, call: () => Promise<T>, ids: { userPoolId: string; clientId: string; secretArn?: string }): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new Error(explainAwsFailure(action, error, ids));
  }
}

function explainAwsFailure(action: string, error: unknown, ids: { userPoolId: string; clientId: string; secretArn?: string }): string {
  const name = (error as { name?: string })?.name;
  if (error instanceof RetryBudgetExceededError) {
    return `${action} did not succeed before the Lambda time budget ran out (${error.message}). `
      + 'Fix: retry the deployment; if it keeps failing, check the Cognito/Secrets Manager service health and request quotas.';
  }
  if (name === 'ResourceNotFoundException' && action === 'DescribeUserPoolClient') {
    return `App client ${ids.clientId} was not found in user pool ${ids.userPoolId}. Fix: check that the client exists and belongs to this pool.`;
  }
  if (name === 'ResourceNotFoundException') {
    return `Secret ${ids.secretArn} was not found. Fix: check that the secret exists and is not scheduled for deletion.`;
  }
  if (name === 'AccessDeniedException' || name === 'NotAuthorizedException') {
    return `${action} was denied (${name}). Fix: grant the handler's role ${action} on the resource (this is a bug in the construct).`;
  }
  return `${action} failed: ${errorReason(error)}.`;
}

let defaults: WriterDependencies | undefined;
export const handler = makeWriterHandler(() => {
  // SDK retries are off: withRetry owns backoff, jitter and the time budget.
  defaults ??= { cognito: new CognitoIdentityProviderClient({ maxAttempts: 1 }), secrets: new SecretsManagerClient({ maxAttempts: 1 }) };
  return defaults;
});
