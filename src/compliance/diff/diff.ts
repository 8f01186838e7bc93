/** `cognito-client-lint diff`: load both sides, match stacks by name, compare each stack. */
import { diffStack } from './diff-stack';
import { DiffInputError, loadSide, Side, StackInput } from './load-side';
import { DiffReport, StackDiff, summarizeDiff } from './types';

export type DiffOutcome =
  | { readonly ok: true; readonly report: DiffReport }
  | { readonly ok: false; readonly errors: readonly DiffInputError[] };

/**
 * Compares the templates `beforeArg` and `afterArg` stand for (files, cloud assemblies or directories; relative to
 * `cwd`). Stacks are matched by name; when both arguments are single files they are one stack whatever their names.
 * Any input that cannot be read makes the whole comparison fail: half a comparison would report the unreadable
 * side's stacks as removed or new.
 */
export function diffInputs(beforeArg: string, afterArg: string, cwd: string): DiffOutcome {
  const before = loadSide(beforeArg, cwd);
  const after = loadSide(afterArg, cwd);
  const errors = [...before.errors, ...after.errors];
  if (errors.length) return { ok: false, errors };

  const pairs = pairStacks(before, after);
  const stacks: StackDiff[] = [];
  for (const [name, [old, now]] of [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    try {
      stacks.push(diffStack(name, old, now));
    } catch (error) {
      const file = (now ?? old)!.file;
      return { ok: false, errors: [{ file, problem: `could not be compared: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  }
  return { ok: true, report: { stacks, summary: summarizeDiff(stacks) } };
}

function pairStacks(before: Side, after: Side): Map<string, [StackInput | undefined, StackInput | undefined]> {
  const pairs = new Map<string, [StackInput | undefined, StackInput | undefined]>();
  if (before.singleFile && after.singleFile) {
    const [old] = before.stacks.values();
    const [now] = after.stacks.values();
    pairs.set(now.name, [old, now]);
    return pairs;
  }
  for (const [name, stack] of before.stacks) pairs.set(name, [stack, undefined]);
  for (const [name, stack] of after.stacks) pairs.set(name, [pairs.get(name)?.[0], stack]);
  return pairs;
}
