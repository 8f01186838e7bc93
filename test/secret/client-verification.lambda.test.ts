import * as http from 'http';
import { CreateSecretCommand, DeleteSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { captureOutput, describeOutcome } from './support/capture';
import { cfnEvent, contextWith, recordingSleep } from './support/events';
import { SecretsManagerStandIn, startSecretsManagerStandIn } from './support/secrets-manager-standin';
import { freePort, OidcServer, startOidcServer } from './support/servers';
import { makeVerificationHandler, VerificationDependencies } from '../../src/secret/client-verification.lambda';

// The OAuth server is real: oidc-provider 9 on 127.0.0.1 (support/oidc-server.mjs), with Cognito's paths and a JWT
// access token carrying client_id, scope and token_use. The stored credentials come from the Secrets Manager stand-in
// (support/secrets-manager-standin.ts) through the real SDK client.

const CLIENT_ID = 'verifyclient1';
const CLIENT_SECRET = 'vErIfY-sEcReT-0123456789abcdef';

let oidc: OidcServer;
let sm: SecretsManagerStandIn;
let SECRET_ARN: string;

// The handlers log one JSON line per step; keep test output readable (the leak tests capture it on purpose).
beforeEach(() => { jest.spyOn(console, 'log').mockImplementation(() => undefined); });
afterEach(() => { jest.restoreAllMocks(); });

beforeAll(async () => {
  [oidc, sm] = await Promise.all([startOidcServer(), startSecretsManagerStandIn()]);
  await oidc.upsertClient({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: 'api/read api/write' });
  await oidc.upsertClient({ client_id: 'spa1', grant_types: ['authorization_code'], response_types: ['code'], redirect_uris: ['https://app.example.com/callback'], token_endpoint_auth_method: 'none', scope: 'openid' });
});
afterAll(async () => { await Promise.all([oidc?.stop(), sm?.stop()]); });
beforeEach(async () => {
  SECRET_ARN = (await sm.client().send(new CreateSecretCommand({
    Name: `verify-${Math.random().toString(36).slice(2)}`,
    SecretString: JSON.stringify({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, userPoolId: 'us-east-1_x', scopes: [] }),
  }))).ARN!;
});
afterEach(async () => {
  await oidc.injectFaults(500, 0);
});

const storeSecret = (value: Record<string, unknown>) => sm.client().send(new PutSecretValueCommand({
  SecretId: SECRET_ARN, SecretString: JSON.stringify(value),
}));

function handler(sleep?: (ms: number) => Promise<void>, extra: Partial<VerificationDependencies> = {}) {
  const deps = { secrets: sm.client(), sleep: sleep ?? (() => Promise.resolve()), allowLoopbackHttp: true, ...extra };
  return makeVerificationHandler(() => deps);
}

function m2mProps(overrides: Record<string, unknown> = {}) {
  return {
    UserPoolId: 'us-east-1_x',
    ClientId: CLIENT_ID,
    SecretArn: SECRET_ARN,
    TokenEndpoint: oidc.tokenEndpoint,
    Issuer: oidc.issuer,
    JwksUri: oidc.jwksUri,
    DiscoveryUrl: oidc.discoveryUrl,
    Scopes: ['api/read'],
    TimeoutSeconds: '30',
    ...overrides,
  };
}

async function run(props: Record<string, unknown>, sleep?: (ms: number) => Promise<void>, extra: Partial<VerificationDependencies> = {}) {
  const captured = captureOutput();
  try {
    const result = await handler(sleep, extra)(cfnEvent('Create', props), contextWith(120_000)).catch((e: Error) => e);
    return { result, logs: captured.text() };
  } finally {
    captured.restore();
  }
}

function expectNoSecrets(outcome: { result: unknown; logs: string }) {
  for (const text of [describeOutcome(outcome.result), outcome.logs]) {
    expect(text).not.toContain(CLIENT_SECRET);
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT
  }
}

describe('client-verification: confidential (M2M) client', () => {
  test('a client_credentials token with valid signature and claims passes, and nothing secret is logged or returned', async () => {
    const outcome = await run(m2mProps({ Scopes: ['api/read', 'api/write'] }));
    expect(outcome.result).toEqual({ PhysicalResourceId: `client-verification:${CLIENT_ID}`, Data: { ClientId: CLIENT_ID, Checks: 'discovery,client-credentials-token' } });
    expect(outcome.logs).toContain('"event":"verified"');
    expectNoSecrets(outcome);
  });

  test('invalid_client from a wrong stored secret fails the deployment with the fix, without the secret', async () => {
    await storeSecret({ clientId: CLIENT_ID, clientSecret: `${CLIENT_SECRET}-stale`, userPoolId: 'p', scopes: [] });
    const outcome = await run(m2mProps(), undefined, { rejectionRetryMs: 200 });
    expect((outcome.result as Error).message).toBe(`The token endpoint rejected the credentials of app client ${CLIENT_ID} (invalid_client). `
      + 'Fix: make sure the client has a secret (generateSecret: true), that the stored secret is the current one, and that the token endpoint belongs to the same user pool. '
      + 'The token endpoint said: "client authentication failed".');
    expectNoSecrets(outcome);
    expect(outcome.logs).not.toContain(`${CLIENT_SECRET}-stale`);
  });

  test('invalid_scope names the scopes and the fix', async () => {
    await oidc.upsertClient({ client_id: 'narrow1', client_secret: CLIENT_SECRET, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: 'api/read' });
    await storeSecret({ clientId: 'narrow1', clientSecret: CLIENT_SECRET, userPoolId: 'p', scopes: [] });
    const outcome = await run(m2mProps({ ClientId: 'narrow1', Scopes: ['api/write'] }));
    expect((outcome.result as Error).message).toBe('The token endpoint refused the scopes api/write for app client narrow1 (invalid_scope). '
      + 'Fix: define each scope on a resource server of the user pool (identifier/scope) and list it in the client\'s allowed OAuth scopes. '
      + 'The token endpoint said: "requested scope is not allowed".');
    expectNoSecrets(outcome);
  });

  // oidc-provider answers a disallowed grant with invalid_request; Cognito's own answers are replayed by the loopback server.
  test.each([
    ['unauthorized_client', 'may not use the client_credentials grant (unauthorized_client). Fix: enable the client_credentials OAuth flow'],
    ['invalid_grant', 'rejected the grant for app client verifyclient1 (invalid_grant). Fix: request grant_type=client_credentials only from a confidential client'],
  ])('%s that persists is explained with its fix', async (error, sentence) => {
    await oidc.injectFaults(400, 1000, ['/oauth2/token'], { error });
    const outcome = await run(m2mProps(), undefined, { rejectionRetryMs: 200 });
    expect((outcome.result as Error).message).toContain(sentence);
    expectNoSecrets(outcome);
  });

  test.each(['invalid_client', 'unauthorized_client'])('%s from a client created moments ago is retried, then the check passes', async (error) => {
    await oidc.injectFaults(400, 2, ['/oauth2/token'], { error });
    const { sleep, delays } = recordingSleep();
    const outcome = await run(m2mProps({ DiscoveryUrl: undefined }), (ms) => sleep(Math.min(ms, 20)));
    expect(outcome.result).toMatchObject({ Data: { Checks: 'client-credentials-token' } });
    expect(delays).toHaveLength(2);
  });

  test('invalid_client is retried only while rejectionRetryMs lasts, then reported', async () => {
    await oidc.injectFaults(400, 1000, ['/oauth2/token'], { error: 'invalid_client' });
    const { sleep, delays } = recordingSleep();
    const outcome = await run(m2mProps({ DiscoveryUrl: undefined }), sleep, { rejectionRetryMs: 1_000 });
    expect((outcome.result as Error).message).toMatch(/^The token endpoint rejected the credentials of app client verifyclient1 \(invalid_client\)/);
    // Retries happened, and none started after the budget: every wait but the last ends within it. (Counted from the
    // waits themselves: a wall-clock bound is flaky on a loaded machine.)
    expect(delays.length).toBeGreaterThan(1);
    expect(delays.slice(0, -1).reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(1_000);
  });

  test('invalid_grant is not retried', async () => {
    await oidc.injectFaults(400, 1, ['/oauth2/token'], { error: 'invalid_grant' });
    const { sleep, delays } = recordingSleep();
    const outcome = await run(m2mProps({ DiscoveryUrl: undefined }), sleep);
    expect((outcome.result as Error).message).toContain('(invalid_grant)');
    expect(delays).toEqual([]);
  });

  test('an error_description that quotes the secret reaches the error redacted', async () => {
    await oidc.injectFaults(400, 1, ['/oauth2/token'], { error: 'invalid_scope', error_description: `scope refused for ${CLIENT_ID}:${CLIENT_SECRET}` });
    const outcome = await run(m2mProps({ DiscoveryUrl: undefined }));
    expect((outcome.result as Error).message).toContain(`The token endpoint said: "scope refused for ${CLIENT_ID}:[REDACTED]".`);
    expectNoSecrets(outcome);
  });

  test('http: token endpoints and JWKS URIs are refused unless loopback http is allowed explicitly', async () => {
    const outcome = await run(m2mProps({ DiscoveryUrl: undefined }), undefined, { allowLoopbackHttp: false });
    expect((outcome.result as Error).message).toBe(`The token endpoint ${oidc.tokenEndpoint} does not use https:, so it is refused. `
      + 'Fix: use the https:// URL of the user pool\'s domain or issuer.');
    const jwks = await run(m2mProps({ DiscoveryUrl: undefined, JwksUri: 'http://keys.example.com/jwks.json' }));
    expect((jwks.result as Error).message).toBe('The JWKS URI http://keys.example.com/jwks.json does not use https:, so it is refused. '
      + 'Fix: use the https:// URL of the user pool\'s domain or issuer.');
  });

  test('a token from the wrong issuer fails signature/claim verification with a readable reason', async () => {
    const outcome = await run(m2mProps({ Issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other', DiscoveryUrl: undefined }));
    expect((outcome.result as Error).message).toMatch(
      /^The access token for app client verifyclient1 failed verification: Issuer not allowed: .*Fix: check that the issuer \(https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_other\)/);
    expectNoSecrets(outcome);
  });

  test('a scope missing from the access token is reported', async () => {
    // oidc-provider drops a scope it does not know instead of refusing it, so the token lacks it.
    const outcome = await run(m2mProps({ Scopes: ['api/read', 'api/admin'] }));
    expect((outcome.result as Error).message).toMatch(/failed verification: scope lacks api\/admin\./);
  });

  test('a token endpoint answering 5xx while the domain propagates is retried with backoff, then passes', async () => {
    await oidc.injectFaults(503, 3, ['/oauth2/token']);
    const { sleep, delays } = recordingSleep();
    const outcome = await run(m2mProps({ DiscoveryUrl: undefined }), (ms) => sleep(Math.min(ms, 20)));
    expect(outcome.result).toMatchObject({ Data: { Checks: 'client-credentials-token' } });
    expect(delays).toHaveLength(3);
    delays.forEach((d, i) => expect(d).toBeLessThan(1000 * 2 ** i));
  });

  test('a domain that never resolves fails after the verification timeout with a clear message', async () => {
    const { sleep } = recordingSleep();
    const started = Date.now();
    const outcome = await run(m2mProps({ TokenEndpoint: 'https://auth.not-yet-propagated.invalid/oauth2/token', DiscoveryUrl: undefined, TimeoutSeconds: '2' }), sleep);
    expect((outcome.result as Error).message).toMatch(
      /^The token endpoint at https:\/\/auth\.not-yet-propagated\.invalid\/oauth2\/token did not answer successfully within 2 seconds \(last error: gave up after \d+ attempt\(s\) within the time budget; last error: TypeError (ENOTFOUND|EAI_AGAIN)\)\. Fix: a new Cognito domain can take a few minutes to resolve/);
    expect(Date.now() - started).toBeLessThan(4_000);
    expectNoSecrets(outcome);
  });

  test('a token endpoint that refuses connections (server down) is also retried until the timeout', async () => {
    const port = await freePort();
    const outcome = await run(m2mProps({ TokenEndpoint: `http://127.0.0.1:${port}/oauth2/token`, DiscoveryUrl: undefined, TimeoutSeconds: '1' }), recordingSleep().sleep);
    expect((outcome.result as Error).message).toMatch(/did not answer successfully within 1 seconds \(last error: .*ECONNREFUSED/);
  });
});

describe('client-verification: public client', () => {
  const publicProps = (overrides: Record<string, unknown> = {}) => ({
    UserPoolId: 'us-east-1_x',
    ClientId: 'spa1',
    TokenEndpoint: oidc.tokenEndpoint,
    Issuer: oidc.issuer,
    JwksUri: oidc.jwksUri,
    DiscoveryUrl: oidc.discoveryUrl,
    AuthorizeUrl: oidc.authorizeUrl,
    CallbackUrl: 'https://app.example.com/callback',
    Scopes: ['openid'],
    TimeoutSeconds: '30',
    ...overrides,
  });

  test('discovery matches and /oauth2/authorize redirects to the login page', async () => {
    const outcome = await run(publicProps());
    expect(outcome.result).toMatchObject({ Data: { ClientId: 'spa1', Checks: 'discovery,authorize-redirect' } });
  });

  test('a callback URL the client does not list is reported as redirect_mismatch with the fix', async () => {
    const outcome = await run(publicProps({ CallbackUrl: 'https://app.example.com/other' }));
    expect((outcome.result as Error).message).toBe('The authorize endpoint refused callback URL https://app.example.com/other for app client spa1 (redirect_mismatch). '
      + 'Fix: add this exact URL (scheme, host, port, path; no fragment) to the client\'s callbackUrls.');
  });

  test('Cognito\'s redirect to error=redirect_mismatch is recognised', async () => {
    // Cognito redirects a mismatched callback to its /error page; a loopback server replays that answer.
    const server = http.createServer((_req, res) => { res.writeHead(302, { location: '/error?error=redirect_mismatch&client_id=spa1' }).end(); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const outcome = await run(publicProps({ DiscoveryUrl: undefined, AuthorizeUrl: `http://127.0.0.1:${port}/oauth2/authorize` }));
      expect((outcome.result as Error).message).toMatch(/^The authorize endpoint refused callback URL https:\/\/app\.example\.com\/callback for app client spa1 \(redirect_mismatch\)/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('a discovery document with another issuer or endpoints is reported field by field', async () => {
    const outcome = await run(publicProps({ Issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x', JwksUri: 'https://example.com/jwks.json' }));
    expect((outcome.result as Error).message).toBe(`The discovery document at ${oidc.discoveryUrl} does not match the configuration: `
      + `issuer is "${oidc.issuer}" but "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x" was expected; jwks_uri is "${oidc.jwksUri}" but "https://example.com/jwks.json" was expected. `
      + 'Fix: use the issuer https://cognito-idp.<region>.amazonaws.com/<userPoolId> and the endpoints of the pool\'s own domain.');
  });
});

describe('client-verification: lifecycle', () => {
  test('Delete does nothing and succeeds, even with every server gone', async () => {
    const result = await handler()(cfnEvent('Delete', m2mProps({ TokenEndpoint: 'http://127.0.0.1:1/x' }), { PhysicalResourceId: 'client-verification:verifyclient1' }), contextWith(60_000));
    expect(result).toEqual({ PhysicalResourceId: 'client-verification:verifyclient1' });
    expect(sm.server.calls.filter((c) => c.input.SecretId === SECRET_ARN && c.operation !== 'CreateSecret')).toEqual([]);
  });

  test('a missing secret is reported without retrying forever', async () => {
    await sm.client().send(new DeleteSecretCommand({ SecretId: SECRET_ARN, ForceDeleteWithoutRecovery: true }));
    const outcome = await run(m2mProps({ DiscoveryUrl: undefined }));
    expect((outcome.result as Error).message).toBe(`Reading secret ${SECRET_ARN} failed: ResourceNotFoundException HTTP 400: Secrets Manager can't find the specified secret. `
      + 'Fix: check that UserPoolClientSecret wrote it and that this check can read it.');
  });
});
