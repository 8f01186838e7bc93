import { App, AspectPriority, Aspects, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CognitoStack, SCOPES_RULE, SECRET_RULE } from './apps';
import { CognitoClientAspect, CognitoClientLinter, Severity } from '../../src';

afterEach(() => jest.restoreAllMocks());

function stackWithAspect(props: ConstructorParameters<typeof CognitoClientAspect>[0] = {}, compliantOnly = false) {
  const app = new App();
  const stack = new CognitoStack(app, 'Stack', { compliantOnly });
  Aspects.of(app).add(new CognitoClientAspect(props), { priority: AspectPriority.READONLY });
  return { app, stack };
}

/** Paths (without leading slash) of annotations of one type whose message ends with `(ruleId, link)`. */
function pathsOf(stack: Stack, type: 'error' | 'warning', ruleId: string): string[] {
  const annotations = Annotations.fromStack(stack);
  const found = type === 'error'
    ? annotations.findError('*', Match.stringLikeRegexp(`\\(${ruleId}, https://`))
    : annotations.findWarning('*', Match.stringLikeRegexp(`\\(${ruleId}, https://`));
  return found.map((message) => message.id.replace(/^\//, '')).sort();
}

describe('CognitoClientAspect', () => {
  test('adds an error on exactly the violating resources, ending with (rule-id, docUrl)', () => {
    const { stack } = stackWithAspect();
    expect(pathsOf(stack, 'error', SECRET_RULE)).toEqual(['Stack/Pool/UnsafeM2M/Resource']);
    expect(pathsOf(stack, 'error', SCOPES_RULE)).toEqual(['Stack/BadScopeL1']);
    Annotations.fromStack(stack).hasError('/Stack/Pool/UnsafeM2M/Resource', Match.stringLikeRegexp(
      '^Property GenerateSecret is not set, but .*\\(client-credentials-requires-secret, https://docs\\.aws\\.amazon\\.com/[^ ]+\\)$'));
  });

  test('compliant clients get no annotation from the relied-on rules', () => {
    const { stack } = stackWithAspect({}, true);
    for (const rule of [SECRET_RULE, SCOPES_RULE]) {
      expect(pathsOf(stack, 'error', rule)).toEqual([]);
      expect(pathsOf(stack, 'warning', rule)).toEqual([]);
    }
  });

  test('sees escape hatches: an override that adds the secret clears the finding', () => {
    const app = new App();
    const stack = new CognitoStack(app, 'Stack');
    (stack.unsafeM2M.node.defaultChild as cognito.CfnUserPoolClient).addPropertyOverride('GenerateSecret', true);
    Aspects.of(app).add(new CognitoClientAspect());
    expect(pathsOf(stack, 'error', SECRET_RULE)).toEqual([]);
  });

  test('disabledRules turns rules off', () => {
    const { stack } = stackWithAspect({ disabledRules: [SECRET_RULE] });
    expect(pathsOf(stack, 'error', SECRET_RULE)).toEqual([]);
    expect(pathsOf(stack, 'error', SCOPES_RULE)).toEqual(['Stack/BadScopeL1']);
  });

  test('lints each stack once, however many Cognito resources it has', () => {
    const lint = jest.spyOn(CognitoClientLinter, 'lintTemplate');
    const app = new App();
    const one = new CognitoStack(app, 'One');
    for (let i = 0; i < 20; i++) one.pool.addClient(`Extra${i}`);
    new CognitoStack(app, 'Two');
    new Stack(app, 'NoCognito');
    Aspects.of(app).add(new CognitoClientAspect());
    app.synth();
    expect(lint).toHaveBeenCalledTimes(2);
  });

  test("uses the stack's region", () => {
    const lint = jest.spyOn(CognitoClientLinter, 'lintTemplate');
    const app = new App();
    new CognitoStack(app, 'Stack', { env: { region: 'eu-central-1' }, compliantOnly: true });
    Aspects.of(app).add(new CognitoClientAspect());
    app.synth();
    expect(lint.mock.calls.map(([, options]) => options?.region)).toEqual(['eu-central-1']);
  });

  test('a reference to a pool of another stack is unknown, not the same-named pool of this stack', () => {
    // GIVEN two stacks whose pools have the same logical id; only stack A's pool defines api/read
    const app = new App();
    const a = new Stack(app, 'A');
    const poolA = new cognito.UserPool(a, 'Pool');
    poolA.addResourceServer('Api', { identifier: 'api', scopes: [{ scopeName: 'read', scopeDescription: 'r' }] });
    const b = new Stack(app, 'B');
    new cognito.UserPool(b, 'Pool').addResourceServer('Other', { identifier: 'other', scopes: [{ scopeName: 'x', scopeDescription: 'x' }] });
    // WHEN a client in B uses A's pool and scope
    new cognito.CfnUserPoolClient(b, 'Client', {
      userPoolId: poolA.userPoolId,
      generateSecret: true,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['client_credentials'],
      allowedOAuthScopes: ['api/read'],
    });
    Aspects.of(app).add(new CognitoClientAspect());
    // THEN no scope finding: the pool is not B's
    expect(pathsOf(b, 'error', SCOPES_RULE)).toEqual([]);
  });

  test('node.addDependency() counts as DependsOn, although CDK renders it only after the Aspects ran', () => {
    // GIVEN a client that takes a scope of a resource server it neither references nor depends on
    const build = (withDependency: boolean) => {
      const app = new App();
      const stack = new Stack(app, 'Stack');
      const pool = new cognito.UserPool(stack, 'Pool');
      const server = pool.addResourceServer('Api', { identifier: 'api', scopes: [{ scopeName: 'read', scopeDescription: 'r' }] });
      const holder = new Construct(stack, 'Holder');
      new cognito.CfnUserPoolClient(holder, 'Client', {
        userPoolId: pool.userPoolId,
        generateSecret: true,
        allowedOAuthFlowsUserPoolClient: true,
        allowedOAuthFlows: ['client_credentials'],
        allowedOAuthScopes: ['api/read'],
      });
      // the dependency is declared on an ancestor of the L1, as CDK allows
      if (withDependency) holder.node.addDependency(server);
      Aspects.of(app).add(new CognitoClientAspect());
      return stack;
    };
    const rule = 'client-depends-on-pool-resources';
    expect(CognitoClientLinter.rules().map((r) => r.id)).toContain(rule);
    expect(pathsOf(build(false), 'warning', rule)).toEqual(['Stack/Holder/Client']);
    expect(pathsOf(build(true), 'warning', rule)).toEqual([]);
  });

  describe('acknowledgements', () => {
    test('bare and namespaced ids on the construct or an ancestor silence the finding', () => {
      const { stack } = stackWithAspect();
      Validations.of(stack.unsafeM2M).acknowledge({ id: SECRET_RULE, reason: 'legacy' });
      Validations.of(stack).acknowledge({ id: `cdk-cognito-clients::${SCOPES_RULE}`, reason: 'created elsewhere' });
      expect(pathsOf(stack, 'error', SECRET_RULE)).toEqual([]);
      expect(pathsOf(stack, 'error', SCOPES_RULE)).toEqual([]);
    });

    test('an acknowledgement of another rule or on a sibling does not silence', () => {
      const { stack } = stackWithAspect();
      Validations.of(stack.unsafeM2M).acknowledge({ id: SCOPES_RULE, reason: 'wrong rule' });
      Validations.of(stack.safeM2M).acknowledge({ id: SECRET_RULE, reason: 'wrong construct' });
      expect(pathsOf(stack, 'error', SECRET_RULE)).toEqual(['Stack/Pool/UnsafeM2M/Resource']);
    });

    test('a blank reason is refused: the finding stays and the acknowledging construct gets an error', () => {
      const { stack } = stackWithAspect();
      Validations.of(stack.unsafeM2M).acknowledge({ id: SECRET_RULE, reason: '  ' });
      expect(pathsOf(stack, 'error', SECRET_RULE)).toEqual(['Stack/Pool/UnsafeM2M/Resource']);
      Annotations.fromStack(stack).hasError('/Stack/Pool/UnsafeM2M', Match.stringLikeRegexp(
        "Acknowledgement 'Annotation::client-credentials-requires-secret' on Stack/Pool/UnsafeM2M is refused because its reason is empty"));
    });
  });

  describe('warnings', () => {
    function withWarningOnSafeL1() {
      const original = CognitoClientLinter.lintTemplate.bind(CognitoClientLinter);
      jest.spyOn(CognitoClientLinter, 'lintTemplate').mockImplementation((template, options) => [
        ...original(template, options).filter((f) => f.severity === Severity.ERROR),
        { ruleId: 'client-test-warning', severity: Severity.WARNING, logicalId: 'SafeL1', property: 'ClientName', message: 'Property ClientName: test.', docUrl: 'https://example.com/doc' },
      ]);
    }

    test('are reported with addWarningV2 under the rule id, so CDK can acknowledge them', () => {
      withWarningOnSafeL1();
      const { stack } = stackWithAspect({}, true);
      Annotations.fromStack(stack).hasWarning('/Stack/SafeL1', 'Property ClientName: test. (client-test-warning, https://example.com/doc) [ack: client-test-warning]');
    });

    test.each([
      ['warningsAsErrors', { warningsAsErrors: true }],
      ['failOn: WARNING', { failOn: Severity.WARNING }],
    ])('%s makes them errors', (_name, props) => {
      withWarningOnSafeL1();
      const { stack } = stackWithAspect(props, true);
      Annotations.fromStack(stack).hasError('/Stack/SafeL1', 'Property ClientName: test. (client-test-warning, https://example.com/doc)');
      Annotations.fromStack(stack).hasNoWarning('/Stack/SafeL1', Match.stringLikeRegexp('client-test-warning'));
    });
  });
});
