import { App, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CognitoStack, RELIED_RULES, SCOPES_RULE, SECRET_RULE, testApp } from './apps';
import { CognitoClientChecks, CognitoClientLinter, CognitoFindings } from '../../src';

/** Only the rules these tests rely on, so that new rules do not change the expectations. */
function relied(findings: CognitoFindings) {
  return findings.findings.filter((f) => RELIED_RULES.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.logicalId}`).sort();
}

describe('CognitoFindings', () => {
  test('fromStack lints the synthesized template of the stack', () => {
    const app = new App();
    const stack = new CognitoStack(app, 'Stack');
    expect(relied(CognitoFindings.fromStack(stack))).toEqual([
      `${SCOPES_RULE} ${stack.logicalIdOf(stack.badScopeL1)}`,
      `${SECRET_RULE} ${stack.logicalIdOf(stack.unsafeM2M)}`,
    ].sort());
  });

  test('fromTemplate gives what lintTemplate gives', () => {
    const app = new App();
    const stack = new CognitoStack(app, 'Stack');
    const template = Template.fromStack(stack).toJSON();
    expect(CognitoFindings.fromTemplate(template).findings).toEqual(CognitoClientLinter.lintTemplate(template));
  });

  test('fromStack still works when the validation plugin fails the synthesis', () => {
    const app = testApp();
    Validations.of(app).addPlugins(new CognitoClientChecks());
    const stack = new CognitoStack(app, 'Stack');
    expect(() => app.synth()).toThrow(/client-credentials-requires-secret/);
    expect(relied(CognitoFindings.fromStack(stack))).toHaveLength(2);
  });

  test('fromStack works for stacks in a nested stage and uses the stack region', () => {
    const app = new App();
    const stack = new CognitoStack(new Stage(app, 'Prod'), 'Stack', { env: { region: 'us-west-2' } });
    const lint = jest.spyOn(CognitoClientLinter, 'lintTemplate');
    expect(relied(CognitoFindings.fromStack(stack).ofRule(SECRET_RULE))).toEqual([`${SECRET_RULE} ${stack.logicalIdOf(stack.unsafeM2M)}`]);
    expect(lint.mock.calls[0][1]?.region).toBe('us-west-2');
    lint.mockRestore();
  });

  test('fromStack rethrows errors that are not policy validation failures', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    stack.node.addValidation({ validate: () => ['broken on purpose'] });
    expect(() => CognitoFindings.fromStack(stack)).toThrow(/broken on purpose/);
  });

  describe('hasNone', () => {
    test('passes without findings', () => {
      expect(() => CognitoFindings.fromTemplate({ Resources: {} }).hasNone()).not.toThrow();
    });

    test('throws a plain Error listing every finding with its rule id and link', () => {
      const app = new App();
      const stack = new CognitoStack(app, 'Stack');
      const findings = CognitoFindings.fromStack(stack);
      let error: unknown;
      try {
        findings.hasNone();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toMatch(new RegExp(`^Expected no Cognito findings, found ${findings.findings.length}:`));
      expect(message).toContain(`[error] ${stack.logicalIdOf(stack.unsafeM2M)}: Property GenerateSecret is not set, but`);
      expect(message).toContain(`(${SECRET_RULE}, https://`);
      expect(message).toContain(`(${SCOPES_RULE}, https://`);
    });
  });

  describe('hasExactly', () => {
    const app = new App();
    const stack = new CognitoStack(app, 'Stack');
    const findings = CognitoFindings.fromStack(stack);
    const m2m = stack.logicalIdOf(stack.unsafeM2M);
    const l1 = stack.logicalIdOf(stack.badScopeL1);

    test('passes on the same findings in any order, optionally with the property', () => {
      expect(() => findings.ofRule(SECRET_RULE).hasExactly([{ ruleId: SECRET_RULE, logicalId: m2m, property: 'GenerateSecret' }])).not.toThrow();
      const both = new Set([SECRET_RULE, SCOPES_RULE]);
      const others = CognitoClientLinter.rules().map((r) => r.id).filter((id) => !both.has(id));
      const subset = CognitoFindings.fromTemplate(Template.fromStack(stack).toJSON(), { disabledRules: others });
      expect(() => subset.hasExactly([{ ruleId: SCOPES_RULE, logicalId: l1 }, { ruleId: SECRET_RULE, logicalId: m2m }])).not.toThrow();
    });

    test('throws listing missing and unexpected findings', () => {
      expect(() => findings.ofRule(SECRET_RULE).hasExactly([{ ruleId: SECRET_RULE, logicalId: l1 }])).toThrow(
        new RegExp(`missing:\\n  - ${SECRET_RULE} on ${l1}\\nunexpected:\\n  - \\[error\\] ${m2m}: Property GenerateSecret`));
    });

    test('a wrong property does not match', () => {
      expect(() => findings.ofRule(SECRET_RULE).hasExactly([{ ruleId: SECRET_RULE, logicalId: m2m, property: 'ClientName' }])).toThrow(/missing/);
    });

    test('each expected entry matches one finding only', () => {
      expect(() => findings.ofRule(SECRET_RULE).hasExactly([
        { ruleId: SECRET_RULE, logicalId: m2m }, { ruleId: SECRET_RULE, logicalId: m2m },
      ])).toThrow(/missing/);
    });

    test('onResource narrows to one logical id', () => {
      expect(findings.onResource(l1).findings.every((f) => f.logicalId === l1)).toBe(true);
      expect(relied(findings.onResource(l1))).toEqual([`${SCOPES_RULE} ${l1}`]);
    });
  });
});
