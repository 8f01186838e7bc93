import { client, templateWith } from './helpers';
import { ALL_RULES } from '../../src/rules/catalogue';
import { INTERNAL_ERROR_RULE_ID, runRules } from '../../src/rules/engine';
import { defineRule } from '../../src/rules/rule';
import { Severity } from '../../src/rules/types';

const throwing = defineRule({
  id: 'client-test-throws',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'A rule that always throws, standing in for a bug.',
  docUrl: 'https://example.com/rule',
  constraints: [],
  check: () => { throw new TypeError("Cannot read properties of undefined (reading 'length')\n    at check (rule.ts:1:1)"); },
});

// A client with an implicit grant and no secret for client_credentials: several real findings.
const template = templateWith({
  Broken: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'] }),
});

describe('a rule that throws', () => {
  test('becomes one internal-error finding naming the rule and the resource, and every other rule still reports', () => {
    const withoutIt = runRules(ALL_RULES, template);
    const middle = Math.floor(ALL_RULES.length / 2);
    const findings = runRules([...ALL_RULES.slice(0, middle), throwing, ...ALL_RULES.slice(middle)], template);

    const internal = findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID);
    expect(internal).toEqual([{
      ruleId: INTERNAL_ERROR_RULE_ID,
      severity: Severity.ERROR,
      logicalId: 'Broken',
      property: '',
      message: expect.stringMatching(/^Rule client-test-throws failed on resource Broken \(Cannot read properties of undefined \(reading 'length'\)\), so its findings on this resource are missing; every other rule ran\. Fix: /),
      docUrl: expect.stringMatching(/^https:\/\//),
    }]);
    // Only the first line of the error: no stack trace reaches a report.
    expect(internal[0].message).not.toContain('rule.ts:1:1');
    expect(findings.filter((f) => f.ruleId !== INTERNAL_ERROR_RULE_ID)).toEqual(withoutIt);
    expect(withoutIt.length).toBeGreaterThan(1);
  });

  test('a disabled throwing rule leaves no trace', () => {
    expect(runRules([throwing], template, { disabledRules: [throwing.id] })).toEqual([]);
  });
});
