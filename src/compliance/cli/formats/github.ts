import { Severity } from '../../../rules';
import { LintReport } from '../report';

/**
 * GitHub Actions workflow commands, one line per finding, which the runner turns into annotations on the pull
 * request's files: `::error file=<file>,line=<line>,title=<rule-id>::<logical id>: <message> (<link>)`, or
 * `::warning ...` for warnings. Inputs that could not be linted are `::error` lines on their file.
 */
// https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
export function formatGitHub(report: LintReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const line = file.resourceLines.get(finding.logicalId);
      lines.push(command(finding.severity === Severity.ERROR ? 'error' : 'warning', {
        file: file.file,
        ...(line ? { line: String(line) } : {}),
        title: finding.ruleId,
      }, `${finding.logicalId}: ${finding.message} (${finding.docUrl})`));
    }
  }
  for (const error of report.inputErrors) {
    lines.push(command('error', { file: error.file, title: 'cognito-client-lint' }, error.problem));
  }
  return lines.map((line) => `${line}\n`).join('');
}

function command(name: 'error' | 'warning', properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

// The runner reads `%`, CR and LF escaped in the message, and also `:` and `,` in property values (they delimit the
// command); the same escapes as @actions/core's escapeData and escapeProperty.
// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
// https://github.com/actions/runner/blob/main/src/Runner.Common/ActionCommand.cs (the unescaping side)

/** The message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
