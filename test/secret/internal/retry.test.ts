import * as fc from 'fast-check';
import { errorReason, isRetryableAwsError, RetryBudgetExceededError, withRetry } from '../../../src/secret/internal/retry';

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 400 } });

describe('withRetry', () => {
  test('every wait is a random share of the capped exponential ceiling (full jitter)', async () => {
    const jitters = fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 1, maxLength: 12 });
    await fc.assert(fc.asyncProperty(jitters, async (randoms) => {
      const delays: number[] = [];
      const queue = [...randoms];
      await withRetry(async (attempt) => {
        if (attempt <= randoms.length) throw throttled();
        return 'ok';
      }, {
        deadline: Number.MAX_SAFE_INTEGER,
        baseDelayMs: 100,
        maxDelayMs: 1_000,
        isRetryable: isRetryableAwsError,
        sleep: async (ms) => { delays.push(ms); },
        random: () => queue.shift()!,
      });
      delays.forEach((d, i) => {
        const ceiling = Math.min(1_000, 100 * 2 ** i);
        expect(d).toBe(Math.floor(randoms[i] * ceiling));
        expect(d).toBeLessThan(ceiling);
      });
    }));
  });

  test('stops when the next wait would pass the deadline, naming the last error', async () => {
    let now = 0;
    const error = await withRetry(async () => { throw throttled(); }, {
      deadline: 1_000,
      baseDelayMs: 200,
      isRetryable: isRetryableAwsError,
      random: () => 0.99,
      now: () => now,
      sleep: async (ms) => { now += ms; },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(RetryBudgetExceededError);
    // Waits of 198, 396 fit in 1000 ms; the next (792) would not.
    expect(error.message).toBe('gave up after 3 attempt(s) within the time budget; last error: TooManyRequestsException HTTP 400');
  });

  test('does not retry an error that is not retryable', async () => {
    let calls = 0;
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    const run = withRetry(async () => { calls++; throw denied; }, { deadline: Number.MAX_SAFE_INTEGER, isRetryable: isRetryableAwsError });
    await expect(run).rejects.toBe(denied);
    expect(calls).toBe(1);
  });
});

describe('error classification', () => {
  test.each([
    [{ name: 'TooManyRequestsException' }, true],
    [{ name: 'InternalErrorException', $metadata: { httpStatusCode: 500 } }, true],
    [{ name: 'Whatever', $metadata: { httpStatusCode: 503 } }, true],
    [{ name: 'Error', message: 'AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:9' }, true],
    [{ name: 'TypeError', message: 'fetch failed', cause: { code: 'ENOTFOUND' } }, true],
    [{ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } }, false],
    [{ name: 'NotAuthorizedException', $metadata: { httpStatusCode: 400 } }, false],
  ])('%j retryable: %s', (error, expected) => {
    expect(isRetryableAwsError(error)).toBe(expected);
  });

  test('errorReason never repeats a message, only name, code and status', () => {
    expect(errorReason(Object.assign(new Error('secret=abc123 leaked'), { name: 'X', $metadata: { httpStatusCode: 400 } }))).toBe('X HTTP 400');
  });
});
