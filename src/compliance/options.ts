import { Finding, Severity } from '../rules/types';

/** Options shared by {@link CognitoClientChecks} (validation plugin) and {@link CognitoClientAspect}. */
export interface CognitoComplianceOptions {
  /**
   * The least severe finding that fails synthesis. `Severity.ERROR` fails on deploy-breaking findings only;
   * `Severity.WARNING` also fails on warnings.
   *
   * @default Severity.ERROR
   */
  readonly failOn?: Severity;
  /**
   * Rule ids not to run.
   *
   * @default - every rule runs
   */
  readonly disabledRules?: string[];
  /**
   * Treat warnings as errors: the same as `failOn: Severity.WARNING`.
   *
   * @default false
   */
  readonly warningsAsErrors?: boolean;
}

const RANK: Record<Severity, number> = { [Severity.WARNING]: 1, [Severity.ERROR]: 2 };

/** The options with their defaults applied. */
export interface ResolvedOptions {
  readonly failOn: Severity;
  readonly disabledRules: string[];
}

export function resolveOptions(options: CognitoComplianceOptions = {}): ResolvedOptions {
  const failOn = options.warningsAsErrors ? Severity.WARNING : options.failOn ?? Severity.ERROR;
  if (!(failOn in RANK)) {
    throw new Error(`failOn must be one of ${Object.keys(RANK).join(', ')}, got ${JSON.stringify(failOn)}`);
  }
  return { failOn, disabledRules: [...(options.disabledRules ?? [])] };
}

/** True when the finding is at or above the `failOn` threshold. */
export function failsBuild(finding: Finding, failOn: Severity): boolean {
  return (RANK[finding.severity] ?? RANK[Severity.ERROR]) >= RANK[failOn];
}
