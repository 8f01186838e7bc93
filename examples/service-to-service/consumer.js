// The calling service's Lambda handler (Node.js 22 runtime; its built-in AWS SDK v3 reads Secrets Manager).
// It gets an access token with the client_credentials grant and calls the inventory API with it.
// The credentials are cached; when the token endpoint answers invalid_client (the secret was rotated since it was
// read), the handler reads the secret again and retries once. During a rotation both secrets work, so one retry is enough.
const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');

const secrets = new SecretsManagerClient({});
let credentials; // { clientId, clientSecret, tokenEndpoint, scopes }

async function readCredentials() {
  const result = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.CLIENT_SECRET_ARN }));
  credentials = JSON.parse(result.SecretString);
  return credentials;
}

async function requestToken(creds) {
  const response = await fetch(creds.tokenEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: 'Basic ' + Buffer.from(`${creds.clientId}:${creds.clientSecret}`).toString('base64'),
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: creds.scopes.join(' ') }),
  });
  const body = await response.json();
  return { ok: response.ok, body };
}

async function accessToken() {
  let result = await requestToken(credentials ?? await readCredentials());
  if (!result.ok && result.body.error === 'invalid_client') {
    result = await requestToken(await readCredentials());
  }
  if (!result.ok) throw new Error(`token endpoint refused: ${result.body.error}`);
  return result.body.access_token;
}

exports.handler = async () => {
  const token = await accessToken();
  const response = await fetch(process.env.INVENTORY_URL, { headers: { authorization: `Bearer ${token}` } });
  return { statusCode: response.status, body: await response.text() };
};
