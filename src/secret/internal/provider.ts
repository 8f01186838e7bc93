import { Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/** One onEvent function and one Provider per stack and handler kind, shared by every construct instance. */
export interface SingletonProvider {
  readonly onEvent: lambda.Function;
  readonly provider: cr.Provider;
}

export function singletonProvider(
  scope: Construct,
  id: string,
  makeFunction: (host: Construct, fnId: string, timeout: Duration) => lambda.Function,
  timeout: Duration,
): SingletonProvider {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(id) as SingletonProviderHost | undefined;
  if (existing) return existing;
  return new SingletonProviderHost(stack, id, makeFunction, timeout);
}

class SingletonProviderHost extends Construct implements SingletonProvider {
  readonly onEvent: lambda.Function;
  readonly provider: cr.Provider;

  constructor(scope: Construct, id: string, makeFunction: (host: Construct, fnId: string, timeout: Duration) => lambda.Function, timeout: Duration) {
    super(scope, id);
    this.onEvent = makeFunction(this, 'OnEvent', timeout);
    // The framework implements the CloudFormation response protocol; the handler only returns or throws.
    this.provider = new cr.Provider(this, 'Provider', { onEventHandler: this.onEvent });
  }
}
