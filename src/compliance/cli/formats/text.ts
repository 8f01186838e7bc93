import { Finding, Severity } from '../../../rules';
import { LintReport, plural } from '../report';
import { printable } from './printable';

const ANSI = { red: 31, yellow: 33, bold: 1, dim: 2, green: 32 } as const;
type Style = keyof typeof ANSI;

/**
 * The report for people: findings grouped by file and resource, each resource headed `file:line LogicalId` (which
 * terminals and editors make clickable), one line per finding (severity, rule id, message) plus its documentation
 * link, and a summary line.
 */
export function formatText(report: LintReport, options: { color: boolean; strict?: boolean }): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];

  for (const file of report.files) {
    for (const [logicalId, findings] of byResource(file.findings)) {
      const line = file.resourceLines.get(logicalId);
      // File names, logical ids and messages come from the input: escaped, so each finding stays one honest line.
      const name = printable(file.file);
      out.push(`${paint('bold', line ? `${name}:${line}` : name)} ${paint('bold', printable(logicalId))}`);
      for (const finding of findings) {
        const severity = finding.severity === Severity.ERROR ? paint('red', 'error') : paint('yellow', 'warning');
        out.push(`  ${severity} ${finding.ruleId}: ${printable(finding.message)}`);
        out.push(`    ${paint('dim', finding.docUrl)}`);
      }
      out.push('');
    }
  }

  out.push(summaryLine(report, paint, options.strict ?? false));
  return `${out.join('\n')}\n`;
}

function summaryLine(report: LintReport, paint: (style: Style, text: string) => string, strict: boolean): string {
  const { files, resources, errors, warnings, inputErrors } = report.summary;
  const scope = `${plural(files, 'template')} (${plural(resources, 'Cognito resource')} checked)`;
  const parts = [errors + warnings === 0
    ? `${inputErrors ? 'No problems found' : paint('green', 'No problems found')} in ${scope}.`
    : `${paint(errors ? 'red' : 'yellow', `Found ${plural(errors, 'error')} and ${plural(warnings, 'warning')}`)} in ${scope}.`];
  if (strict && warnings) parts.push('Warnings count as errors (--strict).');
  if (inputErrors) parts.push(paint('red', `${plural(inputErrors, 'input')} could not be linted (see stderr).`));
  if (report.summary.internalErrors) {
    parts.push(paint('red', `${plural(report.summary.internalErrors, 'rule run')} failed (internal-error): the report is incomplete.`));
  }
  return parts.join(' ');
}

/** Findings of one file by logical id, in the order the engine reported them. */
function byResource(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    groups.set(finding.logicalId, [...(groups.get(finding.logicalId) ?? []), finding]);
  }
  return groups;
}
