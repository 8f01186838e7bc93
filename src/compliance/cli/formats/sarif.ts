import { RuleInfo, Severity } from '../../../rules';
import { LintReport } from '../report';

/** What SARIF says about the tool itself. */
export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
  readonly rules: readonly RuleInfo[];
}

type SarifLevel = 'error' | 'warning';

const levelOf = (severity: Severity): SarifLevel => (severity === Severity.ERROR ? 'error' : 'warning');

/** Relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function uriOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** The SARIF reportingDescriptor of one rule of the engine (also used by `diff --format sarif`). */
export function ruleDescriptor(rule: RuleInfo) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: rule.docUrl,
    defaultConfiguration: { level: levelOf(rule.severity) },
    properties: { resourceType: rule.resourceType, constraints: rule.constraints },
  };
}

/**
 * A SARIF 2.1.0 log with one run, for code-scanning dashboards. Results point at the template file (and the line of
 * the resource when known) and name the resource as a logical location; inputs that could not be linted are
 * tool execution notifications.
 */
export function formatSarif(report: LintReport, tool: ToolInfo): string {
  const ruleIndex = new Map(tool.rules.map((rule, index) => [rule.id, index]));
  const results = report.files.flatMap((file) => file.findings.map((finding) => {
    const line = file.resourceLines.get(finding.logicalId);
    const index = ruleIndex.get(finding.ruleId);
    return {
      ruleId: finding.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: levelOf(finding.severity),
      message: { text: finding.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: uriOf(file.file), uriBaseId: '%SRCROOT%' },
          ...(line ? { region: { startLine: line } } : {}),
        },
        logicalLocations: [{ name: finding.logicalId, kind: 'resource' }],
      }],
      properties: { property: finding.property },
    };
  }));

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: tool.name,
          version: tool.version,
          informationUri: tool.informationUri,
          rules: tool.rules.map(ruleDescriptor),
        },
      },
      invocations: [{
        executionSuccessful: report.inputErrors.length === 0 && report.summary.internalErrors === 0,
        toolExecutionNotifications: report.inputErrors.map((error) => ({
          level: 'error',
          message: { text: `${error.file}: ${error.problem}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(error.file), uriBaseId: '%SRCROOT%' } } }],
        })),
      }],
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
