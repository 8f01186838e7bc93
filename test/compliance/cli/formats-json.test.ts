import * as fc from 'fast-check';
import { formatJson, formatJsonChunks } from '../../../src/compliance/cli/formats/json';
import { FileReport, LintReport, summarize } from '../../../src/compliance/cli/report';
import { Finding, Severity } from '../../../src/rules/types';

const RUNS = Number(process.env.FUZZ_RUNS ?? 700);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** What the JSON report was before it was written in pieces: one JSON.stringify of the whole. */
function wholeReport(report: LintReport): string {
  const findings = report.files.flatMap((file) => file.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: file.file,
    logicalId: finding.logicalId,
    property: finding.property,
    message: finding.message,
    docUrl: finding.docUrl,
  })));
  return `${JSON.stringify({ findings, summary: report.summary }, null, 2)}\n`;
}

const text = fc.oneof(fc.string(), fc.constantFrom('line\nbreak', 'tab\t"quote"', 'ünïcödé 🚀', '\u2028', '</script>', ''));
const finding: fc.Arbitrary<Finding> = fc.record({
  ruleId: text, severity: fc.constantFrom(Severity.ERROR, Severity.WARNING), logicalId: text, property: text, message: text, docUrl: text,
});
const file: fc.Arbitrary<FileReport> = fc.record({
  file: text, findings: fc.array(finding, { maxLength: 6 }), resourceLines: fc.constant(new Map()), checkedResources: fc.nat(50),
});
const reports = fc.array(file, { maxLength: 4 }).map((files): LintReport => ({ files, inputErrors: [], summary: summarize(files, []) }));

test('the JSON report written in pieces is, byte for byte, the JSON of the whole report', () => {
  fc.assert(fc.property(reports, (report) => {
    expect(formatJson(report)).toBe(wholeReport(report));
  }), { numRuns: RUNS, seed: SEED });
});

test('a large report comes in pieces of about 64 KB, never as one string', () => {
  const findings: Finding[] = Array.from({ length: 2000 }, (_, i) => ({
    ruleId: 'client-rule', severity: Severity.WARNING, logicalId: `Client${i}`, property: 'WriteAttributes', message: 'm'.repeat(200), docUrl: 'https://example.com',
  }));
  const files = [{ file: 'a.json', findings, resourceLines: new Map(), checkedResources: 2000 }];
  const chunks = [...formatJsonChunks({ files, inputErrors: [], summary: summarize(files, []) })];
  expect(chunks.length).toBeGreaterThan(5);
  expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(70 * 1024);
  expect(JSON.parse(chunks.join('')).findings).toHaveLength(2000);
});
