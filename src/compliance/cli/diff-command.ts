import { Command, Option } from 'commander';
import { collectList, newProgram, runCommand, UsageError } from './command';
import { CognitoClientLinter } from '../../rules';
import { diffInputs } from '../diff/diff';
import { formatDiffJson } from '../diff/formats/json';
import { formatDiffMarkdown } from '../diff/formats/markdown';
import { formatDiffSarif } from '../diff/formats/sarif';
import { formatDiffText } from '../diff/formats/text';
import { ChangeKind, CHANGE_KINDS, DiffReport } from '../diff/types';
import { printable } from './formats/printable';
import { CliIo, packageHomepage, packageVersion, TOOL_NAME } from './main';

type DiffFormat = 'text' | 'json' | 'sarif' | 'markdown';

const FAIL_ON_VALUES = ['replacement', 'regression', 'any', 'none'] as const;
const DEFAULT_FAIL_ON: readonly ChangeKind[] = ['replacement', 'regression'];


/**
 * `cognito-client-lint diff <before> <after>`: compares two versions of the templates (files or cloud assemblies)
 * and classifies every change to user pool clients, domains, resource servers and UI customizations.
 * Returns 0, 1 when a change of a kind named by --fail-on is present, 2 on a usage error or an input that cannot be
 * read (one line on stderr each). Never throws.
 */
export async function runDiff(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(`${TOOL_NAME} diff`, io, () => buildProgram(io), argv, (program) => {
    const options = program.opts<{ format: DiffFormat; failOn?: string[] }>();
    const failOn = failOnKinds(options.failOn);
    const [before, after] = program.args;

    const outcome = diffInputs(before, after, io.cwd);
    if (!outcome.ok) {
      for (const error of outcome.errors) io.stderr.write(`${TOOL_NAME} diff: ${printable(error.file)}: ${printable(error.problem)}\n`);
      return 2;
    }
    io.stdout.write(render(outcome.report, options.format, failOn));
    return CHANGE_KINDS.some((kind) => failOn.has(kind) && outcome.report.summary[kind] > 0) ? 1 : 0;
  });
}

function buildProgram(io: CliIo): Command {
  return newProgram(`${TOOL_NAME} diff`, io)
    .description('Compare two versions of CloudFormation templates or CDK cloud assemblies and classify every change to '
      + 'Cognito user pool clients, domains and resource servers: replacement, regression, improvement or change.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'markdown']).default('text'))
    .option('--fail-on <kinds>', `exit 1 when a change of these kinds is present: ${FAIL_ON_VALUES.join(', ')} `
      + '(repeatable, or comma-separated; default: replacement,regression)', collectList)
    .argument('<before>', 'the template file, cdk.out or directory before the change')
    .argument('<after>', 'the template file, cdk.out or directory after the change')
    .addHelpText('after', '\nExit codes: 0 nothing to fail on, 1 a change of a --fail-on kind, 2 usage or input errors.');
}

/** `--fail-on` values as the set of kinds that fail: `any` is every kind, `none` no kind (and alone). */
function failOnKinds(values: readonly string[] | undefined): Set<ChangeKind> {
  if (values === undefined) return new Set(DEFAULT_FAIL_ON);
  const unknown = values.filter((value) => !(FAIL_ON_VALUES as readonly string[]).includes(value));
  if (unknown.length) throw new UsageError(`--fail-on: unknown kind ${unknown.map((v) => `'${v}'`).join(', ')} (allowed: ${FAIL_ON_VALUES.join(', ')})`);
  if (values.includes('none')) {
    if (values.some((value) => value !== 'none')) throw new UsageError('--fail-on: none cannot be combined with other kinds');
    return new Set();
  }
  if (values.includes('any')) return new Set(CHANGE_KINDS);
  return new Set(values as ChangeKind[]);
}

function render(report: DiffReport, format: DiffFormat, failOn: ReadonlySet<ChangeKind>): string {
  switch (format) {
    case 'json':
      return formatDiffJson(report);
    case 'sarif':
      return formatDiffSarif(report, {
        name: TOOL_NAME, version: packageVersion(), informationUri: packageHomepage(), rules: CognitoClientLinter.rules(), failOn,
      });
    case 'markdown':
      return formatDiffMarkdown(report, CognitoClientLinter.rules());
    default:
      return formatDiffText(report);
  }
}
