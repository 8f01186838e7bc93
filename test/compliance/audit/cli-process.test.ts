/**
 * `cognito-client-lint audit` as a real process: the SDK inside it finds the endpoint, region and credentials in the
 * environment it was started with, as it would in a CI job.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CognitoStandIn, startCognitoStandIn } from './support/cognito-stand-in';

const REPO = path.join(__dirname, '../../..');
const SECRET = 'process-test-client-secret-93c1';
let standIn: CognitoStandIn;
let home: string;

beforeAll(async () => {
  standIn = await startCognitoStandIn();
  standIn.addPool({ Id: 'eu-central-1_Proc1', Name: 'process' });
  standIn.addClient('eu-central-1_Proc1', {
    ClientId: 'proc1client',
    ClientName: 'legacy',
    ClientSecret: SECRET,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['implicit'],
    AllowedOAuthScopes: ['openid'],
    CallbackURLs: ['https://a.example.com/cb'],
  });
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-process-'));
  fs.writeFileSync(path.join(home, 'config'), '');
  fs.writeFileSync(path.join(home, 'credentials'), '');
});

afterAll(async () => {
  await standIn?.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

function audit(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), path.join(REPO, 'src/compliance/cli.ts'), 'audit', ...args], {
      cwd: home,
      timeout: 60_000,
      env: {
        ...clean,
        TS_NODE_PROJECT: path.join(REPO, 'tsconfig.json'),
        NO_COLOR: '1',
        // The SDK's notice that node 20 is ageing (a process warning) is not the audit's output.
        NODE_NO_WARNINGS: '1',
        AWS_CONFIG_FILE: path.join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ACCESS_KEY_ID: 'AKIDPROCESS',
        AWS_SECRET_ACCESS_KEY: 'process-secret-key',
        ...env,
      },
    }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
  });
}

test.each([
  ['AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER'],
  ['AWS_ENDPOINT_URL'],
])('%s and AWS_REGION from the environment reach the SDK; exit 0 on warnings only', async (variable) => {
  const before = standIn.server.calls.length;
  const out = await audit(['--format', 'json'], { [variable]: standIn.url, AWS_REGION: 'eu-central-1' });
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  const report = JSON.parse(out.stdout);
  expect(report.summary).toMatchObject({ region: 'eu-central-1', userPools: 1, errors: 0 });
  expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('client-implicit-grant');
  expect(standIn.server.calls.length - before).toBe(6);
  expect(out.stdout + out.stderr).not.toContain(SECRET);
}, 90_000);
