import { Aspects, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoStack, pluginReport, RELIED_RULES, SECRET_RULE, synthError, testApp, violationKeys } from './apps';
import { CognitoClientAspect, CognitoClientChecks, CognitoFindings, M2MClient } from '../../src';

beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

describe("the library's own M2MClient next to aws-cdk-lib clients", () => {
  /** With the plugin (its failure throws from app.synth()) or with the Aspect (annotations only). */
  function build(mode: 'plugin' | 'aspect') {
    const app = testApp();
    if (mode === 'plugin') Validations.of(app).addPlugins(new CognitoClientChecks());
    else Aspects.of(app).add(new CognitoClientAspect());
    const stack = new CognitoStack(app, 'Stack');
    const server = stack.pool.node.findChild('Api') as cognito.UserPoolResourceServer;
    const service = new M2MClient(stack, 'Service', {
      userPool: stack.pool,
      scopes: [cognito.OAuthScope.resourceServer(server, { scopeName: 'read', scopeDescription: 'read the API' })],
    });
    return { app, stack, service };
  }

  test('the M2MClient has no deploy error, while the unsafe L2 client next to it has', () => {
    const { app, stack, service } = build('plugin');
    expect(synthError(app)).toBeDefined();
    const serviceId = stack.resolve(service.resource.logicalId);
    // plugin: nothing of the relied-on rules on the M2MClient, the unsafe L2 client is still caught
    const keys = violationKeys(pluginReport(app).violations);
    expect(keys.filter((key) => key.includes('Stack/Service/'))).toEqual([]);
    expect(keys).toContain(`${SECRET_RULE} @ Stack/Pool/UnsafeM2M/Resource (${stack.logicalIdOf(stack.unsafeM2M)})`);
    // assertions: no relied-on finding and no error on its logical id
    const findings = CognitoFindings.fromStack(stack).onResource(serviceId).findings;
    expect(findings.filter((f) => RELIED_RULES.includes(f.ruleId))).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('the Aspect adds no error on the M2MClient and still flags the unsafe L2 client', () => {
    const { stack } = build('aspect');
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findError('/Stack/Service/Resource', Match.anyValue())).toEqual([]);
    expect(annotations.findError('/Stack/Pool/UnsafeM2M/Resource', Match.stringLikeRegexp(`\\(${SECRET_RULE}, `))).toHaveLength(1);
  });
});
