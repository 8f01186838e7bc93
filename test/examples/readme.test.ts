import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { lintDirectory, ROOT, runActionLintStep, tempDir } from './helpers';
import { storefrontApp } from '../../examples/compliance-ci/app';

// Every code block of the README sections on cdk-nag, CI and the examples is run or is part of a file that is.

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function section(name: string): string {
  const start = README.indexOf(`<!-- ${name}:start -->`);
  const end = README.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`README has no ${name} section`);
  return README.slice(start, end);
}

function codeBlocks(text: string): Array<{ lang: string; code: string }> {
  return [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] }));
}

/** Named imports per module in TypeScript source. */
function importsOf(source: string): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  for (const m of source.matchAll(/^import \{([^}]+)\} from '([^']+)';$/gm)) {
    const names = imports.get(m[2]) ?? new Set<string>();
    m[1].split(',').map((n) => n.trim()).filter(Boolean).forEach((n) => names.add(n));
    imports.set(m[2], names);
  }
  return imports;
}

const PACKAGE_TO_SOURCE: Record<string, string> = {
  'cdk-cognito-clients': '../../src',
  'cdk-cognito-clients/lib/compliance/nag': '../../src/compliance/nag',
};

test('the README has exactly these code blocks in the nag, ci and examples sections', () => {
  expect(codeBlocks(section('nag')).map((b) => b.lang)).toEqual(['ts']);
  expect(codeBlocks(section('ci')).map((b) => b.lang)).toEqual(['yaml', 'yaml', 'yaml']);
  expect(codeBlocks(section('examples'))).toEqual([]);
});

test('the cdk-nag snippet is the code of examples/cdk-nag/app.ts, which test/examples/cdk-nag.test.ts synthesizes', () => {
  const [snippet] = codeBlocks(section('nag'));
  const example = readFileSync(join(ROOT, 'examples', 'cdk-nag', 'app.ts'), 'utf8');
  const exampleImports = importsOf(example);
  for (const [module, names] of importsOf(snippet.code)) {
    const imported = exampleImports.get(PACKAGE_TO_SOURCE[module] ?? module);
    expect([module, [...names].filter((n) => !imported?.has(n))]).toEqual([module, []]);
  }
  const statements = snippet.code.split('\n').filter((l) => l.trim() && !l.startsWith('import '));
  expect(statements).toHaveLength(2);
  const exampleLines = example.split('\n').map((l) => l.trim());
  for (const statement of statements) expect(exampleLines).toContain(statement.trim());
});

describe('the GitHub Actions snippet', () => {
  const steps = parse(codeBlocks(section('ci'))[0].code) as Array<{ run?: string; uses?: string; with?: Record<string, string> }>;

  test('synthesizes the way the example workflow does', () => {
    const workflow = parse(readFileSync(join(ROOT, 'examples', 'compliance-ci', 'cognito-compliance.yml'), 'utf8'));
    const workflowRuns = workflow.jobs['cognito-clients'].steps.map((s: { run?: string }) => s.run).filter(Boolean);
    expect(steps[0].run).toBe('npx cdk synth --quiet');
    expect(workflowRuns).toContain(steps[0].run);
  });

  test('run with its inputs on a synthesized cdk.out, the action annotates every finding and passes on warnings', async () => {
    // GIVEN `npx cdk synth`: the compliance example app into cdk.out
    const workspace = tempDir('readme-action-');
    process.env.CDK_OUTDIR = join(workspace, 'cdk.out');
    try {
      storefrontApp().synth();
    } finally {
      delete process.env.CDK_OUTDIR;
    }
    expect(steps[1].uses).toBe('cdk-cognito-clients/cdk-cognito-clients@v1');
    // WHEN
    const result = runActionLintStep(workspace, steps[1].with ?? {});
    // THEN
    const { findings } = await lintDirectory(join(workspace, 'cdk.out'));
    expect(findings.length).toBeGreaterThan(0);
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((l) => l.split('::').slice(1, 2)[0].split(' ')[0]))
      .toEqual(findings.map((f) => f.severity));
  });
});

test('the pre-commit snippet is examples/compliance-ci/.pre-commit-config.yaml, which test/examples/compliance-ci.test.ts runs', () => {
  const snippet = codeBlocks(section('ci'))[1].code;
  const file = readFileSync(join(ROOT, 'examples', 'compliance-ci', '.pre-commit-config.yaml'), 'utf8');
  expect(snippet).toBe(file.split('\n').filter((l) => !l.startsWith('#')).join('\n'));
});

test('the local pre-commit snippet is examples/compliance-ci/.pre-commit-config.local.yaml, which test/examples/compliance-ci.test.ts runs', () => {
  const snippet = codeBlocks(section('ci'))[2].code;
  const file = readFileSync(join(ROOT, 'examples', 'compliance-ci', '.pre-commit-config.local.yaml'), 'utf8');
  expect(snippet).toBe(file.split('\n').filter((l) => !l.startsWith('#')).join('\n'));
});
