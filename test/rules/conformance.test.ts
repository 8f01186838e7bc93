/**
 * External conformance: the fixtures of the cdk-preflight rule pack, each verified by a real CloudFormation deploy.
 * Read at run time from the shared checkout (never copied into this repository):
 * - fail.template.json was rejected at deploy: we must report at least one error on a resource of the rule's types;
 * - pass.template.json deployed: we must report no error at all.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { CognitoClientLinter, Severity } from '../../src';

const FIXTURES_DIR = process.env.CONFORMANCE_DIR ?? path.resolve(__dirname, '../../../shared/conformance/cdk-preflight');

interface FixtureMeta {
  readonly id: string;
  readonly resourceTypes: string[];
  readonly benchRegion?: string;
}

interface FixtureCase {
  readonly name: string;
  readonly meta: FixtureMeta;
  readonly templatePath: string;
}

function loadCases(): { fail: FixtureCase[]; pass: FixtureCase[] } {
  const fail: FixtureCase[] = [];
  const pass: FixtureCase[] = [];
  for (const folder of fs.readdirSync(FIXTURES_DIR).sort()) {
    const dir = path.join(FIXTURES_DIR, folder);
    const metaPath = path.join(dir, 'meta.yaml');
    if (!fs.statSync(dir).isDirectory() || !fs.existsSync(metaPath)) continue;
    const raw = parse(fs.readFileSync(metaPath, 'utf8')) as Partial<FixtureMeta>;
    const meta: FixtureMeta = { id: raw.id ?? folder, resourceTypes: raw.resourceTypes ?? [], benchRegion: raw.benchRegion };
    const failPath = path.join(dir, 'fail.template.json');
    const passPath = path.join(dir, 'pass.template.json');
    if (fs.existsSync(failPath)) fail.push({ name: `${meta.id} fail.template.json`, meta, templatePath: failPath });
    if (fs.existsSync(passPath)) pass.push({ name: `${meta.id} pass.template.json`, meta, templatePath: passPath });
  }
  return { fail, pass };
}

function lint(fixture: FixtureCase) {
  const template = JSON.parse(fs.readFileSync(fixture.templatePath, 'utf8'));
  const findings = CognitoClientLinter.lintTemplate(template, { region: fixture.meta.benchRegion });
  return { template, findings };
}

const available = fs.existsSync(FIXTURES_DIR);

if (!available) {
  describe('conformance with cdk-preflight fixtures', () => {
    if (process.env.CI) {
      test('the fixture directory exists', () => {
        throw new Error(`conformance fixtures not found at ${FIXTURES_DIR}; set CONFORMANCE_DIR or check out shared/ beside the repository`);
      });
    } else {
      // Locally the shared checkout is optional: say so instead of passing silently.
      const reason = `conformance fixtures not found at ${FIXTURES_DIR}: skipped (set CONFORMANCE_DIR to run them; CI fails instead)`;
      // eslint-disable-next-line no-console
      console.warn(reason);
      test.skip(reason, () => {});
    }
  });
} else {
  const { fail, pass } = loadCases();

  describe('conformance with cdk-preflight fixtures', () => {
    test('the fixture directory holds fixtures', () => {
      expect(fail.length).toBeGreaterThan(0);
    });

    // test.each refuses an empty table: a fixture set without fail or pass templates has no such tests.
    if (fail.length > 0) {
      test.each(fail.map((c) => [c.name, c] as const))('%s: at least one error on a resource of the rule types', (_name, fixture) => {
        const { template, findings } = lint(fixture);
        const resources = template.Resources as Record<string, { Type?: string }>;
        const errors = findings.filter((f) => f.severity === Severity.ERROR && fixture.meta.resourceTypes.includes(resources[f.logicalId]?.Type ?? ''));
        if (errors.length === 0) {
          const seen = findings.map((f) => `  [${f.severity}] ${f.logicalId}: ${CognitoClientLinter.formatFinding(f)}`).join('\n') || '  (none)';
          throw new Error(`no error finding on a ${fixture.meta.resourceTypes.join(' or ')}; the findings were:\n${seen}`);
        }
        expect(errors.length).toBeGreaterThan(0);
      });
    }

    if (pass.length > 0) {
      test.each(pass.map((c) => [c.name, c] as const))('%s: no error', (_name, fixture) => {
        const { findings } = lint(fixture);
        const errors = findings.filter((f) => f.severity === Severity.ERROR).map((f) => CognitoClientLinter.formatFinding(f));
        expect(errors).toEqual([]);
      });
    }
  });
}
