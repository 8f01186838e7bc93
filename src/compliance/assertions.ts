import * as fs from 'fs';
import * as path from 'path';
import { Stack, Stage, Token } from 'aws-cdk-lib';
import { CognitoClientLinter, LintOptions } from '../rules';
import { formatFinding } from '../rules/messages';
import { Finding } from '../rules/types';

/** A finding a test expects. */
export interface ExpectedFinding {
  /** The rule id, e.g. `client-credentials-requires-secret`. */
  readonly ruleId: string;
  /** The logical id of the resource in the template. */
  readonly logicalId: string;
  /**
   * The property path, e.g. `CallbackURLs[2]`.
   *
   * @default - any property
   */
  readonly property?: string;
}

/**
 * The findings of the cdk-cognito-clients rules on one template, with assertions for unit tests.
 * The assertions throw plain `Error`s, so they work with any test runner.
 *
 * @example
 * CognitoFindings.fromStack(stack).hasNone();
 * CognitoFindings.fromStack(stack).ofRule('client-credentials-requires-secret')
 *   .hasExactly([{ ruleId: 'client-credentials-requires-secret', logicalId: 'M2MClient1234' }]);
 */
export class CognitoFindings {
  /**
   * Synthesizes the stack's app (or stage) and lints the stack's template. The stack's region is used when it is
   * known. If a validation plugin fails the synthesis after the template was written, the written template is linted.
   */
  public static fromStack(stack: Stack, options: LintOptions = {}): CognitoFindings {
    const stage = Stage.of(stack);
    if (!stage) throw new Error(`Stack ${stack.node.path} is not part of an App or Stage`);
    let synthError: unknown;
    try {
      stage.synth();
    } catch (error) {
      synthError = error;
    }
    const templateFile = path.join(stage.outdir, stack.templateFile);
    // Policy validation runs after the assembly is written; its failure report says where the report is.
    const validationFailed = synthError instanceof Error && synthError.message.includes('A copy of this report can be found in');
    if (synthError !== undefined && !validationFailed) throw synthError;
    if (!fs.existsSync(templateFile)) throw new Error(`No template for stack ${stack.node.path} at ${templateFile}`);
    const template = JSON.parse(fs.readFileSync(templateFile, 'utf-8'));
    const region = options.region ?? (Token.isUnresolved(stack.region) ? undefined : stack.region);
    return new CognitoFindings(CognitoClientLinter.lintTemplate(template, { ...options, region }));
  }

  /** Lints a CloudFormation template object (for example `Template.fromStack(stack).toJSON()`). */
  public static fromTemplate(template: any, options: LintOptions = {}): CognitoFindings {
    return new CognitoFindings(CognitoClientLinter.lintTemplate(template, options));
  }

  /** Every finding, in template order and then rule order. */
  public readonly findings: Finding[];

  private constructor(findings: Finding[]) {
    this.findings = findings;
  }

  /** Only the findings of one rule: keeps assertions stable when new rules are added. */
  public ofRule(ruleId: string): CognitoFindings {
    return new CognitoFindings(this.findings.filter((finding) => finding.ruleId === ruleId));
  }

  /** Only the findings on one resource. */
  public onResource(logicalId: string): CognitoFindings {
    return new CognitoFindings(this.findings.filter((finding) => finding.logicalId === logicalId));
  }

  /** Throws, listing every finding, when there is any. */
  public hasNone(): void {
    if (this.findings.length === 0) return;
    throw new Error(`Expected no Cognito findings, found ${this.findings.length}:\n${this.findings.map(describe).join('\n')}`);
  }

  /**
   * Throws unless the findings are exactly the expected ones (order does not matter; each expected entry matches
   * one finding). The error lists the missing and the unexpected findings.
   */
  public hasExactly(expected: ExpectedFinding[]): void {
    const unmatched = [...this.findings];
    const missing: ExpectedFinding[] = [];
    for (const wanted of expected) {
      const index = unmatched.findIndex((finding) => matches(finding, wanted));
      if (index === -1) missing.push(wanted);
      else unmatched.splice(index, 1);
    }
    if (missing.length === 0 && unmatched.length === 0) return;
    const lines = [`Cognito findings differ from the expected ${expected.length}:`];
    if (missing.length) {
      lines.push('missing:', ...missing.map((m) => `  - ${m.ruleId} on ${m.logicalId}${m.property !== undefined ? ` (${m.property})` : ''}`));
    }
    if (unmatched.length) lines.push('unexpected:', ...unmatched.map(describe));
    throw new Error(lines.join('\n'));
  }
}

function matches(finding: Finding, expected: ExpectedFinding): boolean {
  return finding.ruleId === expected.ruleId && finding.logicalId === expected.logicalId &&
    (expected.property === undefined || finding.property === expected.property);
}

function describe(finding: Finding): string {
  return `  - [${finding.severity}] ${finding.logicalId}: ${formatFinding(finding)}`;
}
