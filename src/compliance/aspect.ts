import { CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { findingStillReported } from './acknowledgements';
import { CognitoComplianceOptions, failsBuild, ResolvedOptions, resolveOptions } from './options';
import { isCognitoResource, lintStackFragment, logicalIdOf } from '../private/stack-fragment';
import { synthAnnotations } from '../private/synth-annotations';
import { formatFinding } from '../rules/messages';
import { Finding } from '../rules/types';

/** The lint result of one stack. */
interface StackLint {
  /** Logical ids the lint saw: a resource added later (by another Aspect) triggers a new lint. */
  readonly logicalIds: ReadonlySet<string>;
  readonly findings: ReadonlyMap<string, Finding[]>;
}

/**
 * An Aspect that runs the cdk-cognito-clients rules on the Cognito resources of every stack it visits and
 * reports each finding on its resource: `Annotations.addError` for findings that fail the build (errors, and
 * warnings with `failOn: Severity.WARNING`), `Annotations.addWarningV2(ruleId, ...)` for the others.
 * Each message ends with `(rule-id, link)`.
 *
 * Each stack is linted once, when the Aspect first visits one of its Cognito resources; cross-resource rules see
 * the stack's pools, resource servers, identity providers and domains.
 *
 * Findings acknowledged with `Validations.of(construct).acknowledge({ id: '<rule-id>', reason })` (or
 * `'cdk-cognito-clients::<rule-id>'`) on the resource or an ancestor are not reported. An acknowledgement with
 * an empty reason is refused: the finding is reported and an error is added to the acknowledging construct.
 *
 * @example
 * Aspects.of(app).add(new CognitoClientAspect(), { priority: AspectPriority.READONLY });
 */
export class CognitoClientAspect implements IAspect {
  private readonly options: ResolvedOptions;
  private readonly linted = new WeakMap<Stack, StackLint>();

  constructor(props: CognitoComplianceOptions = {}) {
    this.options = resolveOptions(props);
  }

  public visit(node: IConstruct): void {
    if (!isCognitoResource(node)) return;
    const stack = Stack.of(node);
    const logicalId = logicalIdOf(node);
    let lint = this.linted.get(stack);
    if (!lint || !lint.logicalIds.has(logicalId)) {
      lint = this.lintStack(stack);
      this.linted.set(stack, lint);
    }
    for (const finding of lint.findings.get(logicalId) ?? []) this.report(node, finding);
  }

  private lintStack(stack: Stack): StackLint {
    const { logicalIds, byLogicalId } = lintStackFragment(stack, this.options.disabledRules);
    return { logicalIds, findings: byLogicalId };
  }

  private report(node: CfnResource, finding: Finding): void {
    if (!findingStillReported(node, finding.ruleId)) return;
    const message = formatFinding(finding);
    if (failsBuild(finding, this.options.failOn)) {
      synthAnnotations(node).addError(message);
    } else {
      synthAnnotations(node).addWarningV2(finding.ruleId, message);
    }
  }
}
