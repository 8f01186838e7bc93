'use strict';
/**
 * Cold start of one bundled Lambda handler: `node handler.js <bundle.js> <writer|verification|rotation> <stub base URL>`.
 * A fresh process requires the bundle (the SDK stays external, resolved from node_modules as Lambda resolves its
 * built-in copy), then runs one event against the loopback stub (stub-server.js). AWS_ENDPOINT_URL points the SDK
 * clients at the stub. Prints one JSON line.
 */
const { performance } = require('perf_hooks');

const bootMs = performance.now();
const [bundle, scenario, base] = process.argv.slice(2);

const t0 = performance.now();
const { handler } = require(bundle);
const requireMs = performance.now() - t0;

const context = { getRemainingTimeInMillis: () => 60_000 };
const cfn = { RequestId: 'req-1', LogicalResourceId: 'Bench', StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/bench/1', RequestType: 'Create' };
const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:bench-AbCdEf';

function event() {
  switch (scenario) {
    case 'writer': return {
      ...cfn,
      ResourceProperties: { SecretArn: secretArn, UserPoolId: 'eu-west-1_bench', ClientId: 'bench-client', TokenEndpoint: `${base}/oauth2/token`, Scopes: ['https://api.example.com/read'] },
    };
    case 'verification': return {
      ...cfn,
      ResourceProperties: {
        ClientId: 'bench-client', SecretArn: secretArn, TokenEndpoint: `${base}/oauth2/token`, Issuer: base,
        JwksUri: `${base}/jwks.json`, Scopes: ['https://api.example.com/read'], TimeoutSeconds: '10',
      },
    };
    case 'rotation': return { SecretId: secretArn, ClientRequestToken: 'rotation-token', Step: 'testSecret' };
    default: throw new Error(`unknown scenario ${scenario}`);
  }
}

// Lambda's runtime logs to CloudWatch; here the handlers' JSON log lines would only add noise to the parent's pipe.
console.log = () => {};
console.info = () => {};

const t1 = performance.now();
handler(event(), context).then(
  (result) => {
    const firstResponseMs = performance.now() - t1;
    process.stdout.write(`${JSON.stringify({ scenario, bootMs, requireMs, firstResponseMs, ok: true, result: result ?? null })}\n`);
  },
  (error) => {
    process.stdout.write(`${JSON.stringify({ scenario, bootMs, requireMs, firstResponseMs: performance.now() - t1, ok: false, error: String(error && error.message) })}\n`);
    process.exitCode = 1;
  },
);
