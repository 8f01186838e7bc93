import { CliIo, TOOL_NAME } from './main';

/** `cognito-client-lint audit ...`: not built yet. */
export async function runAudit(_argv: readonly string[], io: CliIo): Promise<number> {
  io.stderr.write(`${TOOL_NAME}: audit is not available yet\n`);
  return 2;
}
