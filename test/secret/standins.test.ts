import {
  AddUserPoolClientSecretCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientSecretCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientSecretsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  RotateSecretCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { CognitoStandIn } from './support/cognito-standin';
import { SecretsManagerStandIn } from './support/secrets-manager-standin';
import { StandIns, startStandIns } from './support/stand-ins';

// The stand-ins follow the API references (see their headers). These tests pin the documented rules the handlers
// depend on, through the real SDK clients, so a stand-in that drifted towards what a handler expects would fail here.

let servers: StandIns;
let cognito: CognitoStandIn;
let sm: SecretsManagerStandIn;

beforeAll(async () => {
  servers = await startStandIns();
  ({ cognito, sm } = servers);
});
afterAll(async () => { await servers?.stop(); });

type SdkError = { name: string; $metadata?: { httpStatusCode?: number } };
const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: SdkError) => [e.name, e.$metadata?.httpStatusCode]);

describe('Cognito client-secret stand-in', () => {
  test('two secrets at most, the last one stays, values only from Add, DescribeUserPoolClient shows the original only while it exists', async () => {
    const c = cognito.client();
    const pool = (await c.send(new CreateUserPoolCommand({ PoolName: 'standin' }))).UserPool!.Id!;
    const created = (await c.send(new CreateUserPoolClientCommand({
      UserPoolId: pool, ClientName: 'm2m', GenerateSecret: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['api/read'],
    }))).UserPoolClient!;
    const ids = { UserPoolId: pool, ClientId: created.ClientId! };

    const listed = await c.send(new ListUserPoolClientSecretsCommand(ids));
    expect(listed.ClientSecrets).toHaveLength(1);
    const originalId = listed.ClientSecrets![0].ClientSecretId!;
    expect(originalId).toMatch(new RegExp(`^${created.ClientId}--\\d+$`));
    expect(JSON.stringify(listed)).not.toContain(created.ClientSecret);

    const added = (await c.send(new AddUserPoolClientSecretCommand(ids))).ClientSecretDescriptor!;
    expect(added.ClientSecretValue).toMatch(/^[a-z0-9]{20,}$/);
    expect(added.ClientSecretCreateDate).toBeInstanceOf(Date);
    expect(await errorOf(c.send(new AddUserPoolClientSecretCommand(ids)))).toEqual(['LimitExceededException', 400]);

    // Both secrets get tokens.
    expect(await cognito.tokenStatus(created.ClientId!, created.ClientSecret!)).toBe(200);
    expect(await cognito.tokenStatus(created.ClientId!, added.ClientSecretValue!)).toBe(200);
    expect(await cognito.tokenStatus(created.ClientId!, 'not-a-secret-of-this-client-000')).toBe(400);

    await c.send(new DeleteUserPoolClientSecretCommand({ ...ids, ClientSecretId: originalId }));
    expect((await c.send(new DescribeUserPoolClientCommand(ids))).UserPoolClient!.ClientSecret).toBeUndefined();
    expect(await cognito.tokenStatus(created.ClientId!, created.ClientSecret!)).toBe(400);
    expect(await errorOf(c.send(new DeleteUserPoolClientSecretCommand({ ...ids, ClientSecretId: originalId })))).toEqual(['ResourceNotFoundException', 400]);
    expect(await errorOf(c.send(new DeleteUserPoolClientSecretCommand({ ...ids, ClientSecretId: added.ClientSecretId! })))).toEqual(['InvalidParameterException', 400]);

    // A custom secret: accepted when 24-64 characters of [\w+], and its value is not returned.
    expect(await errorOf(c.send(new AddUserPoolClientSecretCommand({ ...ids, ClientSecret: 'short' })))).toEqual(['InvalidParameterException', 400]);
    const custom = (await c.send(new AddUserPoolClientSecretCommand({ ...ids, ClientSecret: 'custom_secret_value_0123456789' }))).ClientSecretDescriptor!;
    expect(custom.ClientSecretValue).toBeUndefined();
    expect(await cognito.tokenStatus(created.ClientId!, 'custom_secret_value_0123456789')).toBe(200);
  });

  test('a client without the client_credentials flow is refused unauthorized_client even with its own secret', async () => {
    const c = cognito.client();
    const pool = (await c.send(new CreateUserPoolCommand({ PoolName: 'code' }))).UserPool!.Id!;
    const created = (await c.send(new CreateUserPoolClientCommand({
      UserPoolId: pool, ClientName: 'web', GenerateSecret: true, AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://app.example.com/cb'],
    }))).UserPoolClient!;
    await c.send(new ListUserPoolClientSecretsCommand({ UserPoolId: pool, ClientId: created.ClientId! }));
    const res = await fetch(cognito.tokenEndpoint, {
      method: 'POST',
      headers: { 'authorization': `Basic ${Buffer.from(`${created.ClientId}:${created.ClientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect([res.status, await res.json()]).toEqual([400, { error: 'unauthorized_client' }]);
  });
});

describe('Secrets Manager stand-in', () => {
  test('request tokens, staging labels and RotateSecret follow the API reference', async () => {
    const c = sm.client();
    const arn = (await c.send(new CreateSecretCommand({ Name: 'rules' }))).ARN!;
    const t1 = 'a'.repeat(32);
    await c.send(new PutSecretValueCommand({ SecretId: arn, SecretString: 'one', ClientRequestToken: t1 }));
    // Same token, same value: nothing happens. Same token, another value: ResourceExistsException.
    await c.send(new PutSecretValueCommand({ SecretId: arn, SecretString: 'one', ClientRequestToken: t1 }));
    expect(sm.versionCount(arn)).toBe(1);
    expect(await errorOf(c.send(new PutSecretValueCommand({ SecretId: arn, SecretString: 'two', ClientRequestToken: t1 })))).toEqual(['ResourceExistsException', 400]);

    const t2 = 'b'.repeat(32);
    await c.send(new PutSecretValueCommand({ SecretId: arn, SecretString: 'two', ClientRequestToken: t2 }));
    expect(sm.stagesOf(arn)).toEqual({ [t1]: ['AWSPREVIOUS'], [t2]: ['AWSCURRENT'] });

    // RotateSecret needs a function, then opens a version with AWSPENDING and no value.
    expect(await errorOf(c.send(new RotateSecretCommand({ SecretId: arn })))).toEqual(['InvalidRequestException', 400]);
    const t3 = (await c.send(new RotateSecretCommand({ SecretId: arn, RotationLambdaARN: 'arn:aws:lambda:us-east-1:111111111111:function:rotate' }))).VersionId!;
    expect((await c.send(new DescribeSecretCommand({ SecretId: arn }))).VersionIdsToStages![t3]).toEqual(['AWSPENDING']);
    expect(await errorOf(c.send(new GetSecretValueCommand({ SecretId: arn, VersionId: t3, VersionStage: 'AWSPENDING' })))).toEqual(['ResourceNotFoundException', 400]);
    expect(await errorOf(c.send(new RotateSecretCommand({ SecretId: arn })))).toEqual(['InvalidRequestException', 400]);

    // Moving AWSCURRENT needs RemoveFromVersionId naming its holder, and leaves AWSPREVIOUS behind.
    await c.send(new PutSecretValueCommand({ SecretId: arn, SecretString: 'three', ClientRequestToken: t3, VersionStages: ['AWSPENDING'] }));
    expect(await errorOf(c.send(new UpdateSecretVersionStageCommand({ SecretId: arn, VersionStage: 'AWSCURRENT', MoveToVersionId: t3 })))).toEqual(['InvalidParameterException', 400]);
    expect(await errorOf(c.send(new UpdateSecretVersionStageCommand({ SecretId: arn, VersionStage: 'AWSCURRENT', MoveToVersionId: t3, RemoveFromVersionId: t1 })))).toEqual(['InvalidParameterException', 400]);
    await c.send(new UpdateSecretVersionStageCommand({ SecretId: arn, VersionStage: 'AWSCURRENT', MoveToVersionId: t3, RemoveFromVersionId: t2 }));
    expect(sm.stagesOf(arn)).toEqual({ [t2]: ['AWSPREVIOUS'], [t3]: ['AWSPENDING', 'AWSCURRENT'] });

    // The deprecated version is listed only on request, across pages.
    const list = async (includeDeprecated: boolean) => {
      const out: string[] = [];
      let next: string | undefined;
      do {
        const page = await c.send(new ListSecretVersionIdsCommand({
          SecretId: arn, IncludeDeprecated: includeDeprecated, MaxResults: 1, NextToken: next,
        }));
        out.push(...page.Versions!.map((v) => v.VersionId!));
        next = page.NextToken;
      } while (next);
      return out.sort();
    };
    expect(await list(false)).toEqual([t2, t3].sort());
    expect(await list(true)).toEqual([t1, t2, t3].sort());
  });
});
