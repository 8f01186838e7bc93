import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../../../src/compliance/cli/main';

/**
 * Points the AWS SDK's own resolution at a loopback endpoint through the environment (AWS_ENDPOINT_URL_* and
 * static credentials), with empty shared config files so nothing on the machine leaks in. Returns a restore function.
 */
export function awsEnvironment(vars: Record<string, string | undefined>): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-aws-'));
  const config = path.join(dir, 'config');
  const credentials = path.join(dir, 'credentials');
  fs.writeFileSync(config, '');
  fs.writeFileSync(credentials, '');
  const all: Record<string, string | undefined> = {
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_ACCESS_KEY_ID: 'AKIDAUDITTEST',
    AWS_SECRET_ACCESS_KEY: 'audit-test-secret-key',
    AWS_SESSION_TOKEN: undefined,
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: undefined,
    AWS_PROFILE: undefined,
    AWS_ENDPOINT_URL: undefined,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: undefined,
    AWS_MAX_ATTEMPTS: undefined,
    AWS_RETRY_MODE: undefined,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...vars,
  };
  const saved = Object.fromEntries(Object.keys(all).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(all);
  return () => {
    apply(saved);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `cognito-client-lint audit <argv>` in process, through the CLI's own dispatch. */
export async function runAuditCli(argv: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(['audit', ...argv], {
    stdout: { write: (t: string) => { stdout += t; } },
    stderr: { write: (t: string) => { stderr += t; } },
    isTTY: false,
    cwd: process.cwd(),
    env: {},
  });
  return { code, stdout, stderr };
}
