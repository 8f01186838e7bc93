/**
 * Example app: a user pool with a resource server, a browser app client, a machine-to-machine client and a hosted
 * domain, plus a stack with aws-cdk-lib's own UserPoolClient (unsafe defaults) to show what the linter reports.
 *
 * Synthesize and lint it with `npm run example` (see README, Quick start).
 */
import { App, CfnOutput, Duration, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CognitoClientChecks, HostedDomain, M2MClient, PublicSpaClient } from '../src';

class IdentityStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    const userPool = new cognito.UserPool(this, 'Users', {
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
    });
    const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read orders' });
    const write = new cognito.ResourceServerScope({ scopeName: 'write', scopeDescription: 'Create and change orders' });
    const orders = userPool.addResourceServer('OrdersApi', { identifier: 'orders', scopes: [read, write] });

    const domain = new HostedDomain(this, 'Domain', {
      userPool,
      prefix: 'orders-demo-login',
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    const web = new PublicSpaClient(this, 'WebApp', {
      userPool,
      callbackUrls: ['https://orders.example.com/callback', 'http://localhost:5173/callback'],
      logoutUrls: ['https://orders.example.com/', 'http://localhost:5173/'],
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.resourceServer(orders, read)],
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });

    const reporting = new M2MClient(this, 'ReportingService', {
      userPool,
      domain,
      scopes: [cognito.OAuthScope.resourceServer(orders, read)],
      secretRotation: { schedule: Duration.days(30) },
      verifyOnDeploy: true,
    });
    // The service reads { clientId, clientSecret, tokenEndpoint, ... } from Secrets Manager at run time.
    const reportingRole = new iam.Role(this, 'ReportingServiceRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    reporting.secret.grantRead(reportingRole);

    const outputs: Record<string, string> = {
      Issuer: domain.issuer,
      OpenIdConfiguration: domain.openIdConfigurationUrl,
      Jwks: domain.jwksUri,
      AuthorizeEndpoint: domain.authorizeEndpoint,
      TokenEndpoint: domain.tokenEndpoint,
      UserInfoEndpoint: domain.userInfoEndpoint,
      RevokeEndpoint: domain.revokeEndpoint,
      LogoutUrl: domain.logoutUrl(web, { logoutUri: 'https://orders.example.com/' }),
      WebAppClientId: web.userPoolClientId,
      ReportingClientId: reporting.userPoolClientId,
      ReportingSecretArn: reporting.secret.writtenSecretArn,
    };
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
  }
}

/** What many apps have today: aws-cdk-lib's UserPoolClient with its defaults (implicit grant, every scope). */
class LegacyStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const userPool = new cognito.UserPool(this, 'Users');
    userPool.addClient('LegacyWeb', { oAuth: { callbackUrls: ['https://legacy.example.com/callback'] } });
  }
}

const app = new App();
// Compliance review of every Cognito client of the app (ours, L2 and L1): errors fail the synth.
Validations.of(app).addPlugins(new CognitoClientChecks());
const env = { region: 'us-east-1' };
new IdentityStack(app, 'OrdersIdentity', { env });
new LegacyStack(app, 'LegacyIdentity', { env });
app.synth();
