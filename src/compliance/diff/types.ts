/** The vocabulary of `cognito-client-lint diff`: what a change is and what one run found. */

/**
 * How a reviewer should read a change, most urgent first:
 * - `replacement`: CloudFormation deletes the resource and creates a new one (a create-only property changed, or the
 *   logical id did), so what other systems hold (a client id, a domain URL, scope names) stops working;
 * - `regression`: the after-state is less safe (a new finding of the rule engine, or a value moved in the unsafe direction);
 * - `improvement`: the reverse;
 * - `change`: anything else, including every change between values that are unknown until deploy.
 */
export type ChangeKind = 'replacement' | 'regression' | 'improvement' | 'change';

/** In the order reports list them. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['replacement', 'regression', 'improvement', 'change'];

/** The property of the entries that say a resource appeared, disappeared or was renamed. */
export const LOGICAL_ID_PROPERTY = '(logical id)';

/** One classified change to one property (or the logical id) of one resource. */
export interface Change {
  readonly kind: ChangeKind;
  /** Name of the stack: the assembly artifact id, or the template file's name without its extension. */
  readonly stack: string;
  /** Logical id in the after-state (in the before-state for a removed resource). */
  readonly logicalId: string;
  readonly resourceType: string;
  /** The CloudFormation property (`CallbackURLs`, `TokenValidityUnits.AccessToken`...) or {@link LOGICAL_ID_PROPERTY}. */
  readonly property: string;
  /**
   * The value before, as written in the template (intrinsics included); null when absent. For a token lifetime
   * (`AccessTokenValidity`...) the lifetime in words with its unit applied (`60 minutes`, `1 hour (default)`); for
   * {@link LOGICAL_ID_PROPERTY} the logical id.
   */
  readonly before: unknown;
  /** The value after, in the same form; null when absent. */
  readonly after: unknown;
  /** The rule of the engine whose finding appeared or went away, when there is one. */
  readonly ruleId?: string;
  /** One or two sentences: what changed and what it means. */
  readonly message: string;
}

/** One stack of the comparison and where each side of it lives. */
export interface StackDiff {
  readonly name: string;
  /** Display path of the before template (relative to the working directory); undefined when the stack is new. */
  readonly beforeFile?: string;
  /** Display path of the after template; undefined when the stack was removed. */
  readonly afterFile?: string;
  /** Line of each resource's logical id in the after file (when known). */
  readonly afterLines: ReadonlyMap<string, number>;
  readonly beforeLines: ReadonlyMap<string, number>;
  /** Cognito resources (clients, domains, resource servers, UI customizations) on either side. */
  readonly resources: number;
  /** Replacements first, then regressions, improvements and changes; template order within each kind. */
  readonly changes: readonly Change[];
}

export interface DiffSummary {
  readonly stacks: number;
  readonly resources: number;
  readonly replacement: number;
  readonly regression: number;
  readonly improvement: number;
  readonly change: number;
}

/** Everything one comparison found: what every output format renders. */
export interface DiffReport {
  /** Sorted by name. */
  readonly stacks: readonly StackDiff[];
  readonly summary: DiffSummary;
}

export function summarizeDiff(stacks: readonly StackDiff[]): DiffSummary {
  const changes = stacks.flatMap((stack) => stack.changes);
  const count = (kind: ChangeKind) => changes.filter((change) => change.kind === kind).length;
  return {
    stacks: stacks.length,
    resources: stacks.reduce((sum, stack) => sum + stack.resources, 0),
    replacement: count('replacement'),
    regression: count('regression'),
    improvement: count('improvement'),
    change: count('change'),
  };
}

/** Every change of the report, stack by stack. */
export function allChanges(report: DiffReport): Change[] {
  return report.stacks.flatMap((stack) => [...stack.changes]);
}
