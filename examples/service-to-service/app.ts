/**
 * One service calling another: the reporting service's Lambda gets an access token with the client_credentials grant
 * (its `M2MClient` credentials are delivered to Secrets Manager, rotated every 30 days) and calls the inventory API,
 * which an API Gateway Cognito authorizer protects with the scope inventory/read.
 *
 * Synthesize: `npx cdk synth --app "npx ts-node --prefer-ts-exts examples/service-to-service/app.ts"`
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, CfnOutput, Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { HostedDomain, M2MClient } from '../../src';

export class ServiceToServiceStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const userPool = new cognito.UserPool(this, 'Services', { featurePlan: cognito.FeaturePlan.ESSENTIALS });
    const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read stock levels' });
    const inventory = userPool.addResourceServer('InventoryApi', { identifier: 'inventory', scopes: [read] });
    const domain = new HostedDomain(this, 'Domain', { userPool, prefix: 'inventory-services-example' });

    // The called service: only tokens with inventory/read get in.
    const stockLevels = new lambda.Function(this, 'StockLevels', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ items: [] }) });'),
    });
    const api = new apigateway.RestApi(this, 'InventoryRestApi');
    api.root.addResource('stock').addMethod('GET', new apigateway.LambdaIntegration(stockLevels), {
      authorizer: new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [userPool] }),
      authorizationType: apigateway.AuthorizationType.COGNITO,
      authorizationScopes: ['inventory/read'],
    });

    // The calling service's identity: a client with a secret, allowed exactly inventory/read.
    const reporting = new M2MClient(this, 'Reporting', {
      userPool,
      domain,
      scopes: [cognito.OAuthScope.resourceServer(inventory, read)],
      secretRotation: { schedule: Duration.days(30) },
    });

    const consumer = new lambda.Function(this, 'ReportingService', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(fs.readFileSync(path.join(__dirname, 'consumer.js'), 'utf8')),
      timeout: Duration.seconds(10),
      environment: { INVENTORY_URL: api.urlForPath('/stock') },
    });
    reporting.secret.grantRead(consumer);
    // writtenSecretArn (not secretArn): the function waits until the credentials are written.
    consumer.addEnvironment('CLIENT_SECRET_ARN', reporting.secret.writtenSecretArn);

    new CfnOutput(this, 'TokenEndpoint', { value: domain.tokenEndpoint });
    new CfnOutput(this, 'ReportingClientId', { value: reporting.userPoolClientId });
  }
}

if (require.main === module) {
  const app = new App();
  new ServiceToServiceStack(app, 'ServiceToService', { env: { region: 'eu-west-1' } });
  app.synth();
}
