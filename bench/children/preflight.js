'use strict';
/**
 * The peer on one template: `node preflight.js <file> [--builtin]`.
 *
 * Drives cdk-preflight's rule pack the way its enforce plugin does (node_modules/cdk-preflight/lib/private/enforce.js):
 * the pack pruned to the template's resource types, one RegoEngine of @aws/cloudformation-validate (the copy bundled
 * in aws-cdk-lib) built with the pack as custom rules, then validateDetailed on the file. The engine's own built-in
 * rules are off unless --builtin (enforce mode turns them off too unless `strict`).
 * Prints one JSON line with the phase times and the number of findings of the pack.
 */
const { performance } = require('perf_hooks');

const [file, flag] = process.argv.slice(2);
const builtin = flag === '--builtin';

const t0 = performance.now();
const enforce = require('cdk-preflight/lib/private/enforce');
const { BUNDLED_RULES, BUNDLED_LIBS } = require('cdk-preflight/lib/rules.generated');
const engineModule = enforce.loadEngine();
if (!engineModule) throw new Error('@aws/cloudformation-validate could not be resolved');
const t1 = performance.now();

// enforce.templateResourceTypes reads JSON only; a YAML file would keep all ~2,500 rules. The benchmark templates
// hold exactly these three types, so both formats get the same pruned pack as a JSON file would.
const types = file.endsWith('.json')
  ? enforce.templateResourceTypes([file])
  : new Set(['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolResourceServer', 'AWS::Cognito::UserPoolClient']);
const rules = enforce.prune(BUNDLED_RULES, types);
const engine = new engineModule.RegoEngine({
  customRules: [...BUNDLED_LIBS.map((lib) => ({ name: lib.name, content: lib.rego })), ...enforce.mergeRuleModules(rules)],
});
const t2 = performance.now();

const report = engine.validateDetailed(new engineModule.TemplateFile(file), {
  pseudoParameterOverrides: { accountId: '123456789012', region: 'eu-west-1' },
  disableBuiltinRules: !builtin,
});
const t3 = performance.now();

const ours = new Set(rules.map((rule) => rule.id));
const diagnostics = report.diagnostics ?? [];
const packFindings = diagnostics.filter((d) => d.source === 'CUSTOM' && ours.has(d.ruleId));
const byRule = {};
for (const d of packFindings) byRule[d.ruleId] = (byRule[d.ruleId] ?? 0) + 1;
process.stdout.write(`${JSON.stringify({
  requireMs: t1 - t0,
  engineBuildMs: t2 - t1,
  validateMs: t3 - t2,
  rules: rules.length,
  diagnostics: diagnostics.length,
  packFindings: packFindings.length,
  byRule,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
})}\n`);
