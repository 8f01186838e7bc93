import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient } from '../../src';
import * as engine from '../../src/rules/engine';

// The constructs' validation lints each stack once; the rules judge only the resources of this library's constructs
// (nobody reports findings on the others), and every resource of the stack informs the cross-resource rules.

test('only the constructs\' resources are judged; an aws-cdk-lib client beside them informs the rules but is not judged', () => {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { region: 'eu-west-1', account: '123456789012' } });
  const pool = new cognito.UserPool(stack, 'Pool');
  // The L2's defaults (implicit grant, every scope) give findings: they must cost nothing and fail nothing here.
  const plain = new cognito.UserPoolClient(stack, 'Plain', { userPool: pool, oAuth: { callbackUrls: ['http://app.example.com/cb'] } });
  const ours = new AppClient(stack, 'Ours', { userPool: pool, authFlows: { userSrp: true } });
  const spy = jest.spyOn(engine, 'runRules');
  try {
    Template.fromStack(stack);
    const calls = spy.mock.calls.filter(([, template]) => Object.keys((template as { Resources: object }).Resources).length > 0);
    expect(calls).toHaveLength(1);
    const [, template, options] = calls[0];
    const oursId = stack.getLogicalId(ours.node.defaultChild as cognito.CfnUserPoolClient);
    const plainId = stack.getLogicalId(plain.node.defaultChild as cognito.CfnUserPoolClient);
    const poolId = stack.getLogicalId(pool.node.defaultChild as cognito.CfnUserPool);
    expect(Object.keys((template as { Resources: object }).Resources).sort()).toEqual([oursId, plainId, poolId].sort());
    expect(options?.onlyLogicalIds).toEqual([oursId]);
  } finally {
    spy.mockRestore();
  }
});
