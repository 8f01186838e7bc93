import { CfnResource, PolicyValidationPluginReport, PolicyViolation, Stack, Token } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagPackProps, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { isAcknowledged } from './acknowledged';
import { cognitoFragment, logicalIdOf } from '../../private/stack-fragment';
import { CognitoClientLinter, Finding, RuleInfo, Severity } from '../../rules';
import { decideForNode } from '../acknowledgements';
import { fixOf } from '../findings-text';

/** Options of {@link CognitoClientsNagPack}. */
export interface CognitoClientsNagPackProps extends NagPackProps {
  /**
   * Rule ids (without the `CognitoClients-` prefix) not to run.
   * @default - every rule runs
   */
  readonly disabledRules?: string[];
}

/** The engine's findings on one stack, computed on the first resource of the stack the pack visits. */
interface StackLint {
  /** Findings by `ruleId` + logical id; undefined when a rule failed while linting the whole stack at once. */
  readonly byRuleAndResource?: ReadonlyMap<string, Finding[]>;
  /** After a failure: each rule's findings (or its error), linted one rule at a time so one broken rule stays alone. */
  readonly perRule: Map<string, Finding[] | Error>;
  readonly template: object;
  readonly region?: string;
  /** The logical id each resource rendered under: cdk-nag asks once per rule and resource, a resolve each time. */
  readonly logicalIds: ReadonlyMap<CfnResource, string>;
}

/**
 * The cdk-cognito-clients rules as a cdk-nag (v3) rule pack: the same engine, rule ids and messages as the
 * validation plugin, the Aspect and the CLI, through cdk-nag's machinery.
 *
 * - Ids are `CognitoClients-<rule-id>`; each finding is a granular finding on its property:
 *   `CognitoClients-<rule-id>[<property>]`, e.g. `CognitoClients-client-callback-url-http[CallbackURLs[1]]`.
 * - Acknowledge a rule on a construct and everything below it with
 *   `Validations.of(construct).acknowledge({ id: 'CognitoClients-<rule-id>', reason })`, or one property with the
 *   granular id.
 * - Error rules are reported at level `ERROR` and fail the synth; warning rules at level `WARN`, in the report only.
 * - `verbose: true` adds what the rule checks and its source to each description.
 * - Each rule runs in cdk-nag's `applyRule`: a rule that throws is reported under its own id on the resource, and
 *   every other rule still reports.
 *
 * The rules judge whole templates (a client against its pool's resource servers and domains), so each stack's
 * Cognito resources are rendered and linted once, and cdk-nag's visit of each resource reads that resource's findings.
 *
 * Import it from its own entry point, so that users without cdk-nag never load it:
 * `import { CognitoClientsNagPack } from 'cdk-cognito-clients/lib/compliance/nag'`.
 *
 * @example
 * Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new CognitoClientsNagPack(app));
 */
// https://github.com/cdklabs/cdk-nag/blob/main/docs/NagPack.md (custom packs: name, packName, checkResource, applyRule)
export class CognitoClientsNagPack extends NagPack {
  /** The prefix of every rule id of this pack. */
  public static readonly PACK_NAME = 'CognitoClients';

  public readonly name = CognitoClientsNagPack.PACK_NAME;
  public readonly ruleIds: string[];

  private readonly rulesByType = new Map<string, RuleInfo[]>();
  private readonly disabledRules: string[];
  /** Every rule id of the engine's catalogue. */
  private readonly catalogue: string[];
  private readonly explainFindings: boolean;
  private stackLints = new Map<Stack, StackLint>();
  /** What each reported granular finding stands for, by construct path and reported id. */
  private reported = new Map<string, Finding[]>();

  constructor(scope?: IConstruct, props: CognitoClientsNagPackProps = {}) {
    super(scope, props);
    this.packName = CognitoClientsNagPack.PACK_NAME;
    this.explainFindings = props.verbose ?? false;
    this.disabledRules = [...(props.disabledRules ?? [])];
    const known = CognitoClientLinter.rules();
    this.catalogue = known.map((rule) => rule.id);
    const unknown = this.disabledRules.filter((id) => !known.some((rule) => rule.id === id));
    if (unknown.length > 0) {
      throw new Error(`CognitoClientsNagPack: unknown rule id in disabledRules: ${unknown.join(', ')} (ids have no 'CognitoClients-' prefix here)`);
    }
    const enabled = known.filter((rule) => !this.disabledRules.includes(rule.id));
    for (const rule of enabled) {
      this.rulesByType.set(rule.resourceType, [...(this.rulesByType.get(rule.resourceType) ?? []), rule]);
    }
    this.ruleIds = enabled.map((rule) => this.idOf(rule.id));
  }

  /**
   * Runs the pack on a construct tree (what `validate()` does with the app): cdk-nag's report, with one violation
   * per resource and finding, carrying the engine's message, fix, logical id and property.
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.stackLints = new Map();
    this.reported = new Map();
    const report = super.validateScope(scope);
    const violations = report.violations.flatMap((violation) => this.perResource(violation));
    // Warnings are advice: only errors fail the synth (the rule the CDK applies once acknowledgements are in).
    return { ...report, violations, success: !violations.some((v) => v.severity === 'error' || v.severity === 'fatal') };
  }

  protected checkResource(node: CfnResource): void {
    for (const rule of this.rulesByType.get(node.cfnResourceType) ?? []) {
      this.applyRule({
        ruleSuffixOverride: rule.id,
        info: rule.description,
        explanation: this.explanationOf(rule),
        level: rule.severity === Severity.ERROR ? NagMessageLevel.ERROR : NagMessageLevel.WARN,
        node,
        rule: (resource) => this.judge(resource, rule),
      });
    }
  }

  /** The granular findings of `rule` on `resource`: one per property, named by the property path. */
  private judge(resource: CfnResource, rule: RuleInfo): NagRuleResult {
    const findings = this.findingsOf(resource, rule.id);
    if (findings.length === 0) return NagRuleCompliance.COMPLIANT;
    // The pack's own id, or the one every other door takes (the bare rule id, with a reason): one voice across doors.
    if (isAcknowledged(resource, this.idOf(rule.id)) || decideForNode(resource, rule.id).kind === 'acknowledged') {
      return NagRuleCompliance.COMPLIANT;
    }
    const byFindingId = new Map<string, Finding[]>();
    for (const finding of findings) {
      const id = findingIdOf(finding.property);
      byFindingId.set(id, [...(byFindingId.get(id) ?? []), finding]);
    }
    for (const [id, group] of byFindingId) {
      this.reported.set(reportedKey(resource.node.path, `${this.idOf(rule.id)}[${id}]`), group);
    }
    return [...byFindingId.keys()];
  }

  private findingsOf(resource: CfnResource, ruleId: string): Finding[] {
    const stack = Stack.of(resource);
    let lint = this.stackLints.get(stack);
    if (!lint) {
      lint = this.lintStack(stack);
      this.stackLints.set(stack, lint);
    }
    const logicalId = lint.logicalIds.get(resource) ?? logicalIdOf(resource);
    if (lint.byRuleAndResource) return lint.byRuleAndResource.get(findingKey(ruleId, logicalId)) ?? [];

    let ruleFindings = lint.perRule.get(ruleId);
    if (!ruleFindings) {
      try {
        const others = this.catalogue.filter((id) => id !== ruleId);
        ruleFindings = CognitoClientLinter.lintTemplate(lint.template, { region: lint.region, disabledRules: others });
      } catch (error) {
        ruleFindings = error instanceof Error ? error : new Error(String(error));
      }
      lint.perRule.set(ruleId, ruleFindings);
    }
    // cdk-nag's applyRule catches these throws and reports them under this rule's id, on this resource.
    if (ruleFindings instanceof Error) throw ruleFindings;
    const own = ruleFindings.filter((finding) => finding.logicalId === logicalId);
    // With one rule enabled, any other finding is the engine reporting that this rule failed on the resource.
    const failures = own.filter((finding) => finding.ruleId !== ruleId);
    if (failures.length > 0) throw new Error(failures.map((finding) => finding.message).join(' '));
    return own;
  }

  /**
   * Lints the stack's Cognito resources once, with every rule. When a rule fails (the engine throws, or reports a
   * finding of no catalogue rule for a rule that threw), the stack is linted one rule at a time instead, so that
   * cdk-nag can report the failure under the rule that failed and every other rule keeps its findings.
   */
  private lintStack(stack: Stack): StackLint {
    const { Resources, logicalIds } = cognitoFragment(stack);
    const template = { Resources };
    const region = Token.isUnresolved(stack.region) ? undefined : stack.region;
    const oneRuleAtATime: StackLint = { perRule: new Map(), template, region, logicalIds };
    let findings: Finding[];
    try {
      findings = CognitoClientLinter.lintTemplate(template, { region, disabledRules: this.disabledRules });
    } catch {
      return oneRuleAtATime;
    }
    if (findings.some((finding) => !this.catalogue.includes(finding.ruleId))) return oneRuleAtATime;
    const byRuleAndResource = new Map<string, Finding[]>();
    for (const finding of findings) {
      const key = findingKey(finding.ruleId, finding.logicalId);
      byRuleAndResource.set(key, [...(byRuleAndResource.get(key) ?? []), finding]);
    }
    return { byRuleAndResource, perRule: new Map(), template, region, logicalIds };
  }

  /** cdk-nag groups resources under one violation per id and keeps the first description: one per resource instead. */
  private perResource(violation: PolicyViolation): PolicyViolation[] {
    return violation.violatingResources.map((resource) => {
      const findings = this.reported.get(reportedKey(resource.constructPath ?? '', violation.ruleName));
      // No findings recorded: the rule threw, and cdk-nag's own description says so.
      if (!findings) return { ...violation, violatingResources: [resource] };
      const [first] = findings;
      const message = findings.map((finding) => finding.message).join('\n');
      const rule = CognitoClientLinter.rules().find((r) => r.id === first.ruleId);
      return {
        ruleName: violation.ruleName,
        description: this.explainFindings && rule ? `${message} ${this.explanationOf(rule)}` : message,
        fix: fixOf(first),
        severity: violation.severity,
        ruleMetadata: { ruleId: first.ruleId, ruleSeverity: first.severity, property: first.property, docUrl: first.docUrl },
        violatingResources: [{
          ...resource,
          resourceLogicalId: first.logicalId,
          locations: findings.map((finding) => `Properties.${finding.property}`),
        }],
      };
    });
  }

  private explanationOf(rule: RuleInfo): string {
    return `${rule.description} Source: ${rule.docUrl}`;
  }

  private idOf(ruleId: string): string {
    return `${CognitoClientsNagPack.PACK_NAME}-${ruleId}`;
  }
}

function findingKey(ruleId: string, logicalId: string): string {
  return `${ruleId}\u0000${logicalId}`;
}

function reportedKey(constructPath: string, reportedId: string): string {
  return `${constructPath}\u0000${reportedId}`;
}

/**
 * The property path as a granular finding id. CDK parses acknowledgement ids (`::` separates a namespace, brackets
 * must balance), so only array indexes keep their brackets; other brackets, whitespace and control characters
 * (from unknown property names in a template) become `_`.
 */
export function findingIdOf(property: string): string {
  const id = property.replace(/\[(\d+)\]|[()[\]{}\s\u0000-\u001f\u007f]/g, (match, index) => (index !== undefined ? match : '_'));
  return id === '' ? 'Properties' : id;
}
