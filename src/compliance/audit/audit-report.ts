/**
 * The audit's report in the linter's three formats. The shared pieces are reused: `printable` (one honest line per
 * finding), the summary counts and exit code of `../cli/report` (one FileReport per pool), and the SARIF log of
 * `formatSarif` (tool, rule catalogue, invocation), whose results then name a user pool and client as logical
 * locations instead of a file.
 */
import { AuditFinding, AuditResult } from './auditor';
import { Finding, Severity } from '../../rules/types';
import { printable } from '../cli/formats/printable';
import { formatSarif, ToolInfo } from '../cli/formats/sarif';
import { exitCodeOf, FileReport, InputError, LintReport, plural, summarize } from '../cli/report';

/** The audit as the linter's report: one "file" per user pool, problems as input errors. */
export function asLintReport(result: AuditResult): LintReport {
  const byPool = new Map<string, Finding[]>(result.userPoolIds.map((id) => [id, []]));
  for (const finding of result.findings) {
    byPool.get(finding.userPoolId)?.push({
      ruleId: finding.ruleId,
      severity: finding.severity,
      logicalId: finding.resourceId,
      property: finding.property,
      message: finding.message,
      docUrl: finding.docUrl,
    });
  }
  const files: FileReport[] = [...byPool].map(([file, findings]) => ({ file, findings, resourceLines: new Map(), checkedResources: 0 }));
  const inputErrors: InputError[] = result.problems.map((p) => ({ file: p.userPoolId, problem: p.problem }));
  const summary = { ...summarize(files, inputErrors), resources: result.resourcesChecked };
  return { files, inputErrors, summary };
}

/** 0 no error findings, 1 error findings (or warnings with `strict`), 2 a pool could not be audited. */
export function auditExitCode(result: AuditResult, strict: boolean): number {
  return exitCodeOf(asLintReport(result).summary, strict);
}

/** Where a finding is, for people: `pool client <id> "<name>"`, `pool resource server <id>`, `pool domain <name>`. */
export function resourceLabel(finding: AuditFinding): string {
  switch (finding.resourceType) {
    case 'AWS::Cognito::UserPoolClient':
      return `app client ${finding.resourceId}${finding.clientName !== undefined ? ` "${finding.clientName}"` : ''}`;
    case 'AWS::Cognito::UserPoolResourceServer':
      return `resource server ${finding.resourceId}`;
    case 'AWS::Cognito::UserPoolDomain':
      return `domain ${finding.resourceId}`;
    default:
      return finding.resourceId;
  }
}

const ANSI = { red: 31, yellow: 33, bold: 1, dim: 2, green: 32 } as const;

/** Findings grouped by pool and resource, then what was skipped or passed over, then one summary line. */
export function formatAuditText(result: AuditResult, options: { color: boolean; strict?: boolean }): string {
  const paint = (style: keyof typeof ANSI, text: string) => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const groups = new Map<string, AuditFinding[]>();
  for (const finding of result.findings) {
    const key = `${finding.userPoolId} ${resourceLabel(finding)}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  for (const [heading, findings] of groups) {
    out.push(paint('bold', printable(heading)));
    for (const finding of findings) {
      const severity = finding.severity === Severity.ERROR ? paint('red', 'error') : paint('yellow', 'warning');
      out.push(`  ${severity} ${finding.ruleId}: ${printable(finding.message)}`);
      out.push(`    ${paint('dim', finding.docUrl)}`);
    }
    out.push('');
  }
  for (const skipped of result.skipped) {
    out.push(`Skipped on ${printable(skipped.userPoolId)} (no ${skipped.iamAction}): ${skipped.ruleIds.join(', ') || 'no rule'}`);
  }
  for (const note of result.notes) out.push(`Note: ${printable(note.userPoolId)}: ${printable(note.text)}`);
  if (result.skipped.length || result.notes.length) out.push('');

  const { errors, warnings, inputErrors, resources } = asLintReport(result).summary;
  const scope = `${plural(result.userPoolIds.length, 'user pool')} of ${printable(result.region)} (${plural(resources, 'Cognito resource')} checked)`;
  const parts = [errors + warnings === 0
    ? `${inputErrors ? 'No problems found' : paint('green', 'No problems found')} in ${scope}.`
    : `${paint(errors ? 'red' : 'yellow', `Found ${plural(errors, 'error')} and ${plural(warnings, 'warning')}`)} in ${scope}.`];
  if (options.strict && warnings) parts.push('Warnings count as errors (--strict).');
  const skippedPools = new Set(result.skipped.map((s) => s.userPoolId)).size;
  if (skippedPools) parts.push(`Some rules were skipped on ${plural(skippedPools, 'user pool')} (missing read permissions, see above).`);
  if (inputErrors) parts.push(paint('red', `${plural(inputErrors, 'user pool')} could not be audited (see stderr).`));
  out.push(parts.join(' '));
  return `${out.join('\n')}\n`;
}

/** `{ findings: [...], summary: {...} }`: the linter's JSON with `userPoolId`, `clientId` and `clientName`. */
export function formatAuditJson(result: AuditResult): string {
  const findings = result.findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    userPoolId: f.userPoolId,
    clientId: f.clientId ?? null,
    clientName: f.clientName ?? null,
    resourceType: f.resourceType,
    resourceId: f.resourceId,
    property: f.property,
    message: f.message,
    docUrl: f.docUrl,
  }));
  const { errors, warnings, inputErrors, resources } = asLintReport(result).summary;
  const summary = {
    region: result.region,
    userPools: result.userPoolIds.length,
    resources,
    errors,
    warnings,
    skipped: result.skipped,
    notes: result.notes,
    problems: inputErrors,
  };
  return `${JSON.stringify({ findings, summary }, null, 2)}\n`;
}

/** SARIF 2.1.0: results located by logical locations (pool, then client or resource); skips as notifications. */
export function formatAuditSarif(result: AuditResult, tool: ToolInfo): string {
  const log = JSON.parse(formatSarif(asLintReport({ ...result, findings: [] }), tool));
  const run = log.runs[0];
  const ruleIndex = new Map(tool.rules.map((rule, index) => [rule.id, index]));
  run.results = result.findings.map((finding) => {
    const index = ruleIndex.get(finding.ruleId);
    const poolName = finding.userPoolId;
    return {
      ruleId: finding.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: finding.severity === Severity.ERROR ? 'error' : 'warning',
      message: { text: finding.message },
      locations: [{
        // One logical location: the resource, qualified by its pool (there is no file to point at).
        logicalLocations: [{
          name: finding.resourceId,
          fullyQualifiedName: `${poolName}/${finding.resourceId}`,
          kind: 'resource',
          properties: { resourceType: finding.resourceType, ...(finding.clientName !== undefined ? { clientName: finding.clientName } : {}) },
        }],
      }],
      properties: {
        property: finding.property,
        userPoolId: finding.userPoolId,
        ...(finding.clientId !== undefined ? { clientId: finding.clientId } : {}),
      },
    };
  });
  const invocation = run.invocations[0];
  invocation.toolExecutionNotifications = [
    ...result.problems.map((p) => ({ level: 'error', message: { text: `${p.userPoolId}: ${p.problem}` } })),
    ...result.skipped.map((s) => ({ level: 'warning', message: { text: `${s.userPoolId}: no ${s.iamAction}; skipped ${s.ruleIds.join(', ')}` } })),
    ...result.notes.map((n) => ({ level: 'note', message: { text: `${n.userPoolId}: ${n.text}` } })),
  ];
  return `${JSON.stringify(log, null, 2)}\n`;
}
