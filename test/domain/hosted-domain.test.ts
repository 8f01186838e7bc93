import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { HostedDomain, PublicSpaClient, M2MClient, AppClient } from '../../src';

function stackIn(region?: string) {
  const app = new App();
  const stack = new Stack(app, 'Stack', region ? { env: { region, account: '123456789012' } } : {});
  const userPool = new cognito.UserPool(stack, 'Pool');
  return { app, stack, userPool };
}

/** Evaluates a resolved CloudFormation string (Fn::Join / Ref) with the given Ref values, as CloudFormation would. */
function evaluate(stack: Stack, value: string, refs: Record<string, string>): string {
  const walk = (node: any): string => {
    if (typeof node === 'string') return node;
    if (node.Ref) {
      if (!(node.Ref in refs)) throw new Error(`no value for Ref ${node.Ref}`);
      return refs[node.Ref];
    }
    if (node['Fn::Join']) return node['Fn::Join'][1].map(walk).join(node['Fn::Join'][0]);
    throw new Error(`cannot evaluate ${JSON.stringify(node)}`);
  };
  return walk(stack.resolve(value));
}

function synthError(stack: Stack): string {
  try {
    Template.fromStack(stack);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synthesis to fail');
}

const certificateArn = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/0b8c3d5e-1111-2222-3333-444455556666`;

describe('HostedDomain endpoints', () => {
  test.each([
    ['us-east-1', 'https://myapp.auth.us-east-1.amazoncognito.com', 'https://cognito-idp.us-east-1.amazonaws.com/POOL'],
    ['eu-west-1', 'https://myapp.auth.eu-west-1.amazoncognito.com', 'https://cognito-idp.eu-west-1.amazonaws.com/POOL'],
    ['us-gov-west-1', 'https://myapp.auth-fips.us-gov-west-1.amazoncognito.com', 'https://cognito-idp.us-gov-west-1.amazonaws.com/POOL'],
  ])('prefix domain in %s', (region, base, issuer) => {
    // GIVEN
    const { stack, userPool } = stackIn(region);
    // WHEN
    const domain = new HostedDomain(stack, 'Domain', { userPool, prefix: 'myapp' });
    // THEN
    const refs = { 'PoolD3F588B8': 'POOL', 'AWS::URLSuffix': 'amazonaws.com' };
    const at = (value: string) => evaluate(stack, value, refs);
    expect(at(domain.baseUrl)).toBe(base);
    expect(at(domain.authorizeEndpoint)).toBe(`${base}/oauth2/authorize`);
    expect(at(domain.tokenEndpoint)).toBe(`${base}/oauth2/token`);
    expect(at(domain.userInfoEndpoint)).toBe(`${base}/oauth2/userInfo`);
    expect(at(domain.revokeEndpoint)).toBe(`${base}/oauth2/revoke`);
    expect(at(domain.logoutEndpoint)).toBe(`${base}/logout`);
    expect(at(domain.issuer)).toBe(issuer);
    expect(at(domain.openIdConfigurationUrl)).toBe(`${issuer}/.well-known/openid-configuration`);
    expect(at(domain.jwksUri)).toBe(`${issuer}/.well-known/jwks.json`);
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'myapp', UserPoolId: { Ref: 'PoolD3F588B8' } });
  });

  test('the China partition uses its own URL suffix for the issuer', () => {
    const { stack, userPool } = stackIn('cn-north-1');
    const domain = new HostedDomain(stack, 'Domain', { userPool, prefix: 'myapp' });
    expect(evaluate(stack, domain.issuer, { 'PoolD3F588B8': 'POOL', 'AWS::URLSuffix': 'amazonaws.com.cn' }))
      .toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/POOL');
  });

  test('FIPS endpoints on request in a commercial region', () => {
    const { stack, userPool } = stackIn('us-east-1');
    const domain = new HostedDomain(stack, 'Domain', { userPool, prefix: 'myapp', fips: true });
    expect(evaluate(stack, domain.tokenEndpoint, {})).toBe('https://myapp.auth-fips.us-east-1.amazoncognito.com/oauth2/token');
  });

  test('an environment-agnostic stack yields the region as a token, not a guess', () => {
    const { stack, userPool } = stackIn();
    const domain = new HostedDomain(stack, 'Domain', { userPool, prefix: 'myapp' });
    expect(evaluate(stack, domain.baseUrl, { 'AWS::Region': 'ap-northeast-1' })).toBe('https://myapp.auth.ap-northeast-1.amazoncognito.com');
  });

  test.each(['us-east-1', 'eu-central-1'])('custom domain in %s: endpoints on the custom host, no amazoncognito.com suffix', (region) => {
    const { stack, userPool } = stackIn(region);
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', certificateArn('us-east-1'));
    const domain = new HostedDomain(stack, 'Domain', { userPool, customDomain: { domainName: 'auth.example.com', certificate } });
    expect(evaluate(stack, domain.authorizeEndpoint, {})).toBe('https://auth.example.com/oauth2/authorize');
    expect(evaluate(stack, domain.logoutEndpoint, {})).toBe('https://auth.example.com/logout');
    expect(evaluate(stack, domain.issuer, { 'PoolD3F588B8': 'POOL', 'AWS::URLSuffix': 'amazonaws.com' })).toBe(`https://cognito-idp.${region}.amazonaws.com/POOL`);
    expect(stack.resolve(domain.cloudFrontEndpoint)).toEqual({ 'Fn::GetAtt': ['Domain66AC69E0', 'CloudFrontDistribution'] });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'auth.example.com', CustomDomainConfig: { CertificateArn: certificateArn('us-east-1') },
    });
  });

  test('endpoints are usable as outputs (snapshot)', () => {
    const { stack, userPool } = stackIn('us-east-1');
    new HostedDomain(stack, 'Domain', { userPool, prefix: 'myapp', managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN });
    expect(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolDomain')).toMatchSnapshot();
  });
});

describe('HostedDomain rejections', () => {
  test('fails when both or neither of prefix and customDomain are set', () => {
    const { stack, userPool } = stackIn('us-east-1');
    expect(() => new HostedDomain(stack, 'None', { userPool })).toThrow(/Property prefix\/customDomain: neither is set.*Fix: set exactly one/);
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', certificateArn('us-east-1'));
    expect(() => new HostedDomain(stack, 'Both', { userPool, prefix: 'a', customDomain: { domainName: 'auth.example.com', certificate } }))
      .toThrow(/both are set/);
  });

  test.each([
    ['My_App', 'domain-prefix-format'],
    ['-myapp', 'domain-prefix-format'],
    ['myapp-', 'domain-prefix-format'],
    ['a'.repeat(64), 'domain-prefix-length'],
    ['my-cognito-app', 'domain-prefix-reserved-word'],
    ['aws-login', 'domain-prefix-reserved-word'],
  ])('fails on prefix %s (%s)', (prefix, ruleId) => {
    const { stack, userPool } = stackIn('us-east-1');
    new HostedDomain(stack, 'Domain', { userPool, prefix });
    const message = synthError(stack);
    expect(message).toContain(`Property Domain: value ${JSON.stringify(prefix)} is not allowed because`);
    expect(message).toContain(`(${ruleId},`);
  });

  test('accepts prefixes that only look like reserved words', () => {
    const { stack, userPool } = stackIn('us-east-1');
    new HostedDomain(stack, 'Domain', { userPool, prefix: 'awsome-app' });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('fails on a custom domain that is not a subdomain, and on a certificate outside us-east-1', () => {
    const { stack, userPool } = stackIn('eu-west-1');
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', certificateArn('eu-west-1'));
    new HostedDomain(stack, 'Domain', { userPool, customDomain: { domainName: 'example.com', certificate } });
    const message = synthError(stack);
    expect(message).toContain('(domain-custom-domain-subdomain,');
    expect(message).toContain('(domain-certificate-region,');
  });

  test('fails on managed login v2 for a Lite-tier pool', () => {
    const { stack } = stackIn('us-east-1');
    const userPool = new cognito.UserPool(stack, 'LitePool', { featurePlan: cognito.FeaturePlan.LITE });
    new HostedDomain(stack, 'Domain', { userPool, prefix: 'myapp', managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN });
    expect(synthError(stack)).toContain('(domain-managed-login-tier,');
  });
});

describe('HostedDomain.authorizeUrl', () => {
  function setup() {
    const { stack, userPool } = stackIn('us-east-1');
    const domain = new HostedDomain(stack, 'Domain', { userPool, prefix: 'myapp' });
    const web = new PublicSpaClient(stack, 'Web', {
      userPool, callbackUrls: ['https://app.example.com/cb?tenant=a&x=1', 'http://localhost:3000/cb'], logoutUrls: ['https://app.example.com/bye'],
    });
    return { stack, userPool, domain, web };
  }

  test('builds an encoded /oauth2/authorize URL that the WHATWG URL API parses back exactly', () => {
    const { stack, domain, web } = setup();
    const url = domain.authorizeUrl(web, {
      redirectUri: 'https://app.example.com/cb?tenant=a&x=1', scopes: ['openid', 'email'], state: 'a b&c', codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    });
    Template.fromStack(stack);
    const parsed = new URL(evaluate(stack, url, { [stack.getLogicalId(web.resource)]: '1example23456789' }));
    expect(parsed.origin).toBe('https://myapp.auth.us-east-1.amazoncognito.com');
    expect(parsed.pathname).toBe('/oauth2/authorize');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      response_type: 'code',
      client_id: '1example23456789',
      redirect_uri: 'https://app.example.com/cb?tenant=a&x=1',
      scope: 'openid email',
      state: 'a b&c',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    expect(parsed.search).toContain('redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Ftenant%3Da%26x%3D1');
  });

  test('encodes values that try to break out of the URL', () => {
    const { stack, domain, web } = setup();
    const url = domain.authorizeUrl(web, { redirectUri: 'http://localhost:3000/cb', state: '"><script>#\n%00', codeChallenge: 'x' });
    const text = evaluate(stack, url, { [stack.getLogicalId(web.resource)]: 'id' });
    expect(text).not.toMatch(/[\s"<>#]/);
    expect(new URL(text).searchParams.get('state')).toBe('"><script>#\n%00');
  });

  test('fails at synth on everything Cognito would refuse, all at once', () => {
    const { stack, domain, web } = setup();
    domain.authorizeUrl(web, { redirectUri: 'https://evil.example.com/cb', scopes: ['openid', 'phone'], responseType: 'token', identityProvider: 'Google' });
    const message = synthError(stack);
    expect(message).toContain('Option redirectUri: value "https://evil.example.com/cb" is not allowed because it is not one of the client\'s callback URLs');
    expect(message).toContain('(authorize-redirect-uri-registered,');
    expect(message).toContain('Option scopes: value ["phone"] is not allowed');
    expect(message).toContain('Option responseType: value "token" is not allowed because the client does not allow the implicit flow');
    expect(message).toContain('Option identityProvider: value "Google" is not allowed');
  });

  test('fails when a public client asks for a code without PKCE', () => {
    const { stack, domain, web } = setup();
    domain.authorizeUrl(web, { redirectUri: 'http://localhost:3000/cb' });
    expect(synthError(stack)).toMatch(/Option codeChallenge: no value is not allowed because a public client .*\(authorize-pkce-required,/);
  });

  test('a confidential client may skip PKCE; an M2M client has no authorize flow', () => {
    const { stack, userPool, domain } = setup();
    const server = new AppClient(stack, 'Server', {
      userPool, generateSecret: true, oAuth: { scopes: [cognito.OAuthScope.OPENID], callbackUrls: ['https://app.example.com/server-cb'] },
    });
    domain.authorizeUrl(server, { redirectUri: 'https://app.example.com/server-cb' });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('works with aws-cdk-lib UserPoolClient and skips imported clients it cannot read', () => {
    const { stack, userPool, domain } = setup();
    const l2 = new cognito.UserPoolClient(stack, 'L2', { userPool, oAuth: { callbackUrls: ['https://l2.example.com/cb'] } });
    domain.authorizeUrl(l2, { redirectUri: 'https://wrong.example.com/cb', codeChallenge: 'x' });
    const imported = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Imported', 'abc');
    domain.authorizeUrl(imported, { redirectUri: 'https://anything.example.com/cb' });
    const message = synthError(stack);
    expect(message).toContain('"https://wrong.example.com/cb"');
    expect(message).not.toContain('anything.example.com');
  });

  test('logoutUrl encodes logout_uri and fails on an unregistered one', () => {
    const { stack, domain, web } = setup();
    const ok = domain.logoutUrl(web, { logoutUri: 'https://app.example.com/bye' });
    const parsed = new URL(evaluate(stack, ok, { [stack.getLogicalId(web.resource)]: 'id' }));
    expect(parsed.pathname).toBe('/logout');
    expect(parsed.searchParams.get('logout_uri')).toBe('https://app.example.com/bye');
    domain.logoutUrl(web, { logoutUri: 'https://app.example.com/other' });
    expect(synthError(stack)).toContain('(logout-uri-registered,');
  });

  test('M2M clients cannot sign users in', () => {
    const { stack, userPool, domain } = setup();
    const api = userPool.addResourceServer('Api', { identifier: 'api', scopes: [new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'r' })] });
    const m2m = new M2MClient(stack, 'Svc', { userPool, scopes: [cognito.OAuthScope.custom('api/read')] });
    expect(api).toBeDefined();
    domain.authorizeUrl(m2m, { redirectUri: 'https://app.example.com/cb' });
    expect(synthError(stack)).toContain('(authorize-redirect-uri-registered,');
  });
});
