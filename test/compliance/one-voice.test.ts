import { AspectPriority, Aspects, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { pluginReport, testApp } from './apps';
import { AppClient, CognitoClientAspect, CognitoClientChecks } from '../../src';

const RULE = 'client-long-token-lifetimes';
const REASON = 'nightly batch; its tokens never leave the VPC';

// CDK prints passing reports that still contain warnings to stderr.
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

/**
 * One AppClient with a 12-hour access token, a warning of RULE, reported by all three doors at once: the construct
 * (annotation on the construct), the Aspect (annotation on its CfnUserPoolClient) and the plugin (validation report).
 */
function synthesize(acknowledge?: { id: string; reason: string }) {
  const app = testApp();
  Validations.of(app).addPlugins(new CognitoClientChecks());
  Aspects.of(app).add(new CognitoClientAspect(), { priority: AspectPriority.READONLY });
  const stack = new Stack(app, 'Stack');
  const userPool = new cognito.UserPool(stack, 'Pool');
  new AppClient(stack, 'Batch', { userPool, accessTokenValidity: Duration.hours(12) });
  if (acknowledge) Validations.of(stack).acknowledge(acknowledge);
  let error: Error | undefined;
  let messages: Array<{ level: string; id: string; entry: { data: unknown } }> = [];
  try {
    messages = app.synth().getStackArtifact(stack.artifactId).messages as any;
  } catch (e) {
    error = e as Error;
  }
  const ofRule = (level: string) => messages
    .filter((m) => m.level === level && String(m.entry.data).includes(`(${RULE}, `))
    .map((m) => m.id)
    .sort();
  const pluginFindings = (pluginReport(app).violations as any[]).filter((v) => v.ruleName === RULE);
  return { app, error, warnings: ofRule('warning'), errors: messages.filter((m) => m.level === 'error').map((m) => String(m.entry.data)), pluginFindings };
}

describe('one acknowledgement id for all three doors', () => {
  test('without an acknowledgement, the construct, the Aspect and the plugin each report the warning', () => {
    const { error, warnings, pluginFindings } = synthesize();
    expect(error).toBeUndefined();
    expect(warnings).toEqual(['/Stack/Batch', '/Stack/Batch/Resource']);
    expect(pluginFindings.map((v) => v.severity)).toEqual(['warning']);
    // The message prints the bare rule id, the one to acknowledge, in every door.
    expect(pluginFindings[0].description).toMatch(/^Property AccessTokenValidity: value 12 is risky because /);
  });

  test.each([
    ['the bare rule id', RULE],
    ['the id CDK prints for plugin findings', `cdk-cognito-clients::${RULE}`],
    ['the id the constructs printed in earlier releases', `Annotation::cdk-cognito-clients:${RULE}`],
  ])('%s silences it in every door, and the reason stays in the plugin report', (_title, id) => {
    const { app, error, warnings, errors } = synthesize({ id, reason: REASON });
    expect(error).toBeUndefined();
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    // CDK moves plugin-namespaced acknowledgements to suppressedViolations; the plugin keeps the others as info.
    const report = pluginReport(app);
    const active = (report.violations as any[]).filter((v) => v.ruleName === RULE);
    expect(active.map((v) => v.severity).filter((s) => s !== 'info')).toEqual([]);
    const kept = [...active, ...(report.suppressedViolations ?? [])].filter((v: any) => v.ruleName === RULE);
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept[0])).toContain(REASON);
  });

  test('a blank reason is refused: synthesis fails naming the acknowledgement, and the warning stays in the report', () => {
    const { app, error } = synthesize({ id: RULE, reason: ' ' });
    expect(error?.message).toContain("Acknowledgement 'Annotation::client-long-token-lifetimes' on Stack is refused because its reason is empty");
    const stillReported = (pluginReport(app).violations as any[]).filter((v) => v.ruleName === RULE).map((v) => v.severity);
    expect(stillReported).toEqual(['warning']);
  });
});
