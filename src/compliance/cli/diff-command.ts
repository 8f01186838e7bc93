import { CliIo, TOOL_NAME } from './main';

/** `cognito-client-lint diff ...`: not built yet. */
export async function runDiff(_argv: readonly string[], io: CliIo): Promise<number> {
  io.stderr.write(`${TOOL_NAME}: diff is not available yet\n`);
  return 2;
}
