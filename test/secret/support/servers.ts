import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

const ROOT = path.resolve(__dirname, '../../..');

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); }, 3_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

/** cognito-local 5.3.0 on 127.0.0.1, in a throwaway working directory (it keeps state in ./.cognito). */
export async function startCognitoLocal(): Promise<RunningServer> {
  const port = await freePort();
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-local-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/cognito-local/lib/bin/start.js')], {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => { output += c; });
  child.stderr!.on('data', (c) => { output += c; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`cognito-local exited: ${output}`);
    if (/running on/.test(output)) break;
    if (Date.now() > deadline) { await stopChild(child); throw new Error(`cognito-local did not start: ${output}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** A Cognito SDK client pointed at a loopback endpoint, with dummy credentials and SDK retries off. */
export function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

export interface OidcServer extends RunningServer {
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly authorizeUrl: string;
  readonly jwksUri: string;
  readonly discoveryUrl: string;
  upsertClient(metadata: Record<string, unknown>): Promise<void>;
  /** The next `count` requests (to `paths`, if given) answer `status` with `body`. */
  injectFaults(status: number, count: number, paths?: string[], body?: Record<string, unknown>): Promise<void>;
}

/** oidc-provider 9 on 127.0.0.1 (see oidc-server.mjs), run as a child process because it is ESM-only. */
export async function startOidcServer(): Promise<OidcServer> {
  const child = spawn(process.execPath, [path.join(__dirname, 'oidc-server.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (c) => { output += c; });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`oidc-provider did not start: ${output}`)), 20_000);
    child.stdout!.on('data', (c: Buffer) => {
      output += c;
      const m = /READY (\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    child.once('exit', () => { clearTimeout(timer); reject(new Error(`oidc-provider exited: ${output}`)); });
  });
  const url = `http://127.0.0.1:${port}`;
  const admin = async (p: string, body: unknown) => {
    const res = await fetch(`${url}${p}`, { method: 'POST', body: JSON.stringify(body) });
    if (res.status !== 204) throw new Error(`admin ${p} answered ${res.status}`);
  };
  return {
    url,
    port,
    issuer: url,
    tokenEndpoint: `${url}/oauth2/token`,
    authorizeUrl: `${url}/oauth2/authorize`,
    jwksUri: `${url}/.well-known/jwks.json`,
    discoveryUrl: `${url}/.well-known/openid-configuration`,
    upsertClient: (metadata) => admin('/__admin/clients', metadata),
    injectFaults: (status, count, paths, body) => admin('/__admin/faults', { status, count, paths, body }),
    stop: () => stopChild(child),
  };
}

/**
 * A loopback HTTP proxy in front of a real server that answers the first `failures` requests itself
 * (throttling or 5xx, as AWS would), then forwards. Counts what it saw.
 */
export interface FaultyProxy extends RunningServer {
  readonly seen: { failed: number; forwarded: number };
  fail(count: number, status: number, errorType: string): void;
}

export async function startFaultyProxy(targetPort: number): Promise<FaultyProxy> {
  let remaining = 0;
  let status = 500;
  let errorType = 'InternalErrorException';
  const seen = { failed: 0, forwarded: 0 };
  const server = http.createServer((req, res) => {
    if (remaining > 0) {
      remaining--;
      seen.failed++;
      req.resume();
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': errorType });
      res.end(JSON.stringify({ __type: errorType, message: 'Rate exceeded' }));
      return;
    }
    seen.forwarded++;
    const upstream = http.request({ host: '127.0.0.1', port: targetPort, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502).end(); });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    fail: (count, s, type) => { remaining = count; status = s; errorType = type; },
    stop: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
