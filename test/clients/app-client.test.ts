import { Duration, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { poolStack, synthError } from './helpers';
import { AppClient } from '../../src';

describe('AppClient', () => {
  test('secure defaults: no OAuth, SRP + refresh written out, revocation on, user existence hidden', () => {
    // GIVEN
    const { stack, userPool } = poolStack();
    // WHEN
    new AppClient(stack, 'Client', { userPool });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: false,
      AllowedOAuthFlows: Match.absent(),
      AllowedOAuthScopes: Match.absent(),
      CallbackURLs: Match.absent(),
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: false,
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
      SupportedIdentityProviders: ['COGNITO'],
    });
  });

  test('defaults snapshot is stable', () => {
    const { stack, userPool } = poolStack();
    new AppClient(stack, 'Client', { userPool });
    expect(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolClient')).toMatchSnapshot();
  });

  test('OAuth on means the code grant only, with exactly the scopes and URLs listed (no placeholder)', () => {
    const { stack, userPool } = poolStack();
    new AppClient(stack, 'Client', {
      userPool,
      oAuth: { scopes: [cognito.OAuthScope.OPENID], callbackUrls: ['https://app.example.com/cb'] },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: ['https://app.example.com/cb'],
    });
  });

  test('every option reaches CloudFormation, token validities with their units', () => {
    const { stack, userPool } = poolStack();
    const client = new AppClient(stack, 'Client', {
      userPool,
      userPoolClientName: 'web',
      generateSecret: true,
      authFlows: { userSrp: true, custom: true, user: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        callbackUrls: ['https://app.example.com/cb', 'http://localhost:3000/cb'],
        logoutUrls: ['https://app.example.com/'],
        defaultRedirectUri: 'https://app.example.com/cb',
      },
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
      accessTokenValidity: Duration.minutes(30),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(7),
      authSessionValidity: Duration.minutes(5),
      refreshTokenRotationGracePeriod: Duration.seconds(10),
      enablePropagateAdditionalUserContextData: true,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'web',
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_CUSTOM_AUTH'],
      LogoutURLs: ['https://app.example.com/'],
      DefaultRedirectURI: 'https://app.example.com/cb',
      ReadAttributes: ['email'],
      WriteAttributes: ['email'],
      AccessTokenValidity: 30,
      IdTokenValidity: 1,
      RefreshTokenValidity: 7,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'days' },
      AuthSessionValidity: 5,
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
      EnablePropagateAdditionalUserContextData: true,
    });
    expect(client.hasSecret).toBe(true);
  });

  test('implements IUserPoolClient: the id is the Ref, usable where aws-cdk-lib takes a client', () => {
    const { stack, userPool } = poolStack();
    const client = new AppClient(stack, 'Client', { userPool });
    const fromL2: cognito.IUserPoolClient = client;
    expect(stack.resolve(fromL2.userPoolClientId)).toEqual({ Ref: 'Client4A7F64DF' });
    expect(stack.resolve(client.userPoolClientRef)).toEqual({ userPoolId: { Ref: 'PoolD3F588B8' }, clientId: { Ref: 'Client4A7F64DF' } });
  });

  test('depends on the resource servers and identity providers it names, without addDependency', () => {
    const { stack, userPool } = poolStack();
    new cognito.UserPoolIdentityProviderOidc(stack, 'Corp', {
      userPool, name: 'Corp', clientId: 'id', clientSecret: 'secret', issuerUrl: 'https://idp.example.com', scopes: ['openid'],
    });
    new AppClient(stack, 'Client', {
      userPool,
      generateSecret: true,
      oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('Corp')],
    });
    const client = Template.fromStack(stack).findResources('AWS::Cognito::UserPoolClient');
    expect(Object.values(client)[0].DependsOn).toEqual(expect.arrayContaining([
      expect.stringMatching(/^PoolApi/), expect.stringMatching(/^Corp/),
    ]));
  });

  test('fails at synth with every violation at once, each naming property, value, fix and rule id', () => {
    // GIVEN a client_credentials client without a secret, with an OIDC scope, an unknown scope and a bad callback
    const { stack, userPool } = poolStack();
    new AppClient(stack, 'Client', {
      userPool,
      oAuth: {
        flows: { clientCredentials: true },
        scopes: [cognito.OAuthScope.custom('api/delete')],
      },
    });
    // WHEN
    const message = synthError(stack);
    // THEN
    expect(message).toContain('[Stack/Client] Property GenerateSecret: value false is not allowed because');
    expect(message).toContain('(client-credentials-requires-secret, https://docs.aws.amazon.com/');
    expect(message).toContain('Property AllowedOAuthScopes[0]: value "api/delete" is not allowed because no resource server of user pool');
    expect(message).toContain('(defined: api/read, api/write)');
  });

  test('validates escape-hatch overrides too (the final CloudFormation properties)', () => {
    const { stack, userPool } = poolStack();
    const client = new AppClient(stack, 'Client', { userPool });
    client.resource.addPropertyOverride('AllowedOAuthFlows', ['client_credentials']);
    expect(synthError(stack)).toMatch(/client-credentials-requires-secret/);
  });

  test('skips what is unknown at synth: token-valued scopes and URLs never produce an error', () => {
    const { stack, userPool } = poolStack();
    new AppClient(stack, 'Client', {
      userPool,
      oAuth: {
        scopes: [cognito.OAuthScope.custom(Token.asString({ Ref: 'ScopeParam' }))],
        callbackUrls: [Token.asString({ 'Fn::ImportValue': 'CallbackUrl' })],
      },
    });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('reports warnings as annotations with the rule id', () => {
    const { stack, userPool } = poolStack();
    new AppClient(stack, 'Client', { userPool, authFlows: { userPassword: true } });
    const warnings = Annotations.fromStack(stack).findWarning('/Stack/Client', Match.stringLikeRegexp('ALLOW_USER_PASSWORD_AUTH'));
    expect(warnings.length).toBeGreaterThan(0);
  });
});
