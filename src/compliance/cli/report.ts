import { Finding, Severity } from '../../rules';
import { INTERNAL_ERROR_RULE_ID } from '../../rules/engine';

/** The findings of one template. */
export interface FileReport {
  /** Path relative to the working directory, with `/` separators. */
  readonly file: string;
  readonly findings: readonly Finding[];
  /** Line of each resource in the file, when known. */
  readonly resourceLines: ReadonlyMap<string, number>;
  /** How many resources of a type some enabled rule checks. */
  readonly checkedResources: number;
  /** Those resources, in template order (the JUnit report has a test case per rule and resource). */
  readonly checkedResourceIds?: ReadonlyArray<{ readonly logicalId: string; readonly type: string }>;
}

/** An input that could not be linted. */
export interface InputError {
  /** Path relative to the working directory (or the argument as given). */
  readonly file: string;
  readonly problem: string;
}

export interface Summary {
  /** Templates linted. */
  readonly files: number;
  /** Cognito resources checked. */
  readonly resources: number;
  readonly errors: number;
  readonly warnings: number;
  readonly inputErrors: number;
  /** Findings that stand for a rule that threw (`internal-error`): the run is incomplete. */
  readonly internalErrors: number;
}

/** Everything one run found: what every output format renders. */
export interface LintReport {
  readonly files: readonly FileReport[];
  readonly inputErrors: readonly InputError[];
  readonly summary: Summary;
}

export function summarize(files: readonly FileReport[], inputErrors: readonly InputError[]): Summary {
  const findings = files.flatMap((f) => f.findings);
  return {
    files: files.length,
    resources: files.reduce((sum, f) => sum + f.checkedResources, 0),
    errors: findings.filter((f) => f.severity === Severity.ERROR).length,
    warnings: findings.filter((f) => f.severity === Severity.WARNING).length,
    inputErrors: inputErrors.length,
    internalErrors: findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID).length,
  };
}

/** 2 when any input failed or a rule threw (they win), 1 on error findings (or warnings with `strict`), else 0. */
export function exitCodeOf(summary: Summary, strict: boolean): number {
  if (summary.inputErrors > 0 || summary.internalErrors > 0) return 2;
  if (summary.errors > 0 || (strict && summary.warnings > 0)) return 1;
  return 0;
}

/** `n thing` / `n things`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
