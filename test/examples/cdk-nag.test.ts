import { readFileSync } from 'fs';
import { join } from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { forSnapshot, tempDir } from './helpers';
import { partnerPortalApp } from '../../examples/cdk-nag/app';
import { CognitoClientLinter } from '../../src';

interface PluginReport {
  pluginName: string;
  violations: Array<{ ruleName: string; severity: string; violatingConstructs: Array<{ constructPath: string }> }>;
}

describe('example: the rules as a cdk-nag pack next to AwsSolutionsChecks', () => {
  const outdir = tempDir('example-cdk-nag-');
  let synthError: Error | undefined;
  let reports: PluginReport[] = [];
  let template: Template;

  beforeAll(() => {
    process.env.CDK_OUTDIR = outdir;
    try {
      const app = partnerPortalApp();
      template = Template.fromJSON(JSON.parse(JSON.stringify(
        (app.node.findChild('PartnerPortal') as any)._toCloudFormation())));
      try {
        app.synth();
      } catch (error) {
        synthError = error as Error;
      }
    } finally {
      delete process.env.CDK_OUTDIR;
    }
    reports = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')).pluginReports;
  });

  test('the pack reports the engine\'s findings on the legacy client under CognitoClients-<rule-id>[<property>], except the acknowledged one', () => {
    const ours = reports.find((r) => r.pluginName === 'CognitoClients')!;
    const engine = CognitoClientLinter.lintTemplate(template.toJSON(), { region: 'eu-west-1' });
    const expected = engine.filter((f) => f.ruleId !== 'client-implicit-grant').map((f) => f.ruleId);
    expect(engine.map((f) => f.ruleId)).toContain('client-implicit-grant');
    expect(expected.length).toBeGreaterThan(0);
    expect(ours.violations.map((v) => v.ruleName.replace(/^CognitoClients-([a-z0-9-]+)\[.*\]$/, '$1')).sort()).toEqual([...expected].sort());
    expect(new Set(ours.violations.flatMap((v) => v.violatingConstructs.map((c) => c.constructPath))))
      .toEqual(new Set(['PartnerPortal/Partners/LegacyPortal/Resource']));
  });

  test('the pool passes AwsSolutions (CDK lists only plugins with violations), and warnings of our pack do not fail the synth', () => {
    expect(reports.map((r) => r.pluginName)).toEqual(['CognitoClients']);
    expect(new Set(reports[0].violations.map((v) => v.severity))).toEqual(new Set(['warning']));
    expect(synthError).toBeUndefined();
    // AwsSolutions on the same tree, asked directly: nothing to report.
    process.env.CDK_OUTDIR = tempDir('example-cdk-nag-direct-');
    try {
      expect(new AwsSolutionsChecks().validateScope(partnerPortalApp()).violations).toEqual([]);
    } finally {
      delete process.env.CDK_OUTDIR;
    }
  });

  test('template snapshot', () => {
    expect(forSnapshot(template.toJSON())).toMatchSnapshot();
  });
});
