import { ALL_RULES } from './catalogue';
import { runRules } from './engine';
import { formatFinding } from './messages';
import { Finding, Severity } from './types';

export { Finding, Severity } from './types';

/** Options for {@link CognitoClientLinter.lintTemplate}. */
export interface LintOptions {
  /**
   * The region the template deploys to. Resolves `AWS::Region` and enables region checks.
   * @default - unknown: region-dependent checks are skipped
   */
  readonly region?: string;
  /**
   * Rule ids not to run.
   * @default - every rule runs
   */
  readonly disabledRules?: string[];
}

/** What the rule catalogue says about one rule. */
export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  /** The CloudFormation resource type the rule applies to. */
  readonly resourceType: string;
  readonly description: string;
  readonly docUrl: string;
  /** Rows of the project's constraint inventory the rule covers. */
  readonly constraints: string[];
}

/**
 * The rule engine, for programmatic use: lint a CloudFormation template object and get every finding.
 *
 * @example
 * const findings = CognitoClientLinter.lintTemplate(JSON.parse(fs.readFileSync('cdk.out/App.template.json', 'utf8')));
 */
export class CognitoClientLinter {
  /**
   * Every finding on the Cognito user pool clients, domains and resource servers of `template`, in template order.
   * Values that cannot be known before deploy (parameters, imports, attributes, conditions) never give an error.
   * Throws only when the Resources section nests deeper than 500 levels or is cyclic (such a template was not linted).
   */
  public static lintTemplate(template: any, options: LintOptions = {}): Finding[] {
    return runRules(ALL_RULES, template, options);
  }

  /** The rule catalogue. */
  public static rules(): RuleInfo[] {
    return ALL_RULES.map(({ id, severity, resourceType, description, docUrl, constraints }) =>
      ({ id, severity, resourceType, description, docUrl, constraints: [...constraints] }));
  }

  /** A finding as one line: the message followed by `(rule-id, link)`. */
  public static formatFinding(finding: Finding): string {
    return formatFinding(finding);
  }

  private constructor() {}
}
