import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { forSnapshot, lintDirectory, tempDir } from './helpers';
import { SpaApiStack } from '../../examples/spa-api/app';

describe('example: SPA behind an API Gateway Cognito authorizer', () => {
  const outdir = tempDir('example-spa-api-');
  const app = new App({ outdir });
  const stack = new SpaApiStack(app, 'SpaApi', { env: { region: 'eu-west-1' } });
  app.synth();
  const template = Template.fromStack(stack);

  test('synthesizes and the linter finds nothing', async () => {
    const { code, findings } = await lintDirectory(outdir);
    expect([code, findings]).toEqual([0, []]);
  });

  test('the browser client is public and code-grant only, with its callback and logout URLs', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      // orders/read, written with a reference to the resource server so the client is created after it
      AllowedOAuthScopes: ['openid', 'email', { 'Fn::Join': ['', [{ Ref: 'UsersOrdersApi7B29FB31' }, '/read']] }],
      CallbackURLs: ['https://orders.example.com/callback', 'http://localhost:5173/callback'],
      WriteAttributes: ['email'],
      LogoutURLs: ['https://orders.example.com/', 'http://localhost:5173/'],
    });
  });

  test('GET /orders needs an access token with orders/read from the pool', () => {
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      ProviderARNs: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Users'), 'Arn'] }],
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      AuthorizationType: 'COGNITO_USER_POOLS',
      AuthorizationScopes: ['orders/read'],
    });
  });

  test('outputs what the SPA is configured with, the logout URL on the hosted domain included', () => {
    const outputs = template.toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(['ApiEndpoint4F160690', 'Authority', 'ClientId', 'RedirectUri', 'Scope', 'LogoutUrl', 'ApiUrl']);
    expect(JSON.stringify(outputs.LogoutUrl.Value)).toContain('https://orders-spa-example.auth.eu-west-1.amazoncognito.com/logout?client_id=');
    expect(JSON.stringify(outputs.LogoutUrl.Value)).toContain('&logout_uri=https%3A%2F%2Forders.example.com%2F');
  });

  test('template snapshot', () => {
    expect(forSnapshot(template.toJSON())).toMatchSnapshot();
  });
});
