import { Duration, Lazy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { poolStack, synthError } from './helpers';
import { M2MClient } from '../../src';

describe('M2MClient', () => {
  test('defaults: a secret, client_credentials only, refresh flow only, no URLs, no identity providers', () => {
    // GIVEN
    const { stack, userPool, api, read } = poolStack();
    // WHEN
    new M2MClient(stack, 'Service', { userPool, scopes: [cognito.OAuthScope.resourceServer(api, read)] });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: [{ 'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('^PoolApi') }, '/read']] }],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      CallbackURLs: Match.absent(),
      SupportedIdentityProviders: Match.absent(),
      AccessTokenValidity: 1,
      TokenValidityUnits: { AccessToken: 'hours' },
    });
    expect(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolClient')).toMatchSnapshot();
  });

  test('a plain-string custom scope still makes the client depend on its resource server', () => {
    const { stack, userPool } = poolStack();
    new M2MClient(stack, 'Service', { userPool, scopes: [cognito.OAuthScope.custom('api/write')], accessTokenValidity: Duration.minutes(5) });
    const [client] = Object.values(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolClient'));
    expect(client.DependsOn).toEqual([expect.stringMatching(/^PoolApi/)]);
  });

  test('a custom scope given as a token that resolves to a string also makes the client depend on its resource server', () => {
    const { stack, userPool } = poolStack();
    const scope = Lazy.string({ produce: () => 'api/write' });
    new M2MClient(stack, 'Service', { userPool, scopes: [cognito.OAuthScope.custom(scope)], accessTokenValidity: Duration.minutes(5) });
    const [client] = Object.values(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolClient'));
    expect(client.Properties.AllowedOAuthScopes).toEqual(['api/write']);
    expect(client.DependsOn).toEqual([expect.stringMatching(/^PoolApi/)]);
  });

  test('fails on OIDC and admin scopes', () => {
    const { stack, userPool } = poolStack();
    new M2MClient(stack, 'Service', { userPool, scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.COGNITO_ADMIN] });
    const message = synthError(stack);
    expect(message).toContain('Property AllowedOAuthScopes[0]: value "openid" is not allowed because');
    expect(message).toContain('Property AllowedOAuthScopes[1]: value "aws.cognito.signin.user.admin" is not allowed because');
    expect(message).toContain('(profile-m2m-resource-server-scopes-only,');
  });

  test('fails on a scope that no resource server of the pool defines', () => {
    const { stack, userPool } = poolStack();
    new M2MClient(stack, 'Service', { userPool, scopes: [cognito.OAuthScope.custom('api/admin')] });
    expect(synthError(stack)).toMatch(/Property AllowedOAuthScopes\[0\]: value "api\/admin" .*\(client-oauth-scopes-exist,/);
  });

  test('fails on empty scopes', () => {
    const { stack, userPool } = poolStack();
    new M2MClient(stack, 'Service', { userPool, scopes: [] });
    expect(synthError(stack)).toMatch(/Property AllowedOAuthScopes/);
  });

  test('fails when an override adds user sign-in or callbacks', () => {
    const { stack, userPool, api, read } = poolStack();
    const service = new M2MClient(stack, 'Service', { userPool, scopes: [cognito.OAuthScope.resourceServer(api, read)] });
    service.resource.addPropertyOverride('ExplicitAuthFlows', ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    service.resource.addPropertyOverride('CallbackURLs', ['https://app.example.com/cb']);
    const message = synthError(stack);
    expect(message).toContain('Property ExplicitAuthFlows[0]: value "ALLOW_USER_PASSWORD_AUTH" is not allowed because');
    expect(message).toContain('Property CallbackURLs: value ["https://app.example.com/cb"] is not allowed because');
  });
});
