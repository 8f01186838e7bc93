import { CliResult, removeWorkspace, runCli, workspace } from '../cli/helpers';

/** One change as `--format json` prints it. */
export interface JsonChange {
  kind: string;
  stack: string;
  logicalId: string;
  resourceType: string;
  property: string;
  before: unknown;
  after: unknown;
  ruleId: string | null;
  message: string;
}

export interface JsonDiff {
  changes: JsonChange[];
  summary: { stacks: number; resources: number; replacement: number; regression: number; improvement: number; change: number };
}

/** Writes `before` and `after` (objects as JSON, strings as they are) and runs `diff` on them in-process. */
export async function diffFiles(
  files: { before: string | object; after: string | object; beforeName?: string; afterName?: string },
  args: string[] = ['--format', 'json'],
): Promise<CliResult & { json?: JsonDiff }> {
  const beforeName = files.beforeName ?? 'before.json';
  const afterName = files.afterName ?? 'after.json';
  const dir = workspace({ [beforeName]: files.before, [afterName]: files.after });
  try {
    const result = await runCli(['diff', beforeName, afterName, ...args], dir);
    const json = args.includes('json') && (result.code === 0 || result.code === 1) ? JSON.parse(result.stdout) as JsonDiff : undefined;
    return { ...result, json };
  } finally {
    removeWorkspace(dir);
  }
}

/** `[kind, logicalId, property, ruleId]` of each change, in report order: what the table tests compare. */
export function brief(diff: JsonDiff): Array<[string, string, string, string | null]> {
  return diff.changes.map((change) => [change.kind, change.logicalId, change.property, change.ruleId]);
}

/** A stack line of output that would reveal a crash. */
export const STACK_TRACE = /^\s+at /m;
