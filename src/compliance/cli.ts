#!/usr/bin/env node
import { run } from './cli/main';

/** `cognito-client-lint`: the process wrapper around {@link run}. */
function main(): void {
  // A closed pipe (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  }).then(
    (code) => { process.exitCode = code; },
    () => { process.exitCode = 2; },
  );
}

if (require.main === module) {
  main();
}
