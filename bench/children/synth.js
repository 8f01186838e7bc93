'use strict';
/**
 * One synth run: `node synth.js <l1|l2|ours> <clients> <outdir> <libdir>`.
 * Prints one JSON line: the in-process time from before `new App()` to after `app.synth()`, and what was built.
 * The same stack in every variant: a UserPool, three resource servers, and `clients` clients cycling through a
 * browser app (code grant), a machine-to-machine client (client_credentials) and a server-side app (SRP).
 */
const { performance } = require('perf_hooks');

const [variant, clientsArg, outdir, libdir] = process.argv.slice(2);
const clients = Number(clientsArg);
const requireStart = performance.now();
const cdk = require('aws-cdk-lib');
const cognito = require('aws-cdk-lib/aws-cognito');
const ours = variant === 'ours' ? require(libdir) : undefined;
const requireMs = performance.now() - requireStart;

const SERVERS = 3;

function build() {
  const app = new cdk.App({ outdir, builtinCloudFormationValidation: false, analyticsReporting: false });
  const stack = new cdk.Stack(app, 'Bench', { env: { account: '123456789012', region: 'eu-west-1' } });
  const pool = new cognito.UserPool(stack, 'Pool', { selfSignUpEnabled: false, signInAliases: { email: true } });
  const servers = [];
  for (let s = 0; s < SERVERS; s++) {
    const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read access' });
    const write = new cognito.ResourceServerScope({ scopeName: 'write', scopeDescription: 'Write access' });
    const server = pool.addResourceServer(`Api${s}`, { identifier: `https://api${s}.example.com`, scopes: [read, write] });
    servers.push({ server, read, write });
  }
  for (let i = 0; i < clients; i++) {
    const { server, read, write } = servers[i % SERVERS];
    const kind = ['spa', 'm2m', 'server'][i % 3];
    const id = `Client${i}`;
    const callback = `https://app${i}.example.com/callback`;
    if (variant === 'l1') {
      l1Client(stack, id, kind, pool, server, callback);
    } else if (variant === 'l2') {
      l2Client(stack, id, kind, pool, server, read, write, callback);
    } else {
      oursClient(stack, id, kind, pool, server, read, write, callback);
    }
  }
  return app;
}

function l1Client(stack, id, kind, pool, server, callback) {
  const common = { userPoolId: pool.userPoolId, preventUserExistenceErrors: 'ENABLED', enableTokenRevocation: true };
  const scope = (name) => cdk.Fn.join('/', [server.userPoolResourceServerId, name]);
  if (kind === 'spa') {
    new cognito.CfnUserPoolClient(stack, id, {
      ...common,
      generateSecret: false,
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['code'],
      allowedOAuthScopes: ['openid', 'email', 'profile'],
      callbackUrLs: [callback],
      supportedIdentityProviders: ['COGNITO'],
    });
  } else if (kind === 'm2m') {
    new cognito.CfnUserPoolClient(stack, id, {
      ...common,
      generateSecret: true,
      explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['client_credentials'],
      allowedOAuthScopes: [scope('read'), scope('write')],
      accessTokenValidity: 60,
      tokenValidityUnits: { accessToken: 'minutes' },
    });
  } else {
    new cognito.CfnUserPoolClient(stack, id, {
      ...common,
      generateSecret: true,
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      allowedOAuthFlowsUserPoolClient: false,
      supportedIdentityProviders: ['COGNITO'],
    });
  }
}

function l2Client(stack, id, kind, pool, server, read, write, callback) {
  if (kind === 'spa') {
    new cognito.UserPoolClient(stack, id, {
      userPool: pool,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: { flows: { authorizationCodeGrant: true }, scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE], callbackUrls: [callback] },
    });
  } else if (kind === 'm2m') {
    new cognito.UserPoolClient(stack, id, {
      userPool: pool,
      generateSecret: true,
      authFlows: {},
      oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.resourceServer(server, read), cognito.OAuthScope.resourceServer(server, write)] },
      accessTokenValidity: cdk.Duration.minutes(60),
    });
  } else {
    new cognito.UserPoolClient(stack, id, { userPool: pool, generateSecret: true, authFlows: { userSrp: true }, disableOAuth: true });
  }
}

function oursClient(stack, id, kind, pool, server, read, write, callback) {
  if (kind === 'spa') {
    new ours.PublicSpaClient(stack, id, { userPool: pool, callbackUrls: [callback] });
  } else if (kind === 'm2m') {
    new ours.M2MClient(stack, id, {
      userPool: pool,
      scopes: [cognito.OAuthScope.resourceServer(server, read), cognito.OAuthScope.resourceServer(server, write)],
    });
  } else {
    new ours.AppClient(stack, id, { userPool: pool, generateSecret: true, authFlows: { userSrp: true } });
  }
}

const start = performance.now();
const app = build();
const constructedAt = performance.now();
const assembly = app.synth();
const end = performance.now();

const template = assembly.getStackByName('Bench').template;
const types = {};
for (const resource of Object.values(template.Resources)) types[resource.Type] = (types[resource.Type] ?? 0) + 1;
process.stdout.write(`${JSON.stringify({
  variant,
  clients,
  requireMs,
  constructMs: constructedAt - start,
  synthMs: end - constructedAt,
  inProcessMs: end - start,
  resources: Object.keys(template.Resources).length,
  types,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
})}\n`);
