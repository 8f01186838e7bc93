'use strict';
/**
 * A loopback stand-in for the services the Lambda handlers talk to, for the cold-start benchmark:
 *  - the AWS JSON APIs the handlers call (Cognito DescribeUserPoolClient and ListUserPoolClientSecrets, Secrets
 *    Manager PutSecretValue, GetSecretValue, ListSecretVersionIds, DescribeSecret), picked by the X-Amz-Target header;
 *  - a Cognito-like OAuth domain: POST /oauth2/token (client_credentials, an RS256 access token) and GET /jwks.json.
 * The OAuth endpoints are also served over HTTPS when BENCH_TLS_CERT and BENCH_TLS_KEY name a certificate for
 * 127.0.0.1 (the handlers refuse an http: token endpoint or JWKS URI).
 * Prints `{"port": N, "tlsPort": M}` on stdout once listening; runs until killed.
 */
const { readFileSync } = require('fs');
const { createServer } = require('http');
const https = require('https');
const { createSign, generateKeyPairSync, randomUUID } = require('crypto');

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'bench-key';
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' };

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function accessToken(issuer, clientId, scope) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64url({ alg: 'RS256', kid: KID, typ: 'JWT' })}.${b64url({
    sub: clientId, client_id: clientId, token_use: 'access', scope, iss: issuer, iat: now, exp: now + 3600, jti: randomUUID(),
  })}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
}

function awsJson(target, request, base) {
  switch (target) {
    case 'AWSCognitoIdentityProviderService.DescribeUserPoolClient':
      return { UserPoolClient: { UserPoolId: request.UserPoolId, ClientId: request.ClientId, ClientSecret: 'bench-client-secret' } };
    case 'AWSCognitoIdentityProviderService.ListUserPoolClientSecrets':
      return { ClientSecrets: [{ ClientSecretId: `${request.ClientId}--1700000000`, ClientSecretCreateDate: 1700000000 }] };
    case 'secretsmanager.ListSecretVersionIds':
      return { ARN: request.SecretId, Name: 'bench', Versions: [{ VersionId: 'v1', VersionStages: ['AWSCURRENT'] }] };
    case 'secretsmanager.PutSecretValue':
      return { ARN: request.SecretId, Name: 'bench', VersionId: request.ClientRequestToken, VersionStages: ['AWSCURRENT'] };
    case 'secretsmanager.GetSecretValue':
      return {
        ARN: request.SecretId,
        Name: 'bench',
        VersionId: 'v1',
        SecretString: JSON.stringify({
          clientId: 'bench-client', clientSecret: 'bench-client-secret', userPoolId: 'eu-west-1_bench',
          tokenEndpoint: `${base}/oauth2/token`, scopes: ['https://api.example.com/read'],
        }),
      };
    case 'secretsmanager.DescribeSecret':
      return { ARN: request.SecretId, Name: 'bench', RotationEnabled: true, VersionIdsToStages: { 'rotation-token': ['AWSCURRENT'] } };
    default:
      return undefined;
  }
}

function handle(req, res, base) {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const send = (status, body, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const target = req.headers['x-amz-target'];
    if (target) {
      const answer = awsJson(String(target), text ? JSON.parse(text) : {}, base);
      if (answer) return send(200, answer, 'application/x-amz-json-1.1');
      return send(400, { __type: 'UnknownOperationException', message: String(target) }, 'application/x-amz-json-1.1');
    }
    if (req.method === 'POST' && req.url === '/oauth2/token') {
      const form = new URLSearchParams(text);
      const basic = Buffer.from(String(req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
      const clientId = form.get('client_id') ?? basic.split(':')[0];
      return send(200, { access_token: accessToken(base, clientId, form.get('scope') ?? ''), token_type: 'Bearer', expires_in: 3600 });
    }
    if (req.url === '/jwks.json') return send(200, { keys: [jwk] });
    return send(404, { error: 'not_found' });
  });
}

const server = createServer((req, res) => handle(req, res, `http://127.0.0.1:${server.address().port}`));
const tls = process.env.BENCH_TLS_CERT && process.env.BENCH_TLS_KEY
  ? https.createServer({ cert: readFileSync(process.env.BENCH_TLS_CERT), key: readFileSync(process.env.BENCH_TLS_KEY) },
    (req, res) => handle(req, res, `https://127.0.0.1:${tls.address().port}`))
  : undefined;

server.listen(0, '127.0.0.1', () => {
  const ready = () => process.stdout.write(`${JSON.stringify({ port: server.address().port, tlsPort: tls ? tls.address().port : undefined })}\n`);
  if (tls) tls.listen(0, '127.0.0.1', ready); else ready();
});
