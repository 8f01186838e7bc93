import { readFileSync } from 'fs';
import { join, relative, resolve, sep } from 'path';
import { Command, Option } from 'commander';
import { checkRegion, checkRuleIds, collectList, newProgram, runCommand } from './command';
import { discoverInputs } from './discover-inputs';
import { CognitoClientLinter, Finding } from '../../rules';
import { formatJsonChunks } from './formats/json';
import { printable } from './formats/printable';
import { formatText } from './formats/text';
import { loadTemplate } from './load-template';
import { exitCodeOf, FileReport, InputError, LintReport, summarize } from './report';
import { ALL_RULES } from '../../rules/catalogue';
import { runRules } from '../../rules/engine';
import { duplicateKeyFindings, templateDuplicateKey } from '../../rules/template/duplicate-key';

export const TOOL_NAME = 'cognito-client-lint';

/** Where the CLI writes and what it knows about its surroundings; the process, or a test. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Whether stdout is a terminal (colour is used only then, and never with NO_COLOR). */
  readonly isTTY: boolean;
  /** Relative input paths resolve against this, and reported paths are relative to it. */
  readonly cwd: string;
  /** Defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

type Format = 'text' | 'json' | 'sarif' | 'junit' | 'github';

interface CliOptions {
  readonly format: Format;
  readonly strict?: boolean;
  readonly region?: string;
  readonly disable?: string[];
}


/**
 * Runs the CLI on `argv` (the arguments after the program name) and returns the exit code:
 * 0 no error findings, 1 error findings (or warnings with --strict), 2 usage error or an input that could not be linted.
 * Never throws and never exits the process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // Subcommands live in their own modules, loaded only when asked for (the audit pulls in the AWS SDK).
  // A template that really is named `audit` or `diff` is linted as `./audit`.
  const [first, ...rest] = argv;
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (first === 'audit') return (require('./audit-command') as typeof import('./audit-command')).runAudit(rest, io);
  if (first === 'diff') return (require('./diff-command') as typeof import('./diff-command')).runDiff(rest, io);
  /* eslint-enable @typescript-eslint/no-require-imports */
  return runCommand(TOOL_NAME, io, () => buildProgram(io), argv, (program) => {
    const parsed = program.opts<CliOptions>();
    const options: CliOptions = { ...parsed, strict: parsed.strict ?? false, disable: parsed.disable ?? [] };
    validateOptions(options);
    const report = lint(program.args, options, io.cwd);

    // Parser messages may quote the file's bytes: escaped, so each input error stays one line.
    for (const error of report.inputErrors) io.stderr.write(`${TOOL_NAME}: ${printable(error.file)}: ${printable(error.problem)}\n`);
    if (options.format === 'json') {
      for (const chunk of formatJsonChunks(report)) io.stdout.write(chunk);
    } else {
      io.stdout.write(render(report, options, io));
    }
    return exitCodeOf(report.summary, options.strict ?? false);
  });
}

function buildProgram(io: CliIo): Command {
  return newProgram(TOOL_NAME, io)
    .description('Check Amazon Cognito user pool clients, domains and resource servers in CloudFormation templates '
      + '(JSON or YAML, SAM included) and CDK cloud assemblies (cdk.out) for settings Cognito rejects at deploy.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'junit', 'github']).default('text'))
    .option('--strict', 'treat warnings as errors (exit code 1)')
    .option('--region <region>', 'the region the templates deploy to (enables region checks)')
    .option('--disable <rule-id>', 'do not run this rule (repeatable, or comma-separated)', collectList)
    .argument('<paths...>', 'template files, or directories (cdk.out or any directory) to search for templates')
    .addHelpText('after', '\nSubcommands: `' + TOOL_NAME + ' audit --help` (deployed user pools), `' + TOOL_NAME + ' diff --help` (a change between two versions).'
      + '\nExit codes: 0 no errors, 1 error findings (or warnings with --strict), 2 usage or input errors.');
}

function validateOptions(options: CliOptions): void {
  checkRegion(options.region);
  checkRuleIds(options.disable);
}

function lint(paths: readonly string[], options: CliOptions, cwd: string): LintReport {
  const display = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
  const disabled = options.disable ?? [];
  const enabledRules = CognitoClientLinter.rules().filter((rule) => !disabled.includes(rule.id));
  const checkedTypes = new Set(enabledRules.map((rule) => rule.resourceType));
  const files: FileReport[] = [];
  const inputErrors: InputError[] = [];
  const lintedKeys = new Set<string>();

  for (const group of discoverInputs(paths, cwd)) {
    if (group.problem) {
      inputErrors.push({ file: display(resolve(cwd, group.argument)), problem: group.problem });
      continue;
    }
    let linted = 0;
    let failed = 0;
    for (const candidate of group.candidates) {
      const file = display(candidate.path);
      const loaded = loadTemplate(candidate.path);
      if (!loaded.ok) {
        // Walking a directory meets manifests, assets and unrelated YAML: only report what was meant as a template.
        const report = candidate.mustBeTemplate || loaded.reason === 'unreadable'
          || (loaded.reason === 'syntax' && loaded.mentionsCloudFormation);
        if (report) {
          inputErrors.push({ file, problem: loaded.problem });
          failed++;
        }
        continue;
      }
      let findings: Finding[];
      try {
        // A repeated key is a finding about the file; the engine judges the value CloudFormation keeps (the last).
        const duplicates = disabled.includes(templateDuplicateKey.id) ? [] : duplicateKeyFindings(loaded.duplicateKeys);
        // The loader cut every value nested deeper than 100 levels: the engine need not walk them all again for depth.
        const engineFindings = runRules(ALL_RULES, loaded.template, { region: options.region, disabledRules: disabled, depthBounded: true });
        findings = duplicates.length > 0 ? [...duplicates, ...engineFindings] : engineFindings;
      } catch (error) {
        inputErrors.push({ file, problem: `could not be linted: ${error instanceof Error ? error.message : String(error)}` });
        failed++;
        continue;
      }
      const checkedResourceIds = Object.entries(loaded.template.Resources)
        .map(([logicalId, resource]) => ({ logicalId, type: (resource as { Type?: unknown } | null)?.Type as string }))
        .filter((resource) => checkedTypes.has(resource.type));
      files.push({ file, findings, resourceLines: loaded.resourceLines, checkedResources: checkedResourceIds.length, checkedResourceIds });
      lintedKeys.add(candidate.key);
      linted++;
    }
    const lintedEarlier = group.repeated.some((key) => lintedKeys.has(key));
    if (group.isDirectory && linted === 0 && failed === 0 && !lintedEarlier) {
      inputErrors.push({ file: display(resolve(cwd, group.argument)), problem: 'no CloudFormation templates found in this directory' });
    }
  }
  return { files, inputErrors, summary: summarize(files, inputErrors) };
}

function render(report: LintReport, options: CliOptions, io: CliIo): string {
  switch (options.format) {
    // Formats other than text and JSON load on demand: JUnit's XML builder alone costs more than linting a small template.
    /* eslint-disable @typescript-eslint/no-require-imports */
    case 'sarif':
      return (require('./formats/sarif') as typeof import('./formats/sarif')).formatSarif(report, {
        name: TOOL_NAME,
        version: packageVersion(),
        informationUri: packageHomepage(),
        rules: CognitoClientLinter.rules(),
      });
    case 'junit':
      return (require('./formats/junit') as typeof import('./formats/junit')).formatJUnit(report, { name: TOOL_NAME, rules: rulesToRun(options), strict: options.strict });
    case 'github':
      return (require('./formats/github') as typeof import('./formats/github')).formatGitHub(report);
    /* eslint-enable @typescript-eslint/no-require-imports */
    default: {
      const noColor = (io.env ?? process.env).NO_COLOR;
      return formatText(report, { color: io.isTTY && !noColor, strict: options.strict });
    }
  }
}

function rulesToRun(options: CliOptions) {
  const disabled = options.disable ?? [];
  return CognitoClientLinter.rules().filter((rule) => !disabled.includes(rule.id));
}

interface PackageJson {
  readonly version?: string;
  readonly homepage?: string;
  readonly repository?: string | { readonly url?: string };
}

let packageJsonCache: PackageJson | undefined;

/** The package's own package.json: three levels up from both src/compliance/cli and lib/compliance/cli. */
function packageJson(): PackageJson {
  if (!packageJsonCache) {
    try {
      packageJsonCache = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as PackageJson;
    } catch {
      packageJsonCache = {};
    }
  }
  return packageJsonCache;
}

export function packageVersion(): string {
  return packageJson().version ?? '0.0.0';
}

export function packageHomepage(): string {
  const { homepage, repository } = packageJson();
  const url = homepage ?? (typeof repository === 'string' ? repository : repository?.url) ?? 'https://github.com/cdk-cognito-clients/cdk-cognito-clients';
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}
