/**
 * Retry with capped exponential backoff and full jitter, bounded by a wall-clock budget
 * (normally the Lambda's remaining time minus a safety margin).
 *
 * Internal to the custom-resource handlers: not exported from the package.
 */
export interface RetryOptions {
  /** Epoch milliseconds after which no further attempt starts. */
  readonly deadline: number;
  /** First backoff ceiling in ms. */
  readonly baseDelayMs?: number;
  /** Largest backoff ceiling in ms. */
  readonly maxDelayMs?: number;
  /** Hard cap on attempts, whatever the budget. */
  readonly maxAttempts?: number;
  /** Decides whether an error is worth another attempt. */
  readonly isRetryable: (error: unknown) => boolean;
  /** Called before each wait (used for safe, secret-free logging). */
  readonly onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  /** Injection points for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
}

/** Raised when the budget runs out while the failure is still retryable. */
export class RetryBudgetExceededError extends Error {
  constructor(readonly attempts: number, readonly lastReason: string) {
    super(`gave up after ${attempts} attempt(s) within the time budget; last error: ${lastReason}`);
    this.name = 'RetryBudgetExceededError';
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const base = options.baseDelayMs ?? 200;
  const cap = options.maxDelayMs ?? 5_000;
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!options.isRetryable(error)) throw error;
      const reason = errorReason(error);
      // Full jitter: a random wait between 0 and the exponential ceiling spreads out retries from many callers.
      const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
      const delayMs = Math.floor(random() * ceiling);
      if (attempt >= maxAttempts || now() + delayMs >= options.deadline) {
        throw new RetryBudgetExceededError(attempt, reason);
      }
      options.onRetry?.({ attempt, delayMs, reason });
      await sleep(delayMs);
    }
  }
}

/** A short, secret-free description of an error: its name, code and HTTP status, never request data. */
export function errorReason(error: unknown): string {
  if (error instanceof RetryBudgetExceededError) return error.message;
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string }; $metadata?: { httpStatusCode?: number } };
  const parts = [e?.name ?? 'Error'];
  const code = e?.code ?? e?.cause?.code ?? networkCodeIn(e?.message);
  if (code) parts.push(code);
  const status = e?.$metadata?.httpStatusCode;
  if (status) parts.push(`HTTP ${status}`);
  return parts.join(' ');
}

/**
 * errorReason plus the service's own message (cut to 300 characters), for error messages that help a user fix the
 * problem. The message comes from outside and may echo request data: callers pass the result through redact() with
 * every secret they handled. Never used in log lines.
 */
export function errorDetail(error: unknown): string {
  const reason = errorReason(error);
  const message = error instanceof RetryBudgetExceededError ? undefined : (error as { message?: unknown })?.message;
  if (typeof message !== 'string' || message.length === 0 || message === reason) return reason;
  // Callers end the sentence themselves.
  const text = message.replace(/\.+$/, '');
  return `${reason}: ${text.length > 300 ? `${text.slice(0, 300)}...` : text}`;
}

const THROTTLING = new Set([
  'TooManyRequestsException', 'ThrottlingException', 'Throttling', 'ThrottledException',
  'RequestLimitExceeded', 'ProvisionedThroughputExceededException', 'SlowDown',
]);
const TRANSIENT_SERVICE = new Set(['InternalErrorException', 'InternalServerException', 'InternalServiceError', 'ServiceUnavailable', 'ServiceUnavailableException']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

// The SDK sometimes wraps a socket error so that only its message keeps the code ("AWS SDK error wrapper for ...").
function networkCodeIn(message: string | undefined): string | undefined {
  const match = /\b(E[A-Z_]{3,})\b/.exec(message ?? '');
  return match && NETWORK_CODES.has(match[1]) ? match[1] : undefined;
}

/** Network failures (refused, reset, DNS not yet propagated, timeouts). */
export function isNetworkError(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; name?: string; message?: string } };
  if (!e) return false;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.cause?.name === 'ConnectTimeoutError') return true;
  return NETWORK_CODES.has(e.code ?? '') || NETWORK_CODES.has(e.cause?.code ?? '')
    || networkCodeIn(e.message) !== undefined || networkCodeIn(e.cause?.message) !== undefined;
}

/** AWS SDK errors worth retrying: throttling, 5xx and network failures. */
export function isRetryableAwsError(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
  if (!e) return false;
  if (THROTTLING.has(e.name ?? '') || TRANSIENT_SERVICE.has(e.name ?? '')) return true;
  const status = e.$metadata?.httpStatusCode ?? 0;
  if (status === 429 || status >= 500) return true;
  return isNetworkError(error);
}

/**
 * The retry deadline for a Lambda invocation: its remaining time less a margin kept to report the failure.
 * Without a context (local runs), a fixed budget.
 */
export function lambdaDeadline(context: { getRemainingTimeInMillis?: () => number } | undefined, marginMs = 10_000, fallbackMs = 60_000): number {
  const remaining = context?.getRemainingTimeInMillis?.();
  const budget = remaining === undefined ? fallbackMs : Math.max(0, remaining - marginMs);
  return Date.now() + budget;
}
