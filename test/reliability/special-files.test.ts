import { execFileSync } from 'child_process';
import { existsSync, symlinkSync } from 'fs';
import { join } from 'path';
import { jsonTemplate, removeWorkspace, runCli, workspace } from '../compliance/cli/helpers';

// Regression: the CLI read every path with readFileSync. A FIFO blocked it until a writer came (forever, in CI), and a
// symlink to /dev/zero grew memory without end. Special files are now refused with one line naming them.
// The tests run as root, so chmod 000 cannot make a file unreadable; FIFOs, devices and dangling symlinks stand in.

let dir: string;
beforeAll(() => {
  dir = workspace({ 'good.template.json': jsonTemplate('GoodClient') });
  execFileSync('mkfifo', [join(dir, 'pipe.json')]);
  symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
  // A cloud assembly whose manifest.json is a FIFO: detecting the assembly must not read it.
  execFileSync('mkdir', ['-p', join(dir, 'cdk.out')]);
  execFileSync('mkfifo', [join(dir, 'cdk.out', 'manifest.json')]);
});
afterAll(() => removeWorkspace(dir));

test('a named pipe given as a template is refused at once, not read', async () => {
  const result = await runCli(['pipe.json'], dir);

  expect(result.code).toBe(2);
  expect(result.stderr).toBe('cognito-client-lint: pipe.json: is not a regular file (a named pipe)\n');
});

test('a symlink to a device that never ends is refused, not read', async () => {
  expect(existsSync('/dev/zero')).toBe(true);

  const result = await runCli(['zero.yaml'], dir);

  expect(result.code).toBe(2);
  expect(result.stderr).toBe('cognito-client-lint: zero.yaml: is not a regular file (a device)\n');
});

test('walking a directory with special files reports each one and lints the rest', async () => {
  const result = await runCli(['--format', 'json', '.'], dir);

  expect(result.code).toBe(2);
  expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual([
    'cognito-client-lint: cdk.out/manifest.json: is not a regular file (a named pipe)',
    'cognito-client-lint: pipe.json: is not a regular file (a named pipe)',
    'cognito-client-lint: zero.yaml: is not a regular file (a device)',
  ]);
  const report = JSON.parse(result.stdout);
  expect(report.summary.files).toBe(1);
  expect(report.findings.map((f: { logicalId: string }) => f.logicalId)).toContain('GoodClient');
});
