import { randomUUID } from 'crypto';
import { OnEventRequest } from '../../../src/secret/internal/events';

export function cfnEvent(
  requestType: 'Create' | 'Update' | 'Delete',
  props: Record<string, unknown>,
  extra: Partial<OnEventRequest> = {},
): OnEventRequest {
  return {
    RequestType: requestType,
    RequestId: randomUUID(),
    LogicalResourceId: 'ClientSecretResource',
    StackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/test/1',
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:framework', ...props },
    ...extra,
  };
}

/** A Lambda context with `ms` of remaining time. */
export function contextWith(ms: number) {
  const end = Date.now() + ms;
  return { getRemainingTimeInMillis: () => end - Date.now() };
}

/** A sleep that really waits (so time budgets are real) and records what it was asked for. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: (ms) => { delays.push(ms); return new Promise((r) => setTimeout(r, ms)); } };
}
