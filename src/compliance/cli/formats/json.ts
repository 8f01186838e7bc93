import { LintReport } from '../report';

/** Pieces of output gathered before each write: large enough to keep writes few, small enough to keep memory flat. */
const CHUNK_CHARACTERS = 64 * 1024;

/**
 * `{ findings: [...], summary: {...} }`, one object per finding with its file: the text `JSON.stringify(report, null, 2)`
 * would give, byte for byte, handed out in pieces of about 64 KB. A 10,000-client template has 17,000 findings, 15 MB of
 * JSON: built as one string and copied into one write buffer, it was a third of the CLI's peak memory (issue 15).
 */
export function* formatJsonChunks(report: LintReport): Generator<string> {
  let chunk = '{\n  "findings": [';
  let first = true;
  // Rule ids, severities, links and logical ids repeat from finding to finding: each is quoted once.
  const quoted = new Map<string, string>();
  const quote = (text: string): string => {
    let json = quoted.get(text);
    if (json === undefined) {
      json = JSON.stringify(text);
      quoted.set(text, json);
    }
    return json;
  };
  for (const file of report.files) {
    const fileJson = JSON.stringify(file.file);
    for (const finding of file.findings) {
      // Written field by field: every field is a string, so this is the text JSON.stringify(item, null, 2) gives at this
      // depth (a property-based test holds them together), without a second pass to indent it.
      chunk += `${first ? '' : ','}\n    {\n      "ruleId": ${quote(finding.ruleId)},\n      "severity": ${quote(finding.severity)},`
        + `\n      "file": ${fileJson},\n      "logicalId": ${quote(finding.logicalId)},`
        + `\n      "property": ${JSON.stringify(finding.property)},\n      "message": ${JSON.stringify(finding.message)},`
        + `\n      "docUrl": ${quote(finding.docUrl)}\n    }`;
      first = false;
      if (chunk.length >= CHUNK_CHARACTERS) {
        yield chunk;
        chunk = '';
      }
    }
  }
  const { files, resources, errors, warnings, inputErrors, internalErrors } = report.summary;
  const summary = JSON.stringify({ files, resources, errors, warnings, inputErrors, internalErrors }, null, 2).replace(/\n/g, '\n  ');
  yield `${chunk}${first ? ']' : '\n  ]'},\n  "summary": ${summary}\n}\n`;
}

/** The whole of {@link formatJsonChunks} as one string. */
export function formatJson(report: LintReport): string {
  return [...formatJsonChunks(report)].join('');
}
