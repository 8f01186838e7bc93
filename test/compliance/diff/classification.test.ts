import { brief, diffFiles } from './helpers';
import { CognitoClientLinter } from '../../../src';

// Issue 13: every class of change, one before/after pair per row. The expected rows name kinds, logical ids,
// properties and rule ids (never the engine's message texts, whose wording changes independently).

const POOL = 'AWS::Cognito::UserPool';
const CLIENT = 'AWS::Cognito::UserPoolClient';
const DOMAIN = 'AWS::Cognito::UserPoolDomain';
const SERVER = 'AWS::Cognito::UserPoolResourceServer';
const UI = 'AWS::Cognito::UserPoolUICustomizationAttachment';

type Props = Record<string, unknown>;

/** A browser client with every setting written and no finding of the engine (checked below). */
const CLEAN_CLIENT: Props = {
  UserPoolId: { Ref: 'Pool' },
  ClientName: 'web',
  GenerateSecret: false,
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid', 'email'],
  CallbackURLs: ['https://app.example.com/callback'],
  LogoutURLs: ['https://app.example.com/'],
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  PreventUserExistenceErrors: 'ENABLED',
  EnableTokenRevocation: true,
  AccessTokenValidity: 60,
  IdTokenValidity: 60,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  WriteAttributes: ['email'],
  ReadAttributes: ['email'],
};

/** A pool (and a second one), a resource server, a prefix domain and the clean client `Web`, changed by `change`. */
function template(change: (resources: Record<string, { Type: string; Properties?: Props; DependsOn?: unknown }>) => void = () => {}): object {
  const resources: Record<string, { Type: string; Properties?: Props; DependsOn?: unknown }> = {
    Pool: { Type: POOL, Properties: {} },
    OtherPool: { Type: POOL, Properties: {} },
    Orders: {
      Type: SERVER,
      Properties: {
        UserPoolId: { Ref: 'Pool' },
        Identifier: 'orders',
        Name: 'Orders',
        Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }, { ScopeName: 'write', ScopeDescription: 'Write' }],
      },
    },
    Domain: { Type: DOMAIN, Properties: { UserPoolId: { Ref: 'Pool' }, Domain: 'orders-login' } },
    Web: { Type: CLIENT, Properties: structuredClone(CLEAN_CLIENT) },
  };
  change(resources);
  return { Resources: resources };
}

/** `template()` with properties of `Web` set (undefined deletes one). */
function web(props: Props): object {
  return template((resources) => {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined) delete resources.Web.Properties![key];
      else resources.Web.Properties![key] = value;
    }
  });
}

type Expected = Array<[string, string, string, string | null]>;

interface Row {
  readonly title: string;
  readonly before: object;
  readonly after: object;
  readonly expected: Expected;
  /** Name of the after file, when the stack name matters (production stacks). */
  readonly afterName?: string;
}

const ROWS: Row[] = [
  // ---- replacement: create-only properties and renames ----
  {
    title: 'GenerateSecret false -> true replaces the client (and adds a secret)',
    before: web({}),
    after: web({ GenerateSecret: true }),
    expected: [['replacement', 'Web', 'GenerateSecret', null], ['improvement', 'Web', 'GenerateSecret', null]],
  },
  {
    title: 'GenerateSecret true -> false replaces the client and removes its secret',
    before: web({ GenerateSecret: true }),
    after: web({ GenerateSecret: false }),
    expected: [['replacement', 'Web', 'GenerateSecret', null], ['regression', 'Web', 'GenerateSecret', null]],
  },
  {
    title: 'a client moved to another pool is replaced',
    before: web({}),
    after: web({ UserPoolId: { Ref: 'OtherPool' } }),
    expected: [['replacement', 'Web', 'UserPoolId', null]],
  },
  {
    title: 'a new domain prefix replaces the domain',
    before: template(),
    after: template((r) => { r.Domain.Properties!.Domain = 'orders-signin'; }),
    expected: [['replacement', 'Domain', 'Domain', null]],
  },
  {
    title: 'a domain moved to another pool is replaced',
    before: template(),
    after: template((r) => { r.Domain.Properties!.UserPoolId = { Ref: 'OtherPool' }; }),
    expected: [['replacement', 'Domain', 'UserPoolId', null]],
  },
  {
    title: 'a new resource server identifier replaces it (its scopes are renamed)',
    before: template(),
    after: template((r) => { r.Orders.Properties!.Identifier = 'orders-v2'; }),
    expected: [['replacement', 'Orders', 'Identifier', null]],
  },
  {
    title: 'a resource server moved to another pool is replaced',
    before: template(),
    after: template((r) => { r.Orders.Properties!.UserPoolId = { Ref: 'OtherPool' }; }),
    expected: [['replacement', 'Orders', 'UserPoolId', null]],
  },
  {
    title: 'a UI customization attached to another client is replaced',
    before: template((r) => { r.Ui = { Type: UI, Properties: { UserPoolId: { Ref: 'Pool' }, ClientId: { Ref: 'Web' }, CSS: '.banner{}' } }; }),
    after: template((r) => { r.Ui = { Type: UI, Properties: { UserPoolId: { Ref: 'Pool' }, ClientId: { Ref: 'Other' }, CSS: '.banner{}' } }; }),
    expected: [['replacement', 'Ui', 'ClientId', null]],
  },
  {
    title: 'a renamed client (logical id) is a replacement',
    before: template(),
    after: template((r) => { r.WebRenamed = r.Web; delete (r as Record<string, unknown>).Web; }),
    expected: [['replacement', 'WebRenamed', '(logical id)', null]],
  },
  {
    title: 'a renamed domain is a replacement',
    before: template(),
    after: template((r) => { r.HostedDomain = r.Domain; delete (r as Record<string, unknown>).Domain; }),
    expected: [['replacement', 'HostedDomain', '(logical id)', null]],
  },
  {
    title: 'a renamed client that also gains an http callback: the rename and the regression',
    before: template(),
    after: template((r) => {
      r.WebRenamed = { Type: CLIENT, Properties: { ...CLEAN_CLIENT, CallbackURLs: ['https://app.example.com/callback', 'http://app.example.com/callback'] } };
      delete (r as Record<string, unknown>).Web;
    }),
    expected: [['replacement', 'WebRenamed', '(logical id)', null], ['regression', 'WebRenamed', 'CallbackURLs', 'client-redirect-url-https']],
  },

  // ---- regression: values moving in the unsafe direction, new findings ----
  {
    title: 'the implicit grant added',
    before: web({}),
    after: web({ AllowedOAuthFlows: ['code', 'implicit'] }),
    expected: [['regression', 'Web', 'AllowedOAuthFlows', 'client-implicit-grant']],
  },
  {
    title: 'code swapped for implicit (a riskier flow, same count)',
    before: web({}),
    after: web({ AllowedOAuthFlows: ['implicit'] }),
    expected: [['regression', 'Web', 'AllowedOAuthFlows', 'client-implicit-grant']],
  },
  {
    title: 'one more scope',
    before: web({}),
    after: web({ AllowedOAuthScopes: ['openid', 'email', 'profile'] }),
    expected: [['regression', 'Web', 'AllowedOAuthScopes', null]],
  },
  {
    title: 'the admin scope on a public client',
    before: web({}),
    after: web({ AllowedOAuthScopes: ['openid', 'email', 'aws.cognito.signin.user.admin'] }),
    expected: [['regression', 'Web', 'AllowedOAuthScopes', 'client-admin-scope-public-client']],
  },
  {
    title: 'a plaintext-password auth flow added',
    before: web({}),
    after: web({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH'] }),
    expected: [['regression', 'Web', 'ExplicitAuthFlows', 'client-password-auth-flows']],
  },
  {
    title: 'ExplicitAuthFlows removed: Cognito\'s default set adds ALLOW_CUSTOM_AUTH',
    before: web({}),
    after: web({ ExplicitAuthFlows: undefined }),
    expected: [['regression', 'Web', 'ExplicitAuthFlows', null]],
  },
  {
    title: 'one more https callback URL',
    before: web({}),
    after: web({ CallbackURLs: ['https://app.example.com/callback', 'https://staging.example.com/callback'] }),
    expected: [['regression', 'Web', 'CallbackURLs', null]],
  },
  {
    title: 'an https callback swapped for localhost in a production stack',
    before: web({}),
    after: web({ CallbackURLs: ['http://localhost:3000/callback'] }),
    afterName: 'orders-prod.json',
    expected: [['regression', 'Web', 'CallbackURLs', null]],
  },
  {
    title: 'a wildcard sign-out URL added',
    before: web({}),
    after: web({ LogoutURLs: ['https://app.example.com/', 'https://*.example.com/'] }),
    expected: [['regression', 'Web', 'LogoutURLs', null]],
  },
  {
    title: 'access token 60 minutes -> 2 hours (units normalised)',
    before: web({}),
    after: web({ AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'hours', IdToken: 'minutes', RefreshToken: 'days' } }),
    expected: [['regression', 'Web', 'AccessTokenValidity', 'client-long-token-lifetimes']],
  },
  {
    title: 'refresh token 30 -> 60 days',
    before: web({}),
    after: web({ RefreshTokenValidity: 60 }),
    expected: [['regression', 'Web', 'RefreshTokenValidity', 'client-long-token-lifetimes']],
  },
  {
    title: 'ID token 60 minutes -> 2 with the unit removed (default hours: 2 hours)',
    before: web({}),
    after: web({ IdTokenValidity: 2, TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'days' } }),
    expected: [['regression', 'Web', 'IdTokenValidity', 'client-long-token-lifetimes']],
  },
  {
    title: 'PreventUserExistenceErrors ENABLED -> LEGACY',
    before: web({}),
    after: web({ PreventUserExistenceErrors: 'LEGACY' }),
    expected: [['regression', 'Web', 'PreventUserExistenceErrors', 'client-user-existence-errors-legacy']],
  },
  {
    title: 'PreventUserExistenceErrors ENABLED -> omitted (Cognito\'s LEGACY)',
    before: web({}),
    after: web({ PreventUserExistenceErrors: undefined }),
    expected: [['regression', 'Web', 'PreventUserExistenceErrors', 'client-user-existence-errors-legacy']],
  },
  {
    title: 'token revocation switched off',
    before: web({}),
    after: web({ EnableTokenRevocation: false }),
    expected: [['regression', 'Web', 'EnableTokenRevocation', 'client-token-revocation-disabled']],
  },
  {
    title: 'one more writable attribute',
    before: web({}),
    after: web({ WriteAttributes: ['email', 'name'] }),
    expected: [['regression', 'Web', 'WriteAttributes', null]],
  },
  {
    title: 'WriteAttributes removed: every attribute writable',
    before: web({}),
    after: web({ WriteAttributes: undefined }),
    expected: [['regression', 'Web', 'WriteAttributes', 'client-write-attributes-unrestricted']],
  },
  {
    title: 'a longer sign-in session (AuthSessionValidity 3 -> 15 minutes)',
    before: web({ AuthSessionValidity: 3 }),
    after: web({ AuthSessionValidity: 15 }),
    expected: [['regression', 'Web', 'AuthSessionValidity', null]],
  },
  {
    title: 'OAuth switched on for a client that had it off',
    before: web({
      AllowedOAuthFlowsUserPoolClient: false,
      AllowedOAuthFlows: undefined,
      AllowedOAuthScopes: undefined,
      CallbackURLs: undefined,
      LogoutURLs: undefined,
    }),
    after: web({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: undefined, LogoutURLs: undefined }),
    expected: [
      ['regression', 'Web', 'AllowedOAuthFlowsUserPoolClient', null],
      ['regression', 'Web', 'AllowedOAuthFlows', null],
      ['regression', 'Web', 'AllowedOAuthScopes', null],
      // The engine's new finding is on the missing property, so it is an entry of its own.
      ['regression', 'Web', 'CallbackURLs', 'client-callback-urls-required'],
    ],
  },
  {
    title: 'a scope removed from the resource server while a client still asks for it: a new finding on the unchanged client',
    before: template((r) => { r.Web.Properties!.AllowedOAuthScopes = ['openid', 'orders/write']; r.Web.DependsOn = 'Orders'; }),
    after: template((r) => {
      r.Web.Properties!.AllowedOAuthScopes = ['openid', 'orders/write'];
      r.Web.DependsOn = 'Orders';
      r.Orders.Properties!.Scopes = [{ ScopeName: 'read', ScopeDescription: 'Read' }];
    }),
    expected: [['regression', 'Web', 'AllowedOAuthScopes[1]', 'client-oauth-scopes-exist'], ['change', 'Orders', 'Scopes', null]],
  },
  {
    title: 'a new client with a plain-http callback: the addition and its findings',
    before: template(),
    after: template((r) => { r.Api = { Type: CLIENT, Properties: { ...CLEAN_CLIENT, CallbackURLs: ['http://api.example.com/cb'] } }; }),
    expected: [['regression', 'Api', 'CallbackURLs[0]', 'client-redirect-url-https'], ['change', 'Api', '(logical id)', null]],
  },

  // ---- improvement: the reverse ----
  {
    title: 'the implicit grant removed',
    before: web({ AllowedOAuthFlows: ['code', 'implicit'] }),
    after: web({}),
    expected: [['improvement', 'Web', 'AllowedOAuthFlows', 'client-implicit-grant']],
  },
  {
    title: 'a scope removed',
    before: web({ AllowedOAuthScopes: ['openid', 'email', 'profile'] }),
    after: web({}),
    expected: [['improvement', 'Web', 'AllowedOAuthScopes', null]],
  },
  {
    title: 'an http callback replaced by https',
    before: web({ CallbackURLs: ['http://app.example.com/callback'] }),
    after: web({}),
    expected: [['improvement', 'Web', 'CallbackURLs', 'client-redirect-url-https']],
  },
  {
    title: 'PreventUserExistenceErrors LEGACY -> ENABLED',
    before: web({ PreventUserExistenceErrors: 'LEGACY' }),
    after: web({}),
    expected: [['improvement', 'Web', 'PreventUserExistenceErrors', 'client-user-existence-errors-legacy']],
  },
  {
    title: 'token revocation switched back on',
    before: web({ EnableTokenRevocation: false }),
    after: web({}),
    expected: [['improvement', 'Web', 'EnableTokenRevocation', 'client-token-revocation-disabled']],
  },
  {
    title: 'access token 60 -> 15 minutes',
    before: web({}),
    after: web({ AccessTokenValidity: 15 }),
    expected: [['improvement', 'Web', 'AccessTokenValidity', null]],
  },
  {
    title: 'write access restricted to a list',
    before: web({ WriteAttributes: undefined }),
    after: web({}),
    expected: [['improvement', 'Web', 'WriteAttributes', 'client-write-attributes-unrestricted']],
  },

  // ---- change: anything else, and every move between unknown values ----
  {
    title: 'a new client name',
    before: web({}),
    after: web({ ClientName: 'web-app' }),
    expected: [['change', 'Web', 'ClientName', null]],
  },
  {
    title: 'callback URLs that are both unknown until deploy (Fn::Sub of a parameter)',
    before: web({ CallbackURLs: [{ 'Fn::Sub': 'https://${Host}/a' }] }),
    after: web({ CallbackURLs: [{ 'Fn::Sub': 'http://${Host}/b' }] }),
    expected: [['change', 'Web', 'CallbackURLs', null]],
  },
  {
    title: 'a scope list behind Fn::If on both sides',
    before: web({ AllowedOAuthScopes: { 'Fn::If': ['IsProd', ['openid'], ['openid', 'email']] } }),
    after: web({ AllowedOAuthScopes: { 'Fn::If': ['IsProd', ['openid', 'profile'], ['openid', 'email', 'phone']] } }),
    expected: [['change', 'Web', 'AllowedOAuthScopes', null]],
  },
  {
    title: 'a token lifetime from one parameter to another',
    before: web({ AccessTokenValidity: { Ref: 'ShortLife' } }),
    after: web({ AccessTokenValidity: { Ref: 'LongLife' } }),
    expected: [['change', 'Web', 'AccessTokenValidity', null]],
  },
  {
    title: 'a known setting moved behind a parameter (ENABLED -> Ref)',
    before: web({}),
    after: web({ PreventUserExistenceErrors: { Ref: 'ExistenceErrors' } }),
    expected: [['change', 'Web', 'PreventUserExistenceErrors', null]],
  },
  {
    title: 'the same scopes in another order',
    before: web({}),
    after: web({ AllowedOAuthScopes: ['email', 'openid'] }),
    expected: [['change', 'Web', 'AllowedOAuthScopes', null]],
  },
  {
    title: 'the same access token lifetime written in another unit (60 minutes -> 1 hour)',
    before: web({}),
    after: web({ AccessTokenValidity: 1, TokenValidityUnits: { AccessToken: 'hours', IdToken: 'minutes', RefreshToken: 'days' } }),
    expected: [['change', 'Web', 'AccessTokenValidity', null]],
  },
  {
    title: 'one https callback swapped for another',
    before: web({}),
    after: web({ CallbackURLs: ['https://app.example.org/callback'] }),
    expected: [['change', 'Web', 'CallbackURLs', null]],
  },
  {
    title: 'managed login version 1 -> 2 on the domain',
    before: template((r) => { r.Domain.Properties!.ManagedLoginVersion = 1; }),
    after: template((r) => { r.Domain.Properties!.ManagedLoginVersion = 2; }),
    expected: [['change', 'Domain', 'ManagedLoginVersion', null]],
  },
  {
    title: 'a resource server renamed (Name only)',
    before: template(),
    after: template((r) => { r.Orders.Properties!.Name = 'Orders API'; }),
    expected: [['change', 'Orders', 'Name', null]],
  },
  {
    title: 'a client removed',
    before: template((r) => { r.Legacy = { Type: CLIENT, Properties: { ...CLEAN_CLIENT, UserPoolId: { Ref: 'OtherPool' }, AllowedOAuthFlows: ['implicit'] } }; }),
    after: template(),
    expected: [['change', 'Legacy', '(logical id)', null]],
  },
  {
    title: 'nothing changed (other resources may: the pool is not compared)',
    before: template(),
    after: template((r) => { r.Pool.Properties = { UserPoolName: 'renamed' }; }),
    expected: [],
  },
];

test('the clean client has no finding, so each row\'s findings come from its change', () => {
  expect(CognitoClientLinter.lintTemplate(template())).toEqual([]);
});

test('the table covers every class with at least 30 pairs', () => {
  const kinds = new Set(ROWS.flatMap((row) => row.expected.map(([kind]) => kind)));
  expect([...kinds].sort()).toEqual(['change', 'improvement', 'regression', 'replacement']);
  expect(ROWS.length).toBeGreaterThanOrEqual(30);
});

test.each(ROWS.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
  const result = await diffFiles({ before: row.before, after: row.after, afterName: row.afterName });
  expect(result.stderr).toBe('');
  expect(brief(result.json!)).toEqual(row.expected);
  // Exit code: the default --fail-on is replacement and regression.
  const fails = row.expected.some(([kind]) => kind === 'replacement' || kind === 'regression');
  expect(result.code).toBe(fails ? 1 : 0);
});
