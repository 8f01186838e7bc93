import * as http from 'http';
import { AddressInfo } from 'net';

/**
 * A loopback HTTP server that speaks the AWS JSON 1.1 protocol, for stand-ins of AWS services in tests.
 *
 * Requests are `POST /` with `X-Amz-Target: <ServicePrefix>.<Operation>` and a JSON body; answers are
 * `application/x-amz-json-1.1`. Errors are HTTP 400 (client) or 5xx (server) with `{"__type": ..., "message": ...}`
 * and the `x-amzn-ErrorType` header, which is how the AWS SDK for JavaScript v3 recognizes modelled exceptions.
 * https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 *
 * The real SDK clients are pointed at it with `endpoint` (or AWS_ENDPOINT_URL), so request serialization, response
 * parsing and error deserialization are the SDK's own. The server knows nothing about any service: operations are
 * registered by the stand-in that uses it. Unregistered targets answer `UnknownOperationException`, or are forwarded
 * to `upstream` when one is given (used to put a stand-in in front of an emulator that implements part of an API).
 */

/** A modelled AWS error: `type` becomes `__type`, `status` the HTTP status. */
export class AwsJsonError extends Error {
  constructor(readonly type: string, message: string, readonly status = 400) {
    super(message);
    this.name = type;
  }
}

export interface OperationContext {
  /** The operation name (the part of X-Amz-Target after the dot). */
  readonly operation: string;
  /** Forwards the original request to `upstream` and returns its parsed JSON answer (throws AwsJsonError on errors). */
  forward(): Promise<Record<string, unknown>>;
}

export type OperationHandler = (input: Record<string, any>, ctx: OperationContext) => unknown | Promise<unknown>;

/** One injected failure: the next `count` matching calls answer this error instead of running. */
export interface InjectedFault {
  /** Operations it applies to (`*` or omitted: every operation). */
  readonly operations?: string[];
  readonly count: number;
  readonly type: string;
  readonly status: number;
  /** The error message; a function sees the request input (to echo it back, as some real errors do). */
  readonly message?: string | ((input: Record<string, any>) => string);
}

export interface RecordedCall {
  readonly target: string;
  readonly operation: string;
  readonly input: Record<string, any>;
  /** The `__type` of the error answered, if any. */
  readonly error?: string;
}

export interface AwsJsonServer {
  readonly url: string;
  readonly port: number;
  /** Every call, in order. */
  readonly calls: RecordedCall[];
  /** Queues a fault (throttling, 5xx, a crafted error). Faults are consumed in the order they were queued. */
  inject(fault: InjectedFault): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  stop(): Promise<void>;
}

export interface AwsJsonServerOptions {
  /** `X-Amz-Target` prefix to handler map, e.g. `{ 'secretsmanager': { GetSecretValue: fn } }`. */
  readonly services: Record<string, Record<string, OperationHandler>>;
  /** Where unregistered operations go (a loopback port). */
  readonly upstreamPort?: number;
}

export async function startAwsJsonServer(options: AwsJsonServerOptions): Promise<AwsJsonServer> {
  const calls: RecordedCall[] = [];
  const faults: Array<{ fault: InjectedFault; remaining: number }> = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      void handle(req, raw).then(
        (result) => send(res, 200, result ?? {}),
        (error) => {
          const e = error instanceof AwsJsonError ? error : new AwsJsonError('InternalFailure', String(error?.message ?? error), 500);
          send(res, e.status, { __type: e.type, message: e.message }, e.type);
        });
    });
  });

  async function handle(req: http.IncomingMessage, raw: Buffer): Promise<unknown> {
    const target = String(req.headers['x-amz-target'] ?? '');
    const dot = target.lastIndexOf('.');
    const prefix = target.slice(0, dot);
    const operation = target.slice(dot + 1);
    let input: Record<string, any>;
    try {
      input = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      throw new AwsJsonError('SerializationException', 'The request body is not valid JSON.');
    }
    const record = (error?: string) => calls.push({ target, operation, input, error });

    const queued = faults.find((f) => f.remaining > 0 && (!f.fault.operations || f.fault.operations.includes('*') || f.fault.operations.includes(operation)));
    if (queued) {
      queued.remaining--;
      record(queued.fault.type);
      const message = typeof queued.fault.message === 'function' ? queued.fault.message(input) : queued.fault.message ?? queued.fault.type;
      throw new AwsJsonError(queued.fault.type, message, queued.fault.status);
    }

    const ctx: OperationContext = { operation, forward: () => forward(req, raw) };
    const handler = options.services[prefix]?.[operation];
    try {
      const result = handler ? await handler(input, ctx)
        : options.upstreamPort !== undefined ? await ctx.forward()
          : (() => { throw new AwsJsonError('UnknownOperationException', `${target} is not implemented by this stand-in.`); })();
      record();
      return result;
    } catch (error) {
      record(error instanceof AwsJsonError ? error.type : 'InternalFailure');
      throw error;
    }
  }

  function forward(req: http.IncomingMessage, raw: Buffer): Promise<Record<string, unknown>> {
    if (options.upstreamPort === undefined) return Promise.reject(new AwsJsonError('InternalFailure', 'no upstream', 500));
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, 'content-length': String(raw.length) };
      const upstream = http.request({ host: '127.0.0.1', port: options.upstreamPort, path: req.url, method: req.method, headers }, (up) => {
        const parts: Buffer[] = [];
        up.on('data', (c: Buffer) => parts.push(c));
        up.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let json: Record<string, any> = {};
          try { json = text ? JSON.parse(text) : {}; } catch { json = { message: text }; }
          const status = up.statusCode ?? 500;
          if (status >= 400) {
            const type = String(json.__type ?? up.headers['x-amzn-errortype'] ?? 'InternalFailure').split('#').pop()!.split(':')[0];
            reject(new AwsJsonError(type, String(json.message ?? json.Message ?? ''), status));
          } else {
            resolve(json);
          }
        });
      });
      upstream.on('error', (e) => reject(new AwsJsonError('ServiceUnavailable', e.message, 503)));
      upstream.end(raw);
    });
  }

  function send(res: http.ServerResponse, status: number, body: unknown, errorType?: string): void {
    // Timestamps are epoch seconds in AWS JSON. Date.toJSON runs before a replacer sees the value, so read the raw one.
    const text = JSON.stringify(body, function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      return raw instanceof Date ? raw.getTime() / 1000 : value;
    });
    const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${calls.length}` };
    if (errorType) headers['x-amzn-errortype'] = errorType;
    res.writeHead(status, headers).end(text);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    inject: (fault) => { faults.push({ fault, remaining: fault.count }); },
    clearFaults: () => { faults.length = 0; },
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
