/**
 * The expected-findings corpus: every template under test/fixtures/templates/ (good/ ones deploy, bad/ ones are
 * refused) and, under test/fixtures/results/, the exact findings the CLI gives for it, as cfn-lint keeps its
 * snapshot results (test/fixtures/results/ next to test/fixtures/templates/ in aws-cloudformation/cfn-lint).
 * test/fixtures/corpus.test.ts compares them in CI, so any change to what the linter says shows up in review.
 *
 * Each template is linted by the CLI itself, in-process (`run()` of src/compliance/cli/main.ts with `--format json`,
 * default options), so the corpus checks what users see: the file loader, the repeated-key findings, the deep-value
 * guard and the engine, in the CLI's order.
 *
 * Stored per finding: ruleId, severity, logicalId, property. Messages are deliberately NOT stored: their wording is
 * covered by the unit tests of each rule and changes far more often than what is found; storing them would turn every
 * rewording into a corpus-wide diff that hides the changes that matter.
 *
 * Run: `npm run fixtures:update` (writes every result, deletes results whose template is gone), then review the diff
 * of test/fixtures/results/ before committing it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { dirname, join, relative, sep } from 'path';
import { run } from '../src/compliance/cli/main';

export const ROOT = join(__dirname, '..');
export const TEMPLATES_DIR = join(ROOT, 'test', 'fixtures', 'templates');
export const RESULTS_DIR = join(ROOT, 'test', 'fixtures', 'results');

/** Extensions the corpus holds (the CLI reads the same ones in a directory). */
const TEMPLATE_EXTENSIONS = ['.json', '.yaml', '.yml', '.template'];

export const UPDATE_HINT = 'Run `npm run fixtures:update` and review the diff of test/fixtures/results/ before committing it.';

/** What the corpus stores of one finding. */
export interface ExpectedFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly logicalId: string;
  readonly property: string;
}

/** Relative paths (with `/`) of the files under `dir` whose name ends with one of `extensions`, sorted. */
function listFiles(dir: string, extensions: readonly string[]): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Every template of the corpus, relative to {@link TEMPLATES_DIR} (e.g. `bad/domains/prefix-domains.yaml`). */
export function listTemplates(): string[] {
  return listFiles(TEMPLATES_DIR, TEMPLATE_EXTENSIONS);
}

/** Every stored result, relative to {@link RESULTS_DIR}. */
export function listResults(): string[] {
  return listFiles(RESULTS_DIR, ['.json']);
}

/** `good/json/x.json` -> `good/json/x.json.json` (the template's relative path plus `.json`). */
export function resultPathOf(template: string): string {
  return `${template}.json`;
}

/** The template a result belongs to (the inverse of {@link resultPathOf}). */
export function templatePathOf(result: string): string {
  return result.replace(/\.json$/, '');
}

/**
 * Lints one template exactly as `cognito-client-lint --format json <file>` does and returns its findings in the CLI's
 * order. Throws when the CLI cannot lint it (exit code 2 or anything on stderr): a corpus template must be lintable.
 */
export async function lintWithCli(template: string): Promise<ExpectedFinding[]> {
  let stdout = '';
  let stderr = '';
  const file = `test/fixtures/templates/${template}`;
  const code = await run(['--format', 'json', file], {
    stdout: { write: (text: string) => { stdout += text; } },
    stderr: { write: (text: string) => { stderr += text; } },
    isTTY: false,
    cwd: ROOT,
    env: {},
  });
  if (code === 2 || stderr !== '') {
    throw new Error(`${file}: the CLI could not lint it (exit code ${code}): ${stderr.trim() || 'no message'}`);
  }
  const report = JSON.parse(stdout) as { findings: Array<ExpectedFinding & { file: string }> };
  return report.findings.map(({ ruleId, severity, logicalId, property }) => ({ ruleId, severity, logicalId, property }));
}

/** The stored form: a JSON array, two-space indented, one trailing newline. */
export function renderResults(findings: readonly ExpectedFinding[]): string {
  return `${JSON.stringify(findings, null, 2)}\n`;
}

/** The stored text of a template's results, or undefined when there is none. */
export function readStoredResults(template: string): string | undefined {
  try {
    return readFileSync(join(RESULTS_DIR, resultPathOf(template)), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Why the stored results of `template` differ from `findings` (the CLI's answer now), or undefined when they are the
 * same, byte for byte. The text names the file and what changed, and says how to refresh the corpus.
 */
export function resultsProblem(template: string, findings: readonly ExpectedFinding[], stored: string | undefined): string | undefined {
  const actual = renderResults(findings);
  if (stored === actual) return undefined;
  const where = `test/fixtures/results/${resultPathOf(template)}`;
  if (stored === undefined) {
    return `${where} is missing: the findings of test/fixtures/templates/${template} are not recorded. ${UPDATE_HINT}`;
  }
  const key = (f: ExpectedFinding) => `${f.severity} ${f.ruleId} ${f.logicalId} ${f.property}`;
  let expected: ExpectedFinding[] = [];
  try {
    expected = JSON.parse(stored) as ExpectedFinding[];
  } catch {
    return `${where} is not valid JSON. ${UPDATE_HINT}`;
  }
  const added = withoutEach(findings.map(key), expected.map(key));
  const removed = withoutEach(expected.map(key), findings.map(key));
  const details = [
    ...added.map((k) => `  + ${k}`),
    ...removed.map((k) => `  - ${k}`),
    ...(added.length === 0 && removed.length === 0 ? ['  (same findings, different order or formatting)'] : []),
  ];
  return [`The findings of test/fixtures/templates/${template} differ from ${where}:`, ...details, UPDATE_HINT].join('\n');
}

/** `items` minus one occurrence of each of `others` (a multiset difference, so a repeated finding counts). */
function withoutEach(items: readonly string[], others: readonly string[]): string[] {
  const left = [...items];
  for (const other of others) {
    const at = left.indexOf(other);
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}

/** Writes the results of every template and deletes results whose template is gone. Returns what it did. */
export async function updateExpectedFindings(): Promise<{ written: string[]; changed: string[]; deleted: string[] }> {
  const templates = listTemplates();
  const written: string[] = [];
  const changed: string[] = [];
  for (const template of templates) {
    const text = renderResults(await lintWithCli(template));
    const path = join(RESULTS_DIR, resultPathOf(template));
    if (readStoredResults(template) !== text) changed.push(resultPathOf(template));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(resultPathOf(template));
  }
  const wanted = new Set(written);
  const deleted = listResults().filter((result) => !wanted.has(result));
  for (const result of deleted) rmSync(join(RESULTS_DIR, result));
  return { written, changed, deleted };
}

if (require.main === module) {
  updateExpectedFindings().then(({ written, changed, deleted }) => {
    for (const path of changed) process.stdout.write(`updated test/fixtures/results/${path}\n`);
    for (const path of deleted) process.stdout.write(`deleted test/fixtures/results/${path} (its template is gone)\n`);
    process.stdout.write(`${written.length} templates linted, ${changed.length} results changed, ${deleted.length} deleted.`
      + `${changed.length + deleted.length > 0 ? ' Review the diff: git diff test/fixtures/results/' : ''}\n`);
  }, (error: unknown) => {
    process.stderr.write(`update-expected-findings: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
