/**
 * The audit's verdict on a deployed client is the linter's verdict on the template that created it: the template's
 * pool and clients are created in cognito-local (its resource servers in the stand-in, which cognito-local lacks),
 * the pool is audited, and the rule ids per client are compared with CognitoClientLinter.lintTemplate on the
 * template, leaving out only the rules the audit never runs (template-only).
 */
import { CreateUserPoolClientCommand, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoStandIn, startCognitoStandIn } from './support/cognito-stand-in';
import { awsEnvironment } from './support/harness';
import { CognitoClientAuditor } from '../../../src/compliance/audit/auditor';
import { TEMPLATE_ONLY_RULE_IDS } from '../../../src/compliance/audit/template-only-rules';
import { CognitoClientLinter } from '../../../src/rules';
import { cognitoClient, RunningServer, startCognitoLocal } from '../../secret/support/servers';

const ref = { Ref: 'Users' };
const careful = {
  UserPoolId: ref,
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  PreventUserExistenceErrors: 'ENABLED',
  EnableTokenRevocation: true,
  ReadAttributes: ['email', 'custom:tenant'],
  WriteAttributes: ['email'],
};
const units = { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' };
const oauth = { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], CallbackURLs: ['https://app.example.com/callback'] };

/**
 * Clients that break rules and clients that do not. Settings cognito-local does not store (AuthSessionValidity,
 * RefreshTokenRotation, EnablePropagateAdditionalUserContextData) are left out, and token validities always come
 * with their units (cognito-local's unit defaults differ from Cognito's).
 */
const TEMPLATE = {
  Resources: {
    Users: {
      Type: 'AWS::Cognito::UserPool',
      Properties: {
        UserPoolName: 'equivalence',
        Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }, { Name: 'tenant', AttributeDataType: 'String', Mutable: true }],
      },
    },
    OrdersApi: {
      Type: 'AWS::Cognito::UserPoolResourceServer',
      Properties: { UserPoolId: ref, Identifier: 'orders', Name: 'Orders API', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }, { ScopeName: 'read', ScopeDescription: 'Twice' }] },
    },
    GoodSpa: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: {
        ...careful,
        ...oauth,
        ClientName: 'good-spa',
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        LogoutURLs: ['https://app.example.com/'],
        AccessTokenValidity: 15,
        IdTokenValidity: 15,
        RefreshTokenValidity: 30,
        TokenValidityUnits: units,
      },
    },
    GoodService: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: {
        ...careful,
        ClientName: 'good-service',
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: ['orders/read'],
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      },
    },
    LegacyImplicit: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: {
        UserPoolId: ref,
        ClientName: 'legacy',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['implicit', 'code'],
        AllowedOAuthScopes: ['openid'],
        CallbackURLs: ['http://legacy.example.com/cb', 'https://legacy.example.com/#/cb'],
        PreventUserExistenceErrors: 'LEGACY',
        EnableTokenRevocation: false,
      },
    },
    PasswordFlows: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: { UserPoolId: ref, ClientName: 'passwords', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH'] },
    },
    ServiceWithUserScopes: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: {
        ...careful,
        ClientName: 'service-user-scopes',
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: ['orders/read', 'openid', 'orders/missing', 'profile'],
      },
    },
    ScopesAndUrls: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: {
        ...careful,
        ...oauth,
        ClientName: 'scopes and urls',
        AllowedOAuthScopes: ['phone', 'aws.cognito.signin.user.admin', 'bad scope'],
        DefaultRedirectURI: 'https://elsewhere.example.com/cb',
        LogoutURLs: ['javascript:alert(1)'],
        SupportedIdentityProviders: ['COGNITO', 'Missing'],
      },
    },
    Attributes: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: { ...careful, ClientName: 'attributes', ReadAttributes: ['email', 'custom:nope'], WriteAttributes: ['email_verified', 'custom:tenant', 'sub'] },
    },
    Lifetimes: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: {
        ...careful,
        ClientName: 'lifetimes',
        AccessTokenValidity: 2,
        IdTokenValidity: 48,
        RefreshTokenValidity: 3650,
        TokenValidityUnits: { AccessToken: 'days', IdToken: 'hours', RefreshToken: 'days' },
      },
    },
    NameAndAnalytics: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: {
        ...careful,
        ClientName: 'bad/name!',
        AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:ap-northeast-1:123456789012:apps/0123456789abcdef0123456789abcdef', RoleArn: 'arn:aws:iam::123456789012:role/pinpoint' },
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'],
      },
    },
  },
};

let cognitoLocal: RunningServer;
let standIn: CognitoStandIn;
let restoreEnv: () => void;
let userPoolId: string;
const clientIdOf: Record<string, string> = {};

beforeAll(async () => {
  cognitoLocal = await startCognitoLocal();
  standIn = await startCognitoStandIn({ upstreamPort: cognitoLocal.port });
  const cognito = cognitoClient(cognitoLocal.url);
  const { UserPoolName, Schema } = TEMPLATE.Resources.Users.Properties;
  userPoolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: UserPoolName, Schema }))).UserPool!.Id!;
  for (const [logicalId, resource] of Object.entries(TEMPLATE.Resources)) {
    const { UserPoolId: _pool, ...properties } = resource.Properties as Record<string, any>;
    if (resource.Type === 'AWS::Cognito::UserPoolResourceServer') standIn.addResourceServer(userPoolId, properties);
    if (resource.Type !== 'AWS::Cognito::UserPoolClient') continue;
    // CloudFormation's property names are the API's: the properties are the request.
    const created = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ...properties } as any));
    clientIdOf[logicalId] = created.UserPoolClient!.ClientId!;
  }
  restoreEnv = awsEnvironment({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standIn.url, AWS_REGION: 'eu-west-1' });
}, 60_000);

afterAll(async () => {
  restoreEnv?.();
  await standIn?.stop();
  await cognitoLocal?.stop();
});

test('every client: the audit finds exactly the rule ids the linter finds on the template (template-only rules aside)', async () => {
  const linted = CognitoClientLinter.lintTemplate(TEMPLATE, { region: 'eu-west-1' })
    .filter((f) => !TEMPLATE_ONLY_RULE_IDS.includes(f.ruleId));
  const audited = (await CognitoClientAuditor.audit({ userPoolIds: [userPoolId] })).findings;

  const logicalIdOf = Object.fromEntries(Object.entries(clientIdOf).map(([logicalId, clientId]) => [clientId, logicalId]));
  const fromLint: Record<string, string[]> = {};
  const fromAudit: Record<string, string[]> = {};
  for (const f of linted) (fromLint[f.logicalId] ??= []).push(`${f.ruleId} ${f.severity} ${f.property}`);
  for (const f of audited) {
    const logicalId = f.clientId ? logicalIdOf[f.clientId] : f.resourceId === 'orders' ? 'OrdersApi' : f.resourceId;
    (fromAudit[logicalId] ??= []).push(`${f.ruleId} ${f.severity} ${f.property}`);
  }
  expect(fromAudit).toEqual(fromLint);

  // The comparison is not vacuous: both clean clients are clean, every other resource has findings, many rules fire.
  expect(Object.keys(fromLint).sort()).toEqual(Object.keys(TEMPLATE.Resources).filter((id) => !['Users', 'GoodSpa', 'GoodService'].includes(id)).sort());
  expect(new Set(linted.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(20);
});
