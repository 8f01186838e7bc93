import * as fs from 'fs';
import * as path from 'path';
import {
  CfnResource,
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyValidationStack,
  PolicyViolation,
  Stack,
  Token,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACKNOWLEDGEMENT_NEEDS_REASON, AcknowledgementIndex, PLUGIN_NAME, refusalMessage } from './acknowledgements';
import { fixOf } from './findings-text';
import { CognitoComplianceOptions, failsBuild, ResolvedOptions, resolveOptions } from './options';
import { CognitoClientLinter } from '../rules';
import { Finding } from '../rules/types';

/**
 * A CDK policy validation plugin that runs the cdk-cognito-clients rules on every synthesized template
 * (nested stack templates included), with each stack's region when it is known.
 *
 * Deploy-breaking findings (errors) fail `cdk synth` / `app.synth()`; warnings are reported without failing,
 * unless `failOn: Severity.WARNING` or `warningsAsErrors` is set.
 *
 * Acknowledge a finding on the resource or any ancestor with
 * `Validations.of(construct).acknowledge({ id: 'cdk-cognito-clients::<rule-id>', reason })` (the id CDK prints,
 * applied by CDK and kept in the `suppressedViolations` of `validation-report.json`) or with the bare rule id
 * (applied by this plugin, which keeps the finding in the report with severity `info` and the reason).
 * An acknowledgement without a reason is refused with a fatal `acknowledgement-needs-reason` violation.
 *
 * @example
 * Validations.of(app).addPlugins(new CognitoClientChecks());
 */
export class CognitoClientChecks implements IPolicyValidationPlugin {
  /** The plugin name, also the namespace of its rule ids in acknowledgements. */
  public static readonly PLUGIN_NAME = PLUGIN_NAME;
  /** Rule id of the violation that refuses an acknowledgement without a reason. */
  public static readonly ACKNOWLEDGEMENT_NEEDS_REASON = ACKNOWLEDGEMENT_NEEDS_REASON;

  public readonly name: string = PLUGIN_NAME;
  public readonly version?: string;
  public readonly ruleIds?: string[];
  private readonly options: ResolvedOptions;

  constructor(props: CognitoComplianceOptions = {}) {
    this.options = resolveOptions(props);
    this.version = packageVersion();
    const disabled = new Set(this.options.disabledRules);
    this.ruleIds = [
      ...CognitoClientLinter.rules().map((rule) => rule.id).filter((id) => !disabled.has(id)),
      ACKNOWLEDGEMENT_NEEDS_REASON,
    ];
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const resources = ResourceIndex.fromTree(context.appConstruct);
    const acks = AcknowledgementIndex.fromTree(context.appConstruct);
    const violations: PolicyViolation[] = [];
    let findingCount = 0;
    let acknowledgedCount = 0;

    for (const stackTemplate of withNestedStacks(context.stackTemplates, resources)) {
      const template = JSON.parse(fs.readFileSync(stackTemplate.templatePath, 'utf-8'));
      const stack = resources.stack(stackTemplate.stackConstructPath, stackTemplate.templatePath);
      const region = stackTemplate.region ?? (stack && !Token.isUnresolved(stack.region) ? stack.region : undefined);
      const findings = CognitoClientLinter.lintTemplate(template, { region, disabledRules: this.options.disabledRules });
      for (const finding of findings) {
        findingCount++;
        const constructPath = stack ? resources.constructPath(stack, finding.logicalId) : undefined;
        const decision = constructPath === undefined ? { kind: 'none' as const } : acks.decide(finding.ruleId, constructPath);
        const violation = this.violationOf(finding, stackTemplate.templatePath, constructPath);
        if (decision.kind === 'acknowledged' && decision.ack.form === 'bare') {
          // CDK only applies `cdk-cognito-clients::<rule-id>` to this report; the bare id is ours to apply.
          // The finding stays in the report, harmless (info) and with its reason, as the audit trail.
          acknowledgedCount++;
          violations.push({
            ...violation,
            severity: 'info',
            description: `Acknowledged on ${decision.ack.at || 'the App'} ("${decision.ack.reason}"): ${finding.message}`,
            ruleMetadata: {
              ...violation.ruleMetadata,
              acknowledgedId: decision.ack.id,
              acknowledgedAt: decision.ack.at,
              reason: decision.ack.reason,
            },
          });
        } else if (decision.kind === 'refused' && decision.ack.form === 'plugin') {
          // CDK would suppress this finding although the acknowledgement has no reason; fatal findings cannot be suppressed.
          violations.push({
            ...violation,
            severity: 'fatal',
            ruleMetadata: { ...violation.ruleMetadata, acknowledgementRefused: decision.ack.id, acknowledgedAt: decision.ack.at },
          });
        } else {
          // Plugin-namespaced acknowledgements with a reason are applied by CDK after this report.
          if (decision.kind === 'acknowledged') acknowledgedCount++;
          violations.push(violation);
        }
      }
    }

    const ourRules = new Set(CognitoClientLinter.rules().map((rule) => rule.id));
    for (const ack of acks.withoutReason(ourRules)) {
      violations.push({
        ruleName: ACKNOWLEDGEMENT_NEEDS_REASON,
        description: refusalMessage(ack),
        fix: 'Pass a non-blank reason to Validations.of(construct).acknowledge(); it is the audit trail of the exception.',
        // Fatal: CDK does not let anyone acknowledge it away.
        severity: 'fatal',
        ruleMetadata: { acknowledgedId: ack.id, acknowledgedAt: ack.at },
        violatingResources: [{ constructPath: ack.at, locations: [] }],
      });
    }

    return {
      success: !violations.some((v) => v.severity === 'error' || v.severity === 'fatal'),
      violations,
      pluginVersion: this.version,
      metadata: {
        failOn: this.options.failOn,
        findings: String(findingCount),
        acknowledged: String(acknowledgedCount),
      },
    };
  }

  private violationOf(finding: Finding, templatePath: string, constructPath: string | undefined): PolicyViolation {
    const fails = failsBuild(finding, this.options.failOn);
    const ruleMetadata: Record<string, string> = {
      ruleSeverity: finding.severity,
      property: finding.property,
      docUrl: finding.docUrl,
    };
    if (fails && finding.severity !== 'error') ruleMetadata.failOn = this.options.failOn;
    return {
      ruleName: finding.ruleId,
      description: finding.message,
      fix: fixOf(finding),
      // A finding that fails the build is reported as an error: CDK recomputes success from severities when it
      // applies acknowledgements, so a failing warning must not be reported as a warning.
      severity: fails ? 'error' : 'warning',
      ruleMetadata,
      violatingResources: [{
        resourceLogicalId: finding.logicalId,
        templatePath,
        ...(constructPath !== undefined ? { constructPath } : {}),
        locations: [`Properties.${finding.property}`],
      }],
    };
  }
}

/**
 * CDK hands plugins the templates of stack artifacts only; nested stack templates are assets written next to their
 * top-level stack's template. Adds them, with the region of the top-level stack.
 */
function withNestedStacks(stackTemplates: PolicyValidationStack[], resources: ResourceIndex): PolicyValidationStack[] {
  const result = [...stackTemplates];
  for (const nested of resources.nestedStacks()) {
    let top: Stack = nested;
    while (top.nestedStackParent) top = top.nestedStackParent;
    const parent = stackTemplates.find((s) => resources.stack(s.stackConstructPath, s.templatePath) === top);
    if (!parent) continue;
    const templatePath = path.join(path.dirname(parent.templatePath), nested.templateFile);
    if (!fs.existsSync(templatePath)) continue;
    result.push({ stackConstructPath: nested.node.path, templatePath, accountId: parent.accountId, region: parent.region });
  }
  return result;
}

/** Logical id to construct path, per stack, from one walk of the tree. */
class ResourceIndex {
  public static fromTree(root: IConstruct): ResourceIndex {
    const index = new ResourceIndex();
    for (const construct of root.node.findAll()) {
      if (Stack.isStack(construct)) {
        index.stacksByPath.set(construct.node.path, construct);
        index.stacksByTemplateFile.set(construct.templateFile, construct);
      }
      if (!CfnResource.isCfnResource(construct)) continue;
      const stack = Stack.of(construct);
      const logicalId = stack.resolve(construct.logicalId);
      if (typeof logicalId !== 'string') continue;
      const byLogicalId = index.paths.get(stack) ?? new Map<string, string>();
      byLogicalId.set(logicalId, construct.node.path);
      index.paths.set(stack, byLogicalId);
    }
    return index;
  }

  private readonly stacksByPath = new Map<string, Stack>();
  private readonly stacksByTemplateFile = new Map<string, Stack>();
  private readonly paths = new Map<Stack, Map<string, string>>();

  private constructor() {}

  public nestedStacks(): Stack[] {
    return [...this.stacksByPath.values()].filter((stack) => stack.nestedStackParent !== undefined);
  }

  /** The stack of a template: by construct path (what CDK passes), else by template file name. */
  public stack(stackConstructPath: string, templatePath: string): Stack | undefined {
    return this.stacksByPath.get(stackConstructPath) ?? this.stacksByTemplateFile.get(path.basename(templatePath));
  }

  public constructPath(stack: Stack, logicalId: string): string | undefined {
    return this.paths.get(stack)?.get(logicalId);
  }
}

function packageVersion(): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8'));
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}
