import { Command, CommanderError } from 'commander';
import { printable } from './formats/printable';
import { CognitoClientLinter } from '../../rules';

/** Where a command writes; the process, or a test. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Thrown for bad arguments that commander itself cannot check; the command prints it as one line and exits 2. */
export class UsageError extends Error {}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** A repeatable option that also takes comma-separated values (`--disable a,b --disable c`). */
export function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((item) => item.trim()).filter(Boolean)];
}

/**
 * A commander program for one of the CLI's commands: output through `io`, errors as one `<name>: ... (see --help)`
 * line, suggestions for misspelt options, and no `process.exit` (the caller returns the exit code).
 */
export function newProgram(name: string, io: CommandIo): Command {
  return new Command()
    .name(name)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`${name}: ${printable(text.replace(/^error: /, '').trimEnd())} (see --help)\n`),
    })
    .action(() => { /* the work happens after parsing, in the command's run function */ });
}

/**
 * Parses `argv` (the arguments after the command's name). Returns an exit code when commander has already answered
 * (0 for --help and --version, 2 for a usage error it printed), or undefined to go on.
 */
export async function parseArguments(program: Command, argv: readonly string[]): Promise<number | undefined> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}

/** The first line of what was thrown: a message for people, never a stack trace. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/**
 * Runs one command: parses `argv` with the program, then `work`, and returns its exit code. A usage error, or
 * anything unexpected, is one `<name>: ...` line on stderr and exit 2; `fail` writes such a line for `work`.
 * Never throws.
 */
export async function runCommand(
  name: string,
  io: CommandIo,
  program: () => Command,
  argv: readonly string[],
  work: (parsed: Command, fail: (message: string) => number) => number | Promise<number>,
): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`${name}: ${printable(message)}\n`);
    return 2;
  };
  try {
    const parsed = program();
    const answered = await parseArguments(parsed, argv);
    if (answered !== undefined) return answered;
    return await work(parsed, fail);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message} (see --help)`);
    return fail(`unexpected error: ${firstLine(error)}`);
  }
}

/** `--region`: a region name like eu-west-1, when given. */
export function checkRegion(region: string | undefined): void {
  if (region !== undefined && !REGION_PATTERN.test(region)) {
    throw new UsageError(`--region: '${region}' is not a region name like eu-west-1`);
  }
}

/** `--disable`: every id is a rule of the catalogue. */
export function checkRuleIds(ids: readonly string[] | undefined): void {
  const known = new Set(CognitoClientLinter.rules().map((rule) => rule.id));
  const unknown = (ids ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(`--disable: unknown rule id ${unknown.map((id) => `'${id}'`).join(', ')}`);
}
