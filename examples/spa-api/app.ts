/**
 * A browser single-page app (React, Vue, Angular...) that signs users in with the authorization code flow and PKCE
 * on the hosted domain, and calls a REST API behind an API Gateway Cognito authorizer with the access token.
 *
 * Synthesize: `npx cdk synth --app "npx ts-node --prefer-ts-exts examples/spa-api/app.ts"`
 */
import { App, CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { HostedDomain, PublicSpaClient } from '../../src';

export class SpaApiStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const userPool = new cognito.UserPool(this, 'Users', {
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      signInAliases: { email: true },
    });
    // The API's own scope: the authorizer asks for it, so only access tokens issued for this API get in.
    const readOrders = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read orders' });
    const ordersApi = userPool.addResourceServer('OrdersApi', { identifier: 'orders', scopes: [readOrders] });
    const domain = new HostedDomain(this, 'Domain', { userPool, prefix: 'orders-spa-example' });

    // No secret, code grant only: the SPA sends a PKCE code_challenge (S256) on every sign-in.
    const web = new PublicSpaClient(this, 'WebApp', {
      userPool,
      callbackUrls: ['https://orders.example.com/callback', 'http://localhost:5173/callback'],
      logoutUrls: ['https://orders.example.com/', 'http://localhost:5173/'],
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.resourceServer(ordersApi, readOrders)],
      // Users may change their email, nothing else (custom attributes your backend trusts stay read-only).
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });

    const listOrders = new lambda.Function(this, 'ListOrders', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      // The authorizer has verified the token; its claims arrive with the request.
      code: lambda.Code.fromInline(
        'exports.handler = async (event) => ({ statusCode: 200, headers: { "content-type": "application/json" }, '
        + 'body: JSON.stringify({ orders: [], user: event.requestContext.authorizer.claims.sub }) });'),
    });
    const api = new apigateway.RestApi(this, 'Api', {
      defaultCorsPreflightOptions: {
        allowOrigins: ['https://orders.example.com', 'http://localhost:5173'],
        allowHeaders: ['Authorization', 'Content-Type'],
      },
    });
    const authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [userPool] });
    api.root.addResource('orders').addMethod('GET', new apigateway.LambdaIntegration(listOrders), {
      authorizer,
      authorizationType: apigateway.AuthorizationType.COGNITO,
      // With scopes the authorizer takes access tokens (not ID tokens) that carry orders/read.
      authorizationScopes: ['orders/read'],
    });

    // What the SPA's OIDC library (oidc-client-ts, Amplify, AppAuth) is configured with; it does PKCE itself.
    new CfnOutput(this, 'Authority', { value: domain.issuer });
    new CfnOutput(this, 'ClientId', { value: web.userPoolClientId });
    new CfnOutput(this, 'RedirectUri', { value: 'https://orders.example.com/callback' });
    new CfnOutput(this, 'Scope', { value: 'openid email orders/read' });
    new CfnOutput(this, 'LogoutUrl', { value: domain.logoutUrl(web, { logoutUri: 'https://orders.example.com/' }) });
    new CfnOutput(this, 'ApiUrl', { value: api.urlForPath('/orders') });
  }
}

if (require.main === module) {
  const app = new App();
  new SpaApiStack(app, 'SpaApi', { env: { region: 'eu-west-1' } });
  app.synth();
}
