import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { poolStack, synthError } from './helpers';
import { PublicSpaClient } from '../../src';

describe('PublicSpaClient', () => {
  test('defaults: no secret, code grant only, openid/email/profile, SRP + refresh, 15-minute tokens', () => {
    // GIVEN
    const { stack, userPool } = poolStack();
    // WHEN
    new PublicSpaClient(stack, 'Web', { userPool, callbackUrls: ['https://app.example.com/callback'] });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: ['https://app.example.com/callback'],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolClient')).toMatchSnapshot();
  });

  test('loopback HTTP callbacks and app schemes are fine', () => {
    const { stack, userPool } = poolStack();
    new PublicSpaClient(stack, 'Web', {
      userPool,
      callbackUrls: ['http://localhost:5173/cb', 'http://127.0.0.1:8080/cb', 'http://[::1]:3000/cb', 'myapp://callback'],
      logoutUrls: ['http://localhost:5173/'],
      defaultRedirectUri: 'myapp://callback',
    });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('refresh-token rotation drops ALLOW_REFRESH_TOKEN_AUTH', () => {
    const { stack, userPool } = poolStack();
    new PublicSpaClient(stack, 'Web', {
      userPool, callbackUrls: ['https://app.example.com/cb'], refreshTokenRotationGracePeriod: Duration.seconds(30),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 },
    });
  });

  test('warns on the admin scope without allowAdminScope (Cognito accepts it: a risky value, not an error)', () => {
    const { stack, userPool } = poolStack();
    new PublicSpaClient(stack, 'Web', {
      userPool, callbackUrls: ['https://app.example.com/cb'], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.COGNITO_ADMIN],
    });
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
    Annotations.fromStack(stack).hasWarning('/Stack/Web', Match.stringLikeRegexp(
      '^Property AllowedOAuthScopes\\[1\\]: value "aws.cognito.signin.user.admin" is risky because .*\\(client-admin-scope-public-client, https://'));
  });

  test('allowAdminScope acknowledges the admin scope with a reason: no warning', () => {
    const { stack, userPool } = poolStack();
    new PublicSpaClient(stack, 'Web', {
      userPool, callbackUrls: ['https://app.example.com/cb'], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.COGNITO_ADMIN], allowAdminScope: true,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthScopes: ['openid', 'aws.cognito.signin.user.admin'],
    });
    Annotations.fromStack(stack).hasNoWarning('/Stack/Web', Match.stringLikeRegexp('client-admin-scope-public-client'));
    expect(stack.node.findChild('Web').node.metadata).toContainEqual(expect.objectContaining({
      type: 'aws:cdk:acknowledged-rules',
      data: { 'Annotation::client-admin-scope-public-client': expect.stringMatching(/^allowAdminScope: true/) },
    }));
  });

  test('fails on an HTTP callback that is not loopback', () => {
    const { stack, userPool } = poolStack();
    new PublicSpaClient(stack, 'Web', { userPool, callbackUrls: ['http://app.example.com/cb'] });
    expect(synthError(stack)).toMatch(/Property CallbackURLs\[0\]: value "http:\/\/app.example.com\/cb" is not allowed because/);
  });

  test('fails on a fragment and on a default redirect that is not a callback, both at once', () => {
    const { stack, userPool } = poolStack();
    new PublicSpaClient(stack, 'Web', {
      userPool, callbackUrls: ['https://app.example.com/cb#x'], defaultRedirectUri: 'https://other.example.com/cb',
    });
    const message = synthError(stack);
    expect(message).toMatch(/Property CallbackURLs\[0\]: value "https:\/\/app.example.com\/cb#x"/);
    expect(message).toMatch(/Property DefaultRedirectURI: value "https:\/\/other.example.com\/cb"/);
  });

  test('fails when an override adds a secret or the implicit grant (profile rules)', () => {
    const { stack, userPool } = poolStack();
    const web = new PublicSpaClient(stack, 'Web', { userPool, callbackUrls: ['https://app.example.com/cb'] });
    web.resource.addPropertyOverride('GenerateSecret', true);
    web.resource.addPropertyOverride('AllowedOAuthFlows', ['code', 'implicit']);
    const message = synthError(stack);
    expect(message).toContain('(profile-public-client-no-secret,');
    expect(message).toContain('Property AllowedOAuthFlows[1]: value "implicit" is not allowed because');
    expect(message).toContain('(profile-public-client-code-grant-only,');
  });

  test('tags its resource with the public-spa profile', () => {
    const { stack, userPool } = poolStack();
    new PublicSpaClient(stack, 'Web', { userPool, callbackUrls: ['https://app.example.com/cb'] });
    Template.fromStack(stack).hasResource('AWS::Cognito::UserPoolClient', {
      Metadata: { 'cdk-cognito-clients:profile': 'public-spa' },
      Properties: Match.anyValue(),
    });
  });
});
