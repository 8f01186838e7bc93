import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';

/** A stack with a user pool and a resource server `api` with scopes read and write. */
export function poolStack(poolProps: cognito.UserPoolProps = {}) {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { region: 'us-east-1', account: '123456789012' } });
  const userPool = new cognito.UserPool(stack, 'Pool', poolProps);
  const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' });
  const write = new cognito.ResourceServerScope({ scopeName: 'write', scopeDescription: 'Write' });
  const api = userPool.addResourceServer('Api', { identifier: 'api', scopes: [read, write] });
  return { app, stack, userPool, api, read, write };
}

/** The synth-time validation error of a stack (all violations, one per line). */
export function synthError(stack: Stack): string {
  try {
    Template.fromStack(stack);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synthesis to fail');
}
