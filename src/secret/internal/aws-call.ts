import { errorDetail, RetryBudgetExceededError, RetryOptions, withRetry } from './retry';

/**
 * A failed AWS call, as a sentence that names the action and what to do. `awsName` keeps the service's error name
 * (`ResourceNotFoundException`, ...) for callers that treat some errors as an answer. The message may quote the
 * service's own message: handlers pass it through redact() before it leaves them.
 */
export class AwsCallError extends Error {
  constructor(readonly action: string, readonly awsName: string | undefined, message: string) {
    super(message);
    this.name = 'AwsCallError';
  }
}

/** Runs one AWS call with the handler's retry policy and turns its failure into an AwsCallError. */
export async function awsCall<T>(action: string, call: () => Promise<T>, retry: RetryOptions): Promise<T> {
  try {
    return await withRetry(call, retry);
  } catch (error) {
    throw new AwsCallError(action, (error as { name?: string })?.name, explainAwsFailure(action, error));
  }
}

export function awsErrorName(error: unknown): string | undefined {
  return error instanceof AwsCallError ? error.awsName : (error as { name?: string })?.name;
}

function explainAwsFailure(action: string, error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (error instanceof RetryBudgetExceededError) {
    return `${action} did not succeed before the Lambda time budget ran out (${error.message}). `
      + 'Fix: retry; if it keeps failing, check the Cognito/Secrets Manager service health and request quotas.';
  }
  if (name === 'AccessDeniedException' || name === 'NotAuthorizedException') {
    return `${action} was denied (${name}). Fix: grant the handler's role ${action} on the resource (this is a bug in the construct).`;
  }
  return `${action} failed: ${errorDetail(error)}.`;
}
