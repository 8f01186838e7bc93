import { RuleInfo } from '../../../rules';
import { ruleDescriptor, uriOf } from '../../cli/formats/sarif';
import { Change, ChangeKind, CHANGE_KINDS, DiffReport } from '../types';

export interface DiffToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
  /** The engine's rules: a regression or improvement caused by a finding carries that rule's id. */
  readonly rules: readonly RuleInfo[];
  /** The kinds that fail the run: their results are errors, the others notes. */
  readonly failOn: ReadonlySet<ChangeKind>;
}

/** The SARIF rule id of a change without an engine finding: `diff-replacement`, `diff-regression`... */
export const kindRuleId = (kind: ChangeKind) => `diff-${kind}`;

const KIND_DESCRIPTIONS: Readonly<Record<ChangeKind, string>> = {
  replacement: 'CloudFormation replaces the resource (a create-only property or the logical id changed): its client id, domain URL or scope names change.',
  regression: 'The change makes the resource less safe: a new finding of the rule engine, or a setting moved in the unsafe direction.',
  improvement: 'The change makes the resource safer.',
  change: 'Any other change, including changes between values that are unknown until deploy.',
};

/**
 * A SARIF 2.1.0 log of the comparison. Each result points at the after-template (the line of the resource when
 * known; the before-template only for a stack that was removed) and names the resource as a logical location.
 * Changes tied to an engine finding use that rule's id; the others `diff-<kind>`. The kind is in the properties.
 */
export function formatDiffSarif(report: DiffReport, tool: DiffToolInfo): string {
  const kindRules = CHANGE_KINDS.map((kind) => ({
    id: kindRuleId(kind),
    shortDescription: { text: KIND_DESCRIPTIONS[kind] },
    helpUri: tool.informationUri,
    defaultConfiguration: { level: tool.failOn.has(kind) ? 'error' : 'note' },
  }));
  const rules = [...kindRules, ...tool.rules.map(ruleDescriptor)];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const results = report.stacks.flatMap((stack) => stack.changes.map((change: Change) => {
    const file = stack.afterFile ?? stack.beforeFile ?? '';
    const line = (stack.afterFile ? stack.afterLines : stack.beforeLines).get(change.logicalId);
    const ruleId = change.ruleId ?? kindRuleId(change.kind);
    const index = ruleIndex.get(ruleId);
    return {
      ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: tool.failOn.has(change.kind) ? 'error' : 'note',
      message: { text: `${change.kind}: ${change.message}` },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: uriOf(file), uriBaseId: '%SRCROOT%' },
          ...(line ? { region: { startLine: line } } : {}),
        },
        logicalLocations: [{ name: change.logicalId, kind: 'resource', fullyQualifiedName: `${stack.name}/${change.logicalId}` }],
      }],
      properties: {
        kind: change.kind,
        stack: change.stack,
        resourceType: change.resourceType,
        property: change.property,
        before: change.before,
        after: change.after,
      },
    };
  }));

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules } },
      invocations: [{ executionSuccessful: true }],
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
