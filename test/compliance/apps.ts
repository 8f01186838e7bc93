import * as fs from 'fs';
import * as path from 'path';
import { App, AppProps, Stack, StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export const SECRET_RULE = 'client-credentials-requires-secret';
export const SCOPES_RULE = 'client-oauth-scopes-exist';
/** The only rules these tests rely on: both are deploy errors. */
export const RELIED_RULES = [SECRET_RULE, SCOPES_RULE];

/** An App whose failed policy validation throws an error that contains the report text. */
export function testApp(props: AppProps = {}): App {
  return new App({ ...props, context: { '@aws-cdk/core:appMode': 'inmemory', ...props.context } });
}

/**
 * A user pool with resource server `api` (scope `read`) and four clients:
 * - `UnsafeM2M`: L2 UserPoolClient with client_credentials and no secret (the L2 accepts it, Cognito does not),
 * - `BadScopeL1`: L1 CfnUserPoolClient asking for `api/write`, which no resource server defines,
 * - `SafeM2M`: L2 client with a secret and a defined scope,
 * - `SafeL1`: L1 code-flow client with standard scopes.
 */
export class CognitoStack extends Stack {
  public readonly pool: cognito.UserPool;
  public readonly unsafeM2M: cognito.UserPoolClient;
  public readonly badScopeL1: cognito.CfnUserPoolClient;
  public readonly safeM2M: cognito.UserPoolClient;
  public readonly safeL1: cognito.CfnUserPoolClient;

  constructor(scope: Construct, id: string, props: StackProps & { readonly compliantOnly?: boolean } = {}) {
    super(scope, id, props);
    this.pool = new cognito.UserPool(this, 'Pool');
    const read = { scopeName: 'read', scopeDescription: 'read the API' };
    const server = this.pool.addResourceServer('Api', { identifier: 'api', scopes: [read] });
    const readScope = cognito.OAuthScope.resourceServer(server, read);

    this.safeM2M = this.pool.addClient('SafeM2M', {
      generateSecret: true,
      oAuth: { flows: { clientCredentials: true }, scopes: [readScope] },
    });
    this.safeL1 = new cognito.CfnUserPoolClient(this, 'SafeL1', {
      userPoolId: this.pool.userPoolId,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['code'],
      allowedOAuthScopes: ['openid', 'email'],
      callbackUrLs: ['https://app.example.com/callback'],
    });
    if (props.compliantOnly) return;

    this.unsafeM2M = this.pool.addClient('UnsafeM2M', {
      oAuth: { flows: { clientCredentials: true }, scopes: [readScope] },
    });
    this.badScopeL1 = new cognito.CfnUserPoolClient(this, 'BadScopeL1', {
      userPoolId: this.pool.userPoolId,
      generateSecret: true,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['client_credentials'],
      allowedOAuthScopes: ['api/write'],
    });
    this.badScopeL1.node.addDependency(server);
  }

  /** The resolved logical id of a resource of this stack. */
  public logicalIdOf(resource: cognito.CfnUserPoolClient | cognito.UserPoolClient): string {
    const cfn = resource instanceof cognito.UserPoolClient ? resource.node.defaultChild as cognito.CfnUserPoolClient : resource;
    return this.resolve(cfn.logicalId);
  }
}

/** The JSON validation report CDK writes into the cloud assembly. */
export function validationReport(app: App): any {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf-8'));
}

/** Our plugin's report in the validation report. */
export function pluginReport(app: App): any {
  return validationReport(app).pluginReports.find((r: any) => r.pluginName === 'cdk-cognito-clients');
}

/** `ruleName @ constructPath (logicalId)` of each violation of the relied-on rules, sorted. */
export function violationKeys(violations: any[] | undefined, rules: string[] = RELIED_RULES): string[] {
  return (violations ?? [])
    .filter((v) => rules.includes(v.ruleName))
    .flatMap((v) => v.violatingConstructs.map((c: any) => `${v.ruleName} @ ${c.constructPath} (${c.cloudFormationResource?.logicalId})`))
    .sort();
}

/** Runs `app.synth()` and returns the error it throws, or undefined. */
export function synthError(app: App): Error | undefined {
  try {
    app.synth();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
