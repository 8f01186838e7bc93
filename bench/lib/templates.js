'use strict';
/**
 * Synthetic CloudFormation templates for the lint benchmarks: one user pool, a few resource servers and N app
 * clients in a realistic mix (browser, machine-to-machine, server-side, mobile), about a fifth of them broken in
 * ways Cognito rejects or warns about, and intrinsics (Ref, GetAtt, Sub, If, ImportValue) scattered through.
 * Deterministic: the same N always gives the same template.
 */

/** The kinds of client, in the order they repeat. The broken ones come every few clients. */
const KINDS = [
  'spa', 'm2m', 'server', 'spa', 'mobile', 'm2m', 'spa-sub', 'server',
  'bad-http-callback', 'spa', 'm2m', 'bad-credentials-no-secret', 'server', 'bad-unknown-scope',
  'spa-if', 'bad-token-validity', 'imported-pool', 'bad-fragment', 'm2m', 'bad-implicit-admin',
];

function resourceServerCount(clients) {
  return Math.max(3, Math.ceil(clients / 200));
}

/** A template with `clients` app clients, as a plain object (long-form intrinsics, as in JSON). */
function makeTemplate(clients) {
  const servers = resourceServerCount(clients);
  const resources = {
    Pool: {
      Type: 'AWS::Cognito::UserPool',
      Properties: {
        UserPoolName: { 'Fn::Sub': '${AWS::StackName}-users' },
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Schema: [
          { Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true },
          { Name: 'tenant', AttributeDataType: 'String', Mutable: true },
        ],
      },
    },
  };
  for (let s = 0; s < servers; s++) {
    resources[`Api${s}`] = {
      Type: 'AWS::Cognito::UserPoolResourceServer',
      Properties: {
        UserPoolId: { Ref: 'Pool' },
        Identifier: `https://api${s}.example.com`,
        Name: `api${s}`,
        Scopes: [
          { ScopeName: 'read', ScopeDescription: 'Read access' },
          { ScopeName: 'write', ScopeDescription: 'Write access' },
        ],
      },
    };
  }
  for (let i = 0; i < clients; i++) {
    const kind = KINDS[i % KINDS.length];
    const api = `https://api${i % servers}.example.com`;
    resources[`Client${i}`] = { Type: 'AWS::Cognito::UserPoolClient', Properties: clientProperties(kind, i, api) };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Benchmark template: ${clients} app clients`,
    Parameters: {
      Stage: { Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'dev' },
      AppDomain: { Type: 'String', Default: 'app.example.com' },
    },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
    Resources: resources,
    Outputs: { PoolId: { Value: { Ref: 'Pool' } }, PoolArn: { Value: { 'Fn::GetAtt': ['Pool', 'Arn'] } } },
  };
}

function clientProperties(kind, i, api) {
  const pool = { Ref: 'Pool' };
  const name = `client-${i}`;
  const spa = (callbacks) => ({
    UserPoolId: pool,
    ClientName: name,
    GenerateSecret: false,
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: callbacks,
    LogoutURLs: [`https://app${i}.example.com/signed-out`],
    SupportedIdentityProviders: ['COGNITO'],
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
    AccessTokenValidity: 60,
    IdTokenValidity: 60,
    RefreshTokenValidity: 30,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  });
  const m2m = (scopes, secret) => ({
    UserPoolId: pool,
    ClientName: name,
    GenerateSecret: secret,
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthScopes: scopes,
    SupportedIdentityProviders: [],
    AccessTokenValidity: 1,
    TokenValidityUnits: { AccessToken: 'hours' },
    PreventUserExistenceErrors: 'ENABLED',
  });
  switch (kind) {
    case 'spa': return spa([`https://app${i}.example.com/callback`, 'http://localhost:3000/callback']);
    case 'spa-sub': return spa([{ 'Fn::Sub': 'https://${AppDomain}/callback' }, `https://app${i}.example.com/cb`]);
    case 'spa-if': return {
      ...spa([{ 'Fn::If': ['IsProd', `https://app${i}.example.com/cb`, 'http://localhost:8080/cb'] }]),
      ClientName: { 'Fn::Sub': `\${AWS::StackName}-client-${i}` },
    };
    case 'mobile': return { ...spa([`myapp${i}://callback`]), ReadAttributes: ['email', 'custom:tenant'], WriteAttributes: ['email'] };
    case 'm2m': return m2m([`${api}/read`, `${api}/write`], true);
    case 'server': return {
      UserPoolId: pool,
      ClientName: name,
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', `${api}/read`],
      CallbackURLs: [`https://portal${i}.example.com/oauth/callback`],
      SupportedIdentityProviders: ['COGNITO'],
      AuthSessionValidity: 5,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    };
    case 'imported-pool': return { ...spa([`https://ext${i}.example.com/cb`]), UserPoolId: { 'Fn::ImportValue': 'shared-user-pool-id' } };
    // Broken on purpose: each one trips at least one rule.
    case 'bad-http-callback': return spa([`http://app${i}.example.com/callback`]);
    case 'bad-fragment': return spa([`https://app${i}.example.com/callback#done`]);
    case 'bad-credentials-no-secret': return m2m([`${api}/read`], false);
    case 'bad-unknown-scope': return m2m([`${api}/delete`, 'https://nowhere.example.com/read'], true);
    case 'bad-token-validity': return { ...spa([`https://app${i}.example.com/cb`]), AccessTokenValidity: 2, RefreshTokenValidity: 0 };
    case 'bad-implicit-admin': return {
      ...spa([`https://app${i}.example.com/cb`]),
      AllowedOAuthFlows: ['implicit'],
      AllowedOAuthScopes: ['openid', 'aws.cognito.signin.user.admin'],
    };
    default: throw new Error(`unknown kind ${kind}`);
  }
}

/** Short-form tag for a long-form intrinsic with a scalar argument, or undefined. */
function shortForm(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const [key] = keys;
  const arg = value[key];
  if (key === 'Ref' && typeof arg === 'string') return `!Ref ${arg}`;
  if (key === 'Fn::GetAtt' && Array.isArray(arg) && arg.length === 2) return `!GetAtt ${arg[0]}.${arg[1]}`;
  if (key === 'Fn::Sub' && typeof arg === 'string') return `!Sub ${JSON.stringify(arg)}`;
  if (key === 'Fn::ImportValue' && typeof arg === 'string') return `!ImportValue ${arg}`;
  if ((key === 'Fn::If' || key === 'Fn::Equals') && Array.isArray(arg)) {
    return `!${key.slice(4)} [${arg.map((item) => shortForm(item) ?? JSON.stringify(item)).join(', ')}]`;
  }
  return undefined;
}

/** YAML text of a template, with CloudFormation's short-form tags where a person would write them. */
function toYaml(template) {
  const plain = /^[A-Za-z][A-Za-z0-9 _./-]*$/;
  const reserved = /^(true|false|null|yes|no|on|off|y|n)$/i;
  const scalar = (v) => (typeof v === 'string' ? (plain.test(v) && !reserved.test(v) ? v : JSON.stringify(v)) : String(v));
  const isBlock = (v) => v !== null && typeof v === 'object' && shortForm(v) === undefined
    && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
  const inline = (v) => {
    const tag = shortForm(v);
    if (tag !== undefined) return tag;
    if (Array.isArray(v)) return '[]';
    if (v !== null && typeof v === 'object') return '{}';
    return scalar(v);
  };
  const block = (out, value, indent) => {
    const pad = ' '.repeat(indent);
    if (Array.isArray(value)) {
      for (const item of value) {
        if (!isBlock(item)) { out.push(`${pad}- ${inline(item)}`); continue; }
        const sub = [];
        block(sub, item, indent + 2);
        sub[0] = `${pad}- ${sub[0].slice(indent + 2)}`;
        out.push(...sub);
      }
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      if (isBlock(v)) {
        out.push(`${pad}${key}:`);
        block(out, v, indent + 2);
      } else {
        out.push(`${pad}${key}: ${inline(v)}`);
      }
    }
  };
  const lines = [];
  block(lines, template, 0);
  return `${lines.join('\n')}\n`;
}

/**
 * One template holding every resource of `templates`, each one's logical IDs prefixed with its `prefixes` entry
 * (`Ref`, `Fn::GetAtt` and `${...}` in `Fn::Sub` follow the rename). Parameters and conditions are shared, so the
 * templates must agree on them (makeTemplate's always do). The merged template has the same pools, resource servers
 * and clients as the separate ones: linting it is the same work without one file per stack.
 */
function mergeTemplates(templates, prefixes) {
  const merged = { ...templates[0], Description: `Benchmark template: ${templates.length} templates in one`, Resources: {}, Outputs: {} };
  templates.forEach((template, k) => {
    const renamed = new Map(Object.keys(template.Resources).map((id) => [id, `${prefixes[k]}${id}`]));
    const rewrite = (value) => renameReferences(value, renamed);
    for (const [id, resource] of Object.entries(template.Resources)) merged.Resources[renamed.get(id)] = rewrite(resource);
    for (const [id, output] of Object.entries(template.Outputs ?? {})) merged.Outputs[`${prefixes[k]}${id}`] = rewrite(output);
  });
  return merged;
}

function renameReferences(value, renamed) {
  if (Array.isArray(value)) return value.map((item) => renameReferences(item, renamed));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref' && renamed.has(value.Ref)) return { Ref: renamed.get(value.Ref) };
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt' && renamed.has(value['Fn::GetAtt'][0])) {
    return { 'Fn::GetAtt': [renamed.get(value['Fn::GetAtt'][0]), ...value['Fn::GetAtt'].slice(1)] };
  }
  if (keys.length === 1 && keys[0] === 'Fn::Sub' && typeof value['Fn::Sub'] === 'string') {
    return { 'Fn::Sub': value['Fn::Sub'].replace(/\$\{([^}.!]+)([^}]*)\}/g, (all, id, rest) => (renamed.has(id) ? `\${${renamed.get(id)}${rest}}` : all)) };
  }
  return Object.fromEntries(keys.map((key) => [key, renameReferences(value[key], renamed)]));
}

module.exports = { makeTemplate, mergeTemplates, toYaml, resourceServerCount, KINDS };
