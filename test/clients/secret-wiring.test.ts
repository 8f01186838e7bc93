import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { poolStack } from './helpers';
import { AppClient, HostedDomain, M2MClient, PublicSpaClient } from '../../src';

describe('client secret delivery from the client constructs', () => {
  test('an M2MClient secret reaches a service through Secrets Manager, never through the template', () => {
    // GIVEN
    const { stack, userPool, api, read } = poolStack();
    const domain = new HostedDomain(stack, 'Domain', { userPool, prefix: 'orders-login' });
    const service = new M2MClient(stack, 'Service', { userPool, domain, scopes: [cognito.OAuthScope.resourceServer(api, read)] });
    const role = new iam.Role(stack, 'ServiceRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    // WHEN
    service.secret.grantRead(role);
    const secretValue = stack.resolve(service.userPoolClientSecret.unsafeUnwrap());
    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.resourceCountIs('Custom::CognitoClientSecret', 1);
    const text = JSON.stringify(template.toJSON());
    expect(text).not.toMatch(/"ClientSecret"/); // no GetAtt of the generated secret anywhere
    expect(JSON.stringify(secretValue)).toMatch(/\{\{resolve:secretsmanager:/);
    expect(JSON.stringify(secretValue)).toMatch(/:SecretString:clientSecret::/);
  });

  test('a client with a secret that nobody reads creates no Lambda', () => {
    const { stack, userPool, api, read } = poolStack();
    new M2MClient(stack, 'Service', { userPool, scopes: [cognito.OAuthScope.resourceServer(api, read)] });
    new AppClient(stack, 'Plain', { userPool });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 0);
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });

  test('rotation and a customer key create the secret eagerly', () => {
    const { stack, userPool, api, read } = poolStack();
    const domain = new HostedDomain(stack, 'Domain', { userPool, prefix: 'orders-login' });
    new M2MClient(stack, 'Service', {
      userPool, domain, scopes: [cognito.OAuthScope.resourceServer(api, read)], secretRotation: { schedule: Duration.days(30) },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', Match.objectLike({ RotationRules: Match.anyValue() }));
  });

  test('a client without a secret has no secret to deliver', () => {
    const { stack, userPool } = poolStack();
    const web = new PublicSpaClient(stack, 'Web', { userPool, callbackUrls: ['https://app.example.com/cb'] });
    expect(() => web.secret).toThrow(/this client has no secret \(generateSecret is false\).*Fix: set generateSecret: true, or use M2MClient/);
  });
});

describe('verifyOnDeploy', () => {
  test('an M2M client gets a token check with its scopes and the domain endpoints', () => {
    const { stack, userPool, api, read } = poolStack();
    const domain = new HostedDomain(stack, 'Domain', { userPool, prefix: 'orders-login' });
    new M2MClient(stack, 'Service', { userPool, domain, scopes: [cognito.OAuthScope.resourceServer(api, read)], verifyOnDeploy: true });
    Template.fromStack(stack).hasResourceProperties('Custom::CognitoClientVerification', {
      TokenEndpoint: Match.anyValue(),
      Issuer: Match.anyValue(),
      JwksUri: Match.anyValue(),
      SecretArn: Match.anyValue(),
      Scopes: Match.anyValue(),
      AuthorizeUrl: Match.absent(),
    });
  });

  test('a public client gets an authorize-redirect and discovery check, without any secret', () => {
    const { stack, userPool } = poolStack();
    const domain = new HostedDomain(stack, 'Domain', { userPool, prefix: 'orders-login' });
    new PublicSpaClient(stack, 'Web', { userPool, domain, callbackUrls: ['https://app.example.com/cb'], verifyOnDeploy: true });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('Custom::CognitoClientVerification', {
      CallbackUrl: 'https://app.example.com/cb',
      AuthorizeUrl: Match.anyValue(),
      DiscoveryUrl: Match.anyValue(),
      SecretArn: Match.absent(),
    });
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });

  test('fails without a domain', () => {
    const { stack, userPool, api, read } = poolStack();
    expect(() => new M2MClient(stack, 'Service', { userPool, scopes: [cognito.OAuthScope.resourceServer(api, read)], verifyOnDeploy: true }))
      .toThrow(/Property verifyOnDeploy: value true is not allowed because .* Fix: set domain/);
  });
});
