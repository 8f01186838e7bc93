import { create } from 'xmlbuilder2';
import { Finding, RuleInfo, Severity } from '../../../rules';
import { FileReport, LintReport } from '../report';

/** What the JUnit report needs besides the findings. */
export interface JUnitOptions {
  /** The name of the whole run (the `testsuites` element). */
  readonly name: string;
  /** The rules that ran: each gives one test case per resource of its type. */
  readonly rules: readonly RuleInfo[];
  /** Warnings fail their test case too (`--strict`); otherwise they pass and are kept in `system-out`. */
  readonly strict?: boolean;
}

/**
 * A JUnit XML report, the format CI systems read as test results (GitLab, Jenkins, Azure DevOps, CircleCI,
 * dorny/test-reporter): one test suite per template, one test case per rule and checked resource. A case fails
 * when the rule found an error on the resource (or a warning with `strict`); an input that could not be linted is
 * a suite with one case in error. Valid against the common JUnit schema (Jenkins' junit-10.xsd): one `failure` or
 * `error` per case, counts on every suite, the file on the suite (the schema has no `file` on a test case).
 */
// https://github.com/jenkinsci/xunit-plugin/blob/master/src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd
export function formatJUnit(report: LintReport, options: JUnitOptions): string {
  // XML 1.0 cannot carry some characters even escaped (NUL, most C0 controls, U+FFFE/U+FFFF, lone surrogates);
  // a template can hold them, so they are written as visible \uXXXX escapes instead.
  const doc = create({
    version: '1.0',
    encoding: 'UTF-8',
    invalidCharReplacement: (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  });
  const suites = report.files.map((file) => suiteOf(file, options));
  const totals = {
    tests: suites.reduce((sum, s) => sum + s.cases.length, 0) + report.inputErrors.length,
    failures: suites.reduce((sum, s) => sum + s.cases.filter((c) => c.failing.length > 0).length, 0),
    errors: report.inputErrors.length,
  };
  const root = doc.ele('testsuites', {
    name: options.name,
    tests: String(totals.tests),
    failures: String(totals.failures),
    errors: String(totals.errors),
  });

  for (const suite of suites) {
    const element = root.ele('testsuite', {
      name: suite.file.file,
      file: suite.file.file,
      tests: String(suite.cases.length),
      failures: String(suite.cases.filter((c) => c.failing.length > 0).length),
      errors: '0',
      skipped: '0',
    });
    for (const testCase of suite.cases) {
      const caseElement = element.ele('testcase', { name: testCase.ruleId, classname: testCase.logicalId });
      if (testCase.failing.length > 0) {
        const [first] = testCase.failing;
        caseElement.ele('failure', { message: first.message, type: first.severity }).txt(details(suite.file, testCase.failing));
      }
      const passing = testCase.findings.filter((f) => !testCase.failing.includes(f));
      if (passing.length > 0) caseElement.ele('system-out').txt(details(suite.file, passing));
    }
  }

  for (const error of report.inputErrors) {
    root.ele('testsuite', { name: error.file, file: error.file, tests: '1', failures: '0', errors: '1', skipped: '0' })
      .ele('testcase', { name: 'template can be linted', classname: error.file })
      .ele('error', { message: error.problem, type: 'input-error' }).txt(`${error.file}: ${error.problem}`);
  }
  return doc.end({ prettyPrint: true }) + '\n';
}

interface TestCase {
  readonly ruleId: string;
  readonly logicalId: string;
  readonly findings: readonly Finding[];
  /** The findings that fail the case. */
  readonly failing: readonly Finding[];
}

/** The cases of one template: every enabled rule for every resource of its type, in template then rule order. */
function suiteOf(file: FileReport, options: JUnitOptions): { file: FileReport; cases: TestCase[] } {
  const fails = (finding: Finding) => finding.severity === Severity.ERROR || options.strict === true;
  const cases: TestCase[] = [];
  for (const resource of file.checkedResourceIds ?? []) {
    for (const rule of options.rules.filter((r) => r.resourceType === resource.type)) {
      const findings = file.findings.filter((f) => f.logicalId === resource.logicalId && f.ruleId === rule.id);
      cases.push({ ruleId: rule.id, logicalId: resource.logicalId, findings, failing: findings.filter(fails) });
    }
  }
  // Findings of no catalogue rule (the engine reporting a rule that failed) get a case of their own.
  const covered = new Set(cases.map((c) => `${c.ruleId}\u0000${c.logicalId}`));
  for (const finding of file.findings) {
    const key = `${finding.ruleId}\u0000${finding.logicalId}`;
    if (covered.has(key)) continue;
    covered.add(key);
    const findings = file.findings.filter((f) => f.ruleId === finding.ruleId && f.logicalId === finding.logicalId);
    cases.push({ ruleId: finding.ruleId, logicalId: finding.logicalId, findings, failing: findings.filter(fails) });
  }
  return { file, cases };
}

/** The text of a failure: where, what and the source of each finding, as the text report writes them. */
function details(file: FileReport, findings: readonly Finding[]): string {
  return findings.map((finding) => {
    const line = file.resourceLines.get(finding.logicalId);
    return `${file.file}${line ? `:${line}` : ''} ${finding.logicalId}\n`
      + `${finding.severity} ${finding.ruleId} (${finding.property}): ${finding.message}\n${finding.docUrl}`;
  }).join('\n\n');
}
