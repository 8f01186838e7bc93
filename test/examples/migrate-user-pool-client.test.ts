import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { forSnapshot, lintDirectory, tempDir } from './helpers';
import { OrdersIdentityStack } from '../../examples/migrate-user-pool-client/app';

function synth(migrated: boolean) {
  const outdir = tempDir('example-migrate-');
  const app = new App({ outdir });
  const stack = new OrdersIdentityStack(app, 'OrdersIdentity', { migrated, env: { region: 'eu-west-1' } });
  app.synth();
  const template = Template.fromStack(stack).toJSON();
  const clients = Object.entries(template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>)
    .filter(([, r]) => r.Type === 'AWS::Cognito::UserPoolClient');
  return { outdir, template, clients };
}

describe('example: moving an aws-cdk-lib UserPoolClient to AppClient without replacing it', () => {
  const before = synth(false);
  const after = synth(true);

  test('the client keeps its logical id, so CloudFormation updates it in place', () => {
    expect(before.clients.map(([id]) => id)).toEqual(['UsersWebA39D1A70']);
    expect(after.clients.map(([id]) => id)).toEqual(['UsersWebA39D1A70']);
  });

  test('the create-only properties (UserPoolId, GenerateSecret) are unchanged: no replacement, same client id', () => {
    const createOnly = (props: Record<string, unknown>) => ({ UserPoolId: props.UserPoolId, GenerateSecret: props.GenerateSecret });
    expect(createOnly(after.clients[0][1].Properties)).toEqual(createOnly(before.clients[0][1].Properties));
    expect(createOnly(after.clients[0][1].Properties)).toEqual({ UserPoolId: { Ref: 'Users0A0EEA89' }, GenerateSecret: false });
  });

  test('every other property is unchanged except the three AppClient writes on purpose', () => {
    const b = before.clients[0][1].Properties;
    const a = after.clients[0][1].Properties;
    const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])]
      .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
    expect(changed).toEqual(['EnableTokenRevocation', 'ExplicitAuthFlows', 'PreventUserExistenceErrors']);
    expect([a.EnableTokenRevocation, a.ExplicitAuthFlows, a.PreventUserExistenceErrors])
      .toEqual([true, ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], 'ENABLED']);
    // The rest of the stack is untouched.
    const withoutClients = (t: any) => Object.keys(t.Resources).filter((id) => id !== 'UsersWebA39D1A70').map((id) => [id, t.Resources[id]]);
    expect(withoutClients(after.template)).toEqual(withoutClients(before.template));
  });

  test('the linter warns about the old client (user existence errors) and finds nothing on the new one', async () => {
    const old = await lintDirectory(before.outdir);
    expect(old.code).toBe(0);
    expect(old.findings.map((f) => [f.ruleId, f.severity, f.logicalId])).toEqual([
      ['client-user-existence-errors-legacy', 'warning', 'UsersWebA39D1A70'],
    ]);
    const migrated = await lintDirectory(after.outdir);
    expect([migrated.code, migrated.findings]).toEqual([0, []]);
  });

  test('template snapshots, before and after', () => {
    expect(forSnapshot(before.template)).toMatchSnapshot('before');
    expect(forSnapshot(after.template)).toMatchSnapshot('after');
  });
});
