import { removeWorkspace, runCli, workspace } from './helpers';
import { ALL_RULES } from '../../../src/rules/catalogue';

const template = {
  Resources: {
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
    Client: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: { UserPoolId: { Ref: 'Pool' }, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['implicit'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://app.example.com/cb'] },
    },
  },
};

describe('cognito-client-lint when a rule throws', () => {
  let root: string;
  beforeEach(() => { root = workspace({ 'template.json': template }); });
  afterEach(() => { removeWorkspace(root); jest.restoreAllMocks(); });

  test('exits 2, reports the internal error and every other finding, and prints no stack trace', async () => {
    const rule = ALL_RULES.find((r) => r.id === 'client-user-existence-errors-legacy')!;
    jest.spyOn(rule, 'check').mockImplementation(() => { throw new Error('boom\n    at secret/stack.ts:1:1'); });

    const result = await runCli(['--format', 'json', 'template.json'], root);

    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    const ids = report.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toContain('internal-error');
    expect(ids).toContain('client-implicit-grant');
    expect(ids).not.toContain('client-user-existence-errors-legacy');
    expect(report.summary.internalErrors).toBe(1);
    expect(result.stdout + result.stderr).not.toContain('stack.ts');
  });

  test('the text report says the run is incomplete', async () => {
    const rule = ALL_RULES.find((r) => r.id === 'client-implicit-grant')!;
    jest.spyOn(rule, 'check').mockImplementation(() => { throw new Error('boom'); });

    const result = await runCli(['template.json'], root);

    expect(result.code).toBe(2);
    expect(result.stdout).toContain('error internal-error: Rule client-implicit-grant failed on resource Client (boom)');
    expect(result.stdout).toContain('1 rule run failed (internal-error): the report is incomplete.');
  });
});
