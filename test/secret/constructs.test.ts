import { App, CfnElement, CfnOutput, CfnResource, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AppClient, M2MClient } from '../../src/clients';
import { HostedDomain } from '../../src/domain';
import { ClientVerification, UserPoolClientSecret } from '../../src/secret';

type Json = any;

function build(withConstructs: boolean) {
  const app = new App();
  const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
  const pool = new cognito.UserPool(stack, 'Pool');
  const api = pool.addResourceServer('Api', { identifier: 'api', scopes: [{ scopeName: 'read', scopeDescription: 'read' }] });
  const client = pool.addClient('M2M', {
    generateSecret: true,
    oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.resourceServer(api, { scopeName: 'read', scopeDescription: 'read' })] },
  });
  if (!withConstructs) return { stack, template: Template.fromStack(stack), secretLogicalId: '', secondSecretId: '' };

  const key = new kms.Key(stack, 'Key');
  const secret = new UserPoolClientSecret(stack, 'ClientSecret', {
    userPool: pool,
    userPoolClient: client,
    tokenEndpoint: 'https://auth.example.com/oauth2/token',
    scopes: ['api/read'],
    encryptionKey: key,
    rotation: { schedule: Duration.days(7) },
  });
  const second = pool.addClient('M2M2', { generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.resourceServer(api, { scopeName: 'read', scopeDescription: 'read' })] } });
  const secondSecret = new UserPoolClientSecret(stack, 'SecondSecret', { userPool: pool, userPoolClient: second });
  new ClientVerification(stack, 'Verify', {
    userPool: pool,
    userPoolClient: client,
    clientSecret: secret,
    scopes: ['api/read'],
    tokenEndpoint: 'https://auth.example.com/oauth2/token',
    issuer: `https://cognito-idp.eu-west-1.amazonaws.com/${pool.userPoolId}`,
    jwksUri: `https://cognito-idp.eu-west-1.amazonaws.com/${pool.userPoolId}/.well-known/jwks.json`,
  });
  const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
  secret.grantRead(reader);
  new CfnResource(stack, 'Consumer', { type: 'Custom::Consumer', properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:x', Password: secret.clientSecretValue().unsafeUnwrap() } });
  new CfnOutput(stack, 'SecretArn', { value: secret.secret.secretArn });
  return {
    stack,
    template: Template.fromStack(stack),
    secretLogicalId: stack.getLogicalId(secret.secret.node.defaultChild as CfnElement),
    secondSecretId: stack.getLogicalId(secondSecret.secret.node.defaultChild as CfnElement),
  };
}

/** Every Fn::GetAtt in a JSON tree, as [logicalId, attribute]. */
function getAtts(node: Json, out: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(node)) {node.forEach((n) => getAtts(n, out));} else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'Fn::GetAtt') out.push(Array.isArray(v) ? [String(v[0]), String(v[1])] : (String(v).split('.') as [string, string]));
      getAtts(v, out);
    }
  }
  return out;
}

function statementsOf(template: Template): Array<{ policy: string; Action: string | string[]; Resource: Json; Condition?: Json }> {
  const out: Array<{ policy: string; Action: string | string[]; Resource: Json; Condition?: Json }> = [];
  for (const [id, res] of Object.entries(template.findResources('AWS::IAM::Policy') as Record<string, Json>)) {
    for (const s of res.Properties.PolicyDocument.Statement) out.push({ policy: id, ...s });
  }
  return out;
}
const actionsOf = (s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('UserPoolClientSecret and ClientVerification in a template', () => {
  const { template, secretLogicalId: clientSecretId, secondSecretId } = build(true);
  const json = template.toJSON();
  const poolId = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0];

  test('no secret value: the secret has no SecretString or generated value, and no ClientSecret GetAtt exists anywhere', () => {
    for (const res of Object.values(template.findResources('AWS::SecretsManager::Secret')) as Json[]) {
      expect(res.Properties.SecretString).toBeUndefined();
      expect(res.Properties.GenerateSecretString).toBeUndefined();
    }
    expect(getAtts(json).filter(([, attr]) => attr === 'ClientSecret')).toEqual([]);
  });

  test('outputs and Lambda environment variables hold no secret and no dynamic reference', () => {
    const exposed = JSON.stringify({
      outputs: json.Outputs,
      env: Object.values(template.findResources('AWS::Lambda::Function') as Record<string, Json>).map((f) => f.Properties.Environment ?? {}),
    });
    expect(exposed).not.toContain('ClientSecret"');
    expect(exposed).not.toContain('{{resolve:');
    expect(getAtts(JSON.parse(exposed)).filter(([, attr]) => attr === 'ClientSecret')).toEqual([]);
  });

  test('clientSecretValue() is a Secrets Manager dynamic reference to the clientSecret field, ordered after the write', () => {
    const password = (template.findResources('Custom::Consumer') as Json).Consumer.Properties.Password;
    const rendered = JSON.stringify(password);
    expect(rendered).toContain('{{resolve:secretsmanager:');
    expect(rendered).toContain(':SecretString:clientSecret::}}');
    const writer = Object.keys(template.findResources('Custom::CognitoClientSecret')).find((id) => id.startsWith('ClientSecret'))!;
    expect(getAtts(password)).toEqual([[writer, 'SecretArn']]);
  });

  test('one writer and one verification provider per stack, whatever the number of instances', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function') as Record<string, Json>).map((f) => f.Properties.Description ?? '');
    expect(functions.filter((d) => d.startsWith('Writes Cognito app client secrets'))).toHaveLength(1);
    expect(functions.filter((d) => d.startsWith('Verifies Cognito app clients'))).toHaveLength(1);
    expect(functions.filter((d) => d.startsWith('Rotates a Cognito app client secret'))).toHaveLength(1);
    template.resourceCountIs('Custom::CognitoClientSecret', 2);
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Handler: 'index.handler' }, 3);
  });

  test('IAM: Cognito actions are scoped to the pool ARN, secret writes to the one secret, KMS to the key via Secrets Manager', () => {
    const statements = statementsOf(template);
    const cognitoStatements = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
    expect(cognitoStatements.map((s) => actionsOf(s)).sort()).toEqual([
      ['cognito-idp:DescribeUserPoolClient', 'cognito-idp:ListUserPoolClientSecrets'],
      ['cognito-idp:DescribeUserPoolClient', 'cognito-idp:ListUserPoolClientSecrets'],
      ['cognito-idp:ListUserPoolClientSecrets', 'cognito-idp:AddUserPoolClientSecret', 'cognito-idp:DeleteUserPoolClientSecret', 'cognito-idp:DescribeUserPoolClient'],
    ].sort());
    for (const s of cognitoStatements) expect(s.Resource).toEqual({ 'Fn::GetAtt': [poolId, 'Arn'] });

    const puts = statements.filter((s) => actionsOf(s).includes('secretsmanager:PutSecretValue'));
    expect(puts.length).toBeGreaterThan(0);
    for (const s of puts) expect(JSON.stringify(s.Resource)).not.toBe('"*"');
    // The writer policies: one per instance, each on its own secret. Reading the stored versions is what keeps a
    // rotated value across updates, rollbacks and rotation turned off, so every writer may read its own secret.
    const writerPolicies = statements.filter((s) => s.policy.includes('WriterPolicy') && actionsOf(s).includes('secretsmanager:PutSecretValue'));
    const writerSecretActions = ['secretsmanager:PutSecretValue', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'];
    expect(writerPolicies.map((s) => [actionsOf(s), s.Resource])).toEqual([
      [writerSecretActions, { Ref: clientSecretId }],
      [writerSecretActions, { Ref: secondSecretId }],
    ]);

    // KMS: granted in the key's own policy (Resource "*" there means this key), to the writer's role only through
    // Secrets Manager, and only what Secrets Manager documents: GenerateDataKey to write, Decrypt to read. No Encrypt.
    const key = Object.values(template.findResources('AWS::KMS::Key') as Record<string, Json>)[0];
    const writerRole = Object.keys(template.findResources('AWS::IAM::Role')).find((id) => id.startsWith('CdkCognitoClientsClientSecretWriterOnEvent'))!;
    const writerKeyGrants = key.Properties.KeyPolicy.Statement.filter((st: Json) => JSON.stringify(st.Principal).includes(writerRole));
    expect(writerKeyGrants).toEqual([{
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
      Effect: 'Allow',
      Principal: { AWS: { 'Fn::GetAtt': [writerRole, 'Arn'] } },
      Resource: '*',
    }]);
    expect(statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')))).toEqual([]);

    // Nothing but Secrets Manager's password generator (added by CDK's RotationSchedule, it has no resource) is on "*".
    const wildcard = statements.filter((s) => JSON.stringify(s.Resource) === '"*"').flatMap(actionsOf);
    expect(new Set(wildcard)).toEqual(new Set(['secretsmanager:GetRandomPassword']));
  });

  test('the verification reads the secret only after the writer ran, and may only read', () => {
    const verify = Object.values(template.findResources('Custom::CognitoClientVerification') as Record<string, Json>)[0];
    const writer = Object.keys(template.findResources('Custom::CognitoClientSecret')).find((id) => id.startsWith('ClientSecret'))!;
    expect(verify.Properties.SecretArn).toEqual({ 'Fn::GetAtt': [writer, 'SecretArn'] });
    expect(verify.Properties.TimeoutSeconds).toBe('300');
    const reads = statementsOf(template).filter((s) => actionsOf(s).includes('secretsmanager:GetSecretValue'));
    expect(reads.length).toBeGreaterThan(0);
  });

  test('rotation is scheduled on the secret, after the first value is written', () => {
    const schedules = template.findResources('AWS::SecretsManager::RotationSchedule') as Record<string, Json>;
    const [schedule] = Object.values(schedules);
    expect(schedule.Properties.RotationRules).toEqual({ ScheduleExpression: 'rate(7 days)' });
    expect(schedule.Properties.RotateImmediatelyOnUpdate).toBe(false);
    const writer = Object.keys(template.findResources('Custom::CognitoClientSecret')).find((id) => id.startsWith('ClientSecret'))!;
    expect(schedule.DependsOn).toContain(writer);
  });
});

describe('stacks without these constructs', () => {
  test('contain no Lambda function and no custom resource', () => {
    const { template } = build(false);
    template.resourceCountIs('AWS::Lambda::Function', 0);
    expect(Object.keys(template.toJSON().Resources).filter((id) => id.includes('CdkCognitoClients'))).toEqual([]);
  });
});

describe('validation at synth time', () => {
  const setup = () => {
    const stack = new Stack();
    const pool = new cognito.UserPool(stack, 'Pool');
    const client = pool.addClient('C', { generateSecret: true });
    return { stack, pool, client };
  };

  test('rotation without tokenEndpoint is refused', () => {
    const { stack, pool, client } = setup();
    expect(() => new UserPoolClientSecret(stack, 'S', { userPool: pool, userPoolClient: client, rotation: {} }))
      .toThrow('UserPoolClientSecret: rotation needs tokenEndpoint, because each new secret must obtain a token before it becomes current.');
  });

  test('ClientVerification refuses a timeout above 14 minutes, a lone callbackUrl, and nothing to check', () => {
    const { stack, pool, client } = setup();
    const base = { userPool: pool, userPoolClient: client, tokenEndpoint: 't', issuer: 'i', jwksUri: 'j' };
    expect(() => new ClientVerification(stack, 'A', { ...base, discoveryUrl: 'd', timeout: Duration.minutes(15) }))
      .toThrow('ClientVerification: timeout must be at most 14 minutes (the Lambda limit is 15), got 15 minutes.');
    expect(() => new ClientVerification(stack, 'B', { ...base, callbackUrl: 'https://x/cb' }))
      .toThrow('ClientVerification: authorizeUrl and callbackUrl go together.');
    expect(() => new ClientVerification(stack, 'C', base)).toThrow('ClientVerification: nothing to check.');
  });
});

describe('rotation needs the client_credentials flow', () => {
  const setup = () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
    const pool = new cognito.UserPool(stack, 'Pool');
    return { stack, pool };
  };

  test('fails when an AppClient with a secret and the code grant asks for rotation, naming the property, the value and the fix', () => {
    const { stack, pool } = setup();
    const domain = new HostedDomain(stack, 'Domain', { userPool: pool, prefix: 'rotation-refused' });
    expect(() => new AppClient(stack, 'Web', {
      userPool: pool,
      generateSecret: true,
      domain,
      oAuth: { scopes: [cognito.OAuthScope.OPENID], callbackUrls: ['https://app.example.com/callback'] },
      secretRotation: { schedule: Duration.days(30) },
    })).toThrow('S/Web/Secret: Property rotation: value { schedule: 30 days } is not allowed because app client S/Web does not allow the '
      + 'client_credentials OAuth flow (AllowedOAuthFlows: code), and each new secret must obtain a client_credentials token before it becomes current, '
      + 'so every rotation would fail. Fix: rotate only clients with the client_credentials flow (M2MClient, or oAuth.flows.clientCredentials with '
      + 'generateSecret: true), or remove the rotation (secretRotation on AppClient).');
  });

  test('fails for an aws-cdk-lib UserPoolClient with only the code grant, and accepts an imported client (flows unknown)', () => {
    const { stack, pool } = setup();
    const noOAuth = pool.addClient('NoOAuth', { generateSecret: true, oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: ['https://x.example.com/cb'] } });
    expect(() => new UserPoolClientSecret(stack, 'A', { userPool: pool, userPoolClient: noOAuth, tokenEndpoint: 'https://a.example.com/oauth2/token', rotation: {} }))
      .toThrow(/Property rotation: value \{ schedule: 30 days \} is not allowed because app client S\/Pool\/NoOAuth does not allow the client_credentials OAuth flow \(AllowedOAuthFlows: code\)/);
    const imported = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Imported', 'abc123');
    expect(() => new UserPoolClientSecret(stack, 'B', { userPool: pool, userPoolClient: imported, tokenEndpoint: 'https://a.example.com/oauth2/token', rotation: {} }))
      .not.toThrow();
  });
});

describe('waiting for the domain', () => {
  test('the verification and the rotation schedule depend on the HostedDomain\'s UserPoolDomain; the verification timeout is a prop', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
    const pool = new cognito.UserPool(stack, 'Pool');
    const api = pool.addResourceServer('Api', { identifier: 'api', scopes: [{ scopeName: 'read', scopeDescription: 'read' }] });
    const domain = new HostedDomain(stack, 'Domain', { userPool: pool, prefix: 'orders-wait' });
    new M2MClient(stack, 'Service', {
      userPool: pool,
      domain,
      scopes: [cognito.OAuthScope.resourceServer(api, { scopeName: 'read', scopeDescription: 'read' })],
      secretRotation: { schedule: Duration.days(30) },
      verifyOnDeploy: true,
      verificationTimeout: Duration.minutes(12),
    });
    const template = Template.fromStack(stack);
    const [domainId] = Object.keys(template.findResources('AWS::Cognito::UserPoolDomain'));
    const [verification] = Object.values(template.findResources('Custom::CognitoClientVerification') as Record<string, Json>);
    const [schedule] = Object.values(template.findResources('AWS::SecretsManager::RotationSchedule') as Record<string, Json>);
    expect(verification.DependsOn).toContain(domainId);
    expect(schedule.DependsOn).toContain(domainId);
    expect(verification.Properties.TimeoutSeconds).toBe('720');
  });

  test('without a domain construct nothing extra is added, and the default timeout is 5 minutes', () => {
    const { template } = build(true);
    const [verification] = Object.values(template.findResources('Custom::CognitoClientVerification') as Record<string, Json>);
    expect(verification.DependsOn ?? []).not.toContainEqual(expect.stringMatching(/Domain/));
    expect(verification.Properties.TimeoutSeconds).toBe('300');
  });
});
