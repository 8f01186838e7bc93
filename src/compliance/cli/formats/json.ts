import { LintReport } from '../report';

/** `{ findings: [...], summary: {...} }`, one object per finding with its file. */
export function formatJson(report: LintReport): string {
  const findings = report.files.flatMap((file) => file.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: file.file,
    logicalId: finding.logicalId,
    property: finding.property,
    message: finding.message,
    docUrl: finding.docUrl,
  })));
  const { files, resources, errors, warnings, inputErrors, internalErrors } = report.summary;
  return `${JSON.stringify({ findings, summary: { files, resources, errors, warnings, inputErrors, internalErrors } }, null, 2)}\n`;
}
