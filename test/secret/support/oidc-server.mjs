// A real OAuth 2.0 / OIDC server (oidc-provider 9) on 127.0.0.1 for the handler tests, shaped like a Cognito
// domain: /oauth2/token, /oauth2/authorize, /.well-known/jwks.json, JWT access tokens with client_id, scope and
// token_use=access. Run as a child process because oidc-provider is ESM-only.
//
// Test controls (loopback only): POST /__admin/clients upserts client metadata; POST /__admin/faults makes the next
// N requests answer a given status. Prints "READY <port>" once listening.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const RESOURCE = 'urn:test:api';
const clients = new Map();
const stores = new Map();
let faults = { status: 0, remaining: 0, paths: [], body: undefined };

class Adapter {
  constructor(name) {
    this.name = name;
    if (!stores.has(name)) stores.set(name, new Map());
    this.store = stores.get(name);
  }
  async upsert(id, payload) { this.store.set(id, payload); }
  async find(id) { return this.name === 'Client' ? clients.get(id) : this.store.get(id); }
  async findByUserCode() { return undefined; }
  async findByUid(uid) { return [...this.store.values()].find((p) => p.uid === uid); }
  async consume(id) { const p = this.store.get(id); if (p) p.consumed = Math.floor(Date.now() / 1000); }
  async destroy(id) { this.store.delete(id); }
  async revokeByGrantId() {}
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', use: 'sig', alg: 'RS256' };

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    adapter: Adapter,
    jwks: { keys: [jwk] },
    cookies: { keys: ['loopback-test-cookie-key'] },
    routes: { authorization: '/oauth2/authorize', token: '/oauth2/token', jwks: '/.well-known/jwks.json' },
    pkce: { required: () => false },
    scopes: ['openid', 'api/read', 'api/write'],
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'api/read api/write', audience: RESOURCE, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    // Cognito marks access tokens with token_use=access.
    extraTokenClaims: () => ({ token_use: 'access' }),
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url.startsWith('/__admin/')) {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        const input = body ? JSON.parse(body) : {};
        if (req.url === '/__admin/clients') clients.set(input.client_id, input);
        if (req.url === '/__admin/faults') faults = { status: input.status, remaining: input.count, paths: input.paths ?? [], body: input.body };
        res.writeHead(204).end();
      });
      return;
    }
    if (faults.remaining > 0 && (faults.paths.length === 0 || faults.paths.some((p) => req.url.startsWith(p)))) {
      faults.remaining--;
      res.writeHead(faults.status, { 'content-type': 'application/json' }).end(JSON.stringify(faults.body ?? { error: 'server_error' }));
      return;
    }
    callback(req, res);
  });
  process.stdout.write(`READY ${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
