import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../compliance/cli/helpers';

// The quick start synthesizes examples/app.ts and lints its cloud assembly; this keeps that path from rotting.
describe('the example app', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-cdk-out-'));

  beforeAll(() => {
    // The app synthesizes when it is loaded, into CDK_OUTDIR: it must be loaded after that is set, hence require.
    process.env.CDK_OUTDIR = outdir;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jest.isolateModules(() => require('../../examples/app'));
  });

  afterAll(() => {
    delete process.env.CDK_OUTDIR;
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('synthesizes, and the linter finds no error: the identity stack is clean, the legacy L2 client draws warnings', async () => {
    // WHEN
    const { code, stdout } = await runCli(['--format', 'json', outdir], outdir);
    // THEN
    const report = JSON.parse(stdout) as { findings: Array<{ ruleId: string; file: string; severity: string }> };
    expect(code).toBe(0);
    expect(report.findings.filter((f) => f.file.includes('OrdersIdentity'))).toEqual([]);
    expect(report.findings.filter((f) => f.file.includes('LegacyIdentity')).map((f) => f.ruleId)).toEqual(expect.arrayContaining([
      'client-implicit-grant', 'client-admin-scope-public-client', 'client-user-existence-errors-legacy',
    ]));
    expect(report.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  test('exposes every hosted-domain endpoint as a stack output', () => {
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'OrdersIdentity.template.json'), 'utf8'));
    expect(Object.keys(template.Outputs)).toEqual(expect.arrayContaining([
      'Issuer', 'OpenIdConfiguration', 'Jwks', 'AuthorizeEndpoint', 'TokenEndpoint', 'UserInfoEndpoint', 'RevokeEndpoint', 'LogoutUrl',
    ]));
    expect(JSON.stringify(template)).not.toMatch(/"ClientSecret"/);
  });
});
