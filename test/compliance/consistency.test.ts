import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, CfnParameter, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoStack, pluginReport, testApp } from './apps';
import { CognitoClientAspect, CognitoClientChecks, CognitoClientLinter } from '../../src';

beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

/** A stack of many mistakes across clients, a domain, a resource server and a UI customization, in a known region. */
class KitchenSinkStack extends Stack {
  constructor(scope: App, id: string) {
    super(scope, id, { env: { region: 'eu-west-1' } });
    const pool = new cognito.UserPool(this, 'Pool');
    const server = pool.addResourceServer('Api', {
      identifier: 'api',
      scopes: [{ scopeName: 'read', scopeDescription: 'r' }, { scopeName: 'read', scopeDescription: 'again' }],
    });
    new cognito.CfnUserPoolClient(this, 'Web', {
      userPoolId: pool.userPoolId,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['code', 'implicit'],
      allowedOAuthScopes: ['email', 'api/read', 'api/none'],
      callbackUrLs: ['http://app.example.com/cb', 'https://app.example.com/cb#frag', 'relative/path'],
      defaultRedirectUri: 'https://elsewhere.example.com',
      explicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      accessTokenValidity: 48,
      refreshTokenValidity: 1,
      writeAttributes: ['email_verified'],
      readAttributes: ['custom:missing'],
      supportedIdentityProviders: ['COGNITO', 'Okta'],
    });
    new cognito.CfnUserPoolClient(this, 'Machine', {
      userPoolId: pool.userPoolId,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['client_credentials', 'code'],
      allowedOAuthScopes: ['openid', 'api/read'],
      enablePropagateAdditionalUserContextData: true,
    }).node.addDependency(server);
    const domain = new cognito.CfnUserPoolDomain(this, 'Domain', { userPoolId: pool.userPoolId, domain: 'my-aws-login' });
    new cognito.CfnUserPoolUICustomizationAttachment(this, 'Ui', { userPoolId: pool.userPoolId, clientId: 'ALL', css: '.x{}' })
      .addResourceDependency(domain);
    // a token from a parameter: rules must stay silent on it in every mode
    new cognito.CfnUserPoolClient(this, 'FromParameter', {
      userPoolId: pool.userPoolId,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['client_credentials'],
      allowedOAuthScopes: ['api/read'],
      generateSecret: new CfnParameter(this, 'WantSecret', { type: 'String', allowedValues: ['true', 'false'] }).value as any,
    });
  }
}

/**
 * `ruleId logicalId` for every finding of the plugin (active, info and suppressed), of the Aspect and of
 * lintTemplate on the synthesized templates. The plugin and the Aspect each get their own app built the same way.
 */
function compare(build: (app: App) => Stack[]) {
  const pluginApp = testApp();
  Validations.of(pluginApp).addPlugins(new CognitoClientChecks());
  const pluginStacks = build(pluginApp);
  try {
    pluginApp.synth();
  } catch {
    // errors are expected; the report and the templates are written anyway
  }
  const report = pluginReport(pluginApp);
  const fromPlugin = [...report?.violations ?? [], ...report?.suppressedViolations ?? []]
    .filter((v: any) => v.ruleName !== 'acknowledgement-needs-reason')
    .flatMap((v: any) => v.violatingConstructs.map((c: any) => `${v.ruleName} ${c.cloudFormationResource.logicalId}`));
  const fromEngine = pluginStacks.flatMap((stack) => {
    const template = JSON.parse(fs.readFileSync(path.join(pluginApp.outdir, stack.templateFile), 'utf-8'));
    return CognitoClientLinter.lintTemplate(template, { region: stack.region }).map((f) => `${f.ruleId} ${f.logicalId}`);
  });

  const aspectApp = new App();
  const aspectStacks = build(aspectApp);
  Aspects.of(aspectApp).add(new CognitoClientAspect());
  const fromAspect = aspectStacks.flatMap((stack) => {
    const logicalIds = new Map(stack.node.findAll().filter(CfnResource.isCfnResource).map((r) => [`/${r.node.path}`, stack.resolve(r.logicalId)]));
    const annotations = Annotations.fromStack(stack);
    return [...annotations.findError('*', Match.anyValue()), ...annotations.findWarning('*', Match.anyValue())].flatMap((message) => {
      const rule = /\(([a-z0-9-]+), https?:\/\/[^ ]+\)( \[ack: [^\]]+\])?$/.exec(String(message.entry.data));
      return rule && logicalIds.has(message.id) ? [`${rule[1]} ${logicalIds.get(message.id)}`] : [];
    });
  });
  return { fromPlugin: fromPlugin.sort(), fromAspect: fromAspect.sort(), fromEngine: fromEngine.sort() };
}

describe('the plugin, the Aspect and lintTemplate agree', () => {
  test.each([
    ['L2 and L1 clients, unsafe and compliant', (app: App) => [new CognitoStack(app, 'Mixed')]],
    ['many mistakes across resource types, with a region', (app: App) => [new KitchenSinkStack(app, 'Sink')]],
    ['two stacks', (app: App) => [new CognitoStack(app, 'One'), new CognitoStack(app, 'Two', { compliantOnly: true })]],
  ])('%s', (_name, build) => {
    const { fromPlugin, fromAspect, fromEngine } = compare(build);
    expect(fromEngine.length).toBeGreaterThan(0);
    expect(fromPlugin).toEqual(fromEngine);
    expect(fromAspect).toEqual(fromEngine);
  });

  test('including the two deploy errors on the mixed stack', () => {
    const { fromEngine } = compare((app) => [new CognitoStack(app, 'Mixed')]);
    expect(fromEngine.filter((key) => key.startsWith('client-credentials-requires-secret ') || key.startsWith('client-oauth-scopes-exist '))).toHaveLength(2);
  });
});
