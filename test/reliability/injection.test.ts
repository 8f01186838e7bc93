import { App, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoClientLinter, HostedDomain, PublicSpaClient } from '../../src';
import { removeWorkspace, runCli, workspace } from '../compliance/cli/helpers';

// Issue 8, injection: hostile redirect URIs, names and state values. The linter reports them by rule, its text output
// stays one line per finding and its JSON and SARIF parse back to the same values; HostedDomain.authorizeUrl encodes
// them; the app-scheme allowlist lets custom schemes through and warns on script and file schemes.

const HOSTILE_URLS = [
  'https://app.example.com/cb"onload="alert(1)',
  'https://app.example.com/cb\nSet-Cookie: x=1',
  'https://app.example.com/cb\r\nLocation: https://evil.example.com',
  'https://app.example.com/cb#access_token=stolen',
  'https://app.example.com/cb%00.evil.example.com',
  'javascript:alert(document.cookie)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'https://app.example.com/cb\u2028line-separator',
  'https://app.example.com/cb\u2029paragraph-separator',
  'https://app.example.com/\u202egnp.exe',
  'https://app\u200b.example.com/cb',
];

function clientTemplate(callbackUrls: string[], extra: Record<string, unknown> = {}) {
  return {
    Resources: {
      Pool: { Type: 'AWS::Cognito::UserPool' },
      Client: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: {
          UserPoolId: { Ref: 'Pool' },
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ['code'],
          AllowedOAuthScopes: ['openid'],
          CallbackURLs: callbackUrls,
          ...extra,
        },
      },
    },
  };
}

const findingsAt = (template: unknown, property: string) =>
  CognitoClientLinter.lintTemplate(template).filter((f) => f.property === property);

describe('the linter reports hostile redirect URIs', () => {
  // Cognito's CallbackURLs pattern accepts any letter, mark, symbol, number or punctuation: a quote and a literal
  // "%00" deploy, and javascript:/data: deploy too (with a warning). Everything with a space, a control character,
  // a separator or a format character (RTL override, zero-width space) is refused at deploy: an error.
  const ACCEPTED_BY_COGNITO = new Set([0, 4]);
  const WARNED = new Set([5, 6]);

  test.each(HOSTILE_URLS.map((url, i) => [JSON.stringify(url), i]))('%s gets the finding it deserves on its own item', (_label, index) => {
    const findings = findingsAt(clientTemplate(HOSTILE_URLS), `CallbackURLs[${index}]`);
    const severities = new Set(findings.map((f) => f.severity));

    if (ACCEPTED_BY_COGNITO.has(index)) expect(findings).toEqual([]);
    else if (WARNED.has(index)) expect([...severities]).toEqual(['warning']);
    else expect(severities).toContain('error');
    // The message quotes the value escaped: one line, no raw control or separator characters.
    for (const finding of findings) expect(finding.message).not.toMatch(/[\u0000-\u001f\u2028\u2029]/);
  });

  test('the rules that say why', () => {
    const rulesAt = (index: number) => findingsAt(clientTemplate(HOSTILE_URLS), `CallbackURLs[${index}]`).map((f) => `${f.severity} ${f.ruleId}`);

    expect(rulesAt(1)).toContain('error client-redirect-urls-format'); // line break
    expect(rulesAt(2)).toContain('error client-redirect-urls-format'); // CRLF header injection
    expect(rulesAt(3)).toContain('error client-callback-url-fragment'); // fragment
    expect(rulesAt(5)).toContain('warning client-redirect-url-scheme'); // javascript:
    expect(rulesAt(6)).toContain('warning client-redirect-url-scheme'); // data:
    expect(rulesAt(7)).toContain('error client-redirect-urls-format'); // U+2028
    expect(rulesAt(9)).toContain('error client-redirect-urls-format'); // RTL override
    expect(rulesAt(10)).toContain('error client-redirect-urls-format'); // zero-width space
  });

  test('a hostile DefaultRedirectURI and LogoutURLs are reported too', () => {
    const template = clientTemplate(['https://app.example.com/cb'], {
      DefaultRedirectURI: 'https://app.example.com/cb\n',
      LogoutURLs: ['javascript:alert(1)', 'https://app.example.com/bye\t'],
    });
    const rules = CognitoClientLinter.lintTemplate(template).map((f) => `${f.property} ${f.ruleId}`);

    expect(rules).toEqual(expect.arrayContaining([
      'DefaultRedirectURI client-default-redirect-uri',
      'LogoutURLs[0] client-redirect-url-scheme',
      'LogoutURLs[1] client-redirect-urls-format',
    ]));
  });
});

describe('app-scheme allowlist', () => {
  test.each(['myapp://callback', 'com.example.app:/oauth2redirect', 'exp+my-app://expo-development-client'])(
    'custom app scheme %s is allowed: no scheme or https finding', (url) => {
      const rules = findingsAt(clientTemplate([url]), 'CallbackURLs[0]').map((f) => f.ruleId);

      expect(rules).not.toContain('client-redirect-url-scheme');
      expect(rules).not.toContain('client-redirect-url-https');
    });

  test.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'vbscript:msgbox(1)', 'file:///etc/passwd'])(
    'script or file scheme %s is warned by client-redirect-url-scheme', (url) => {
      const findings = findingsAt(clientTemplate([url]), 'CallbackURLs[0]').filter((f) => f.ruleId === 'client-redirect-url-scheme');

      expect(findings).toEqual([expect.objectContaining({ severity: 'warning' })]);
      expect(findings[0].message).toContain(`value ${JSON.stringify(url)} is risky because`);
    });
});

describe('CLI output with hostile values', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({
      'hostile.template.json': clientTemplate(HOSTILE_URLS, { ClientName: 'name"\n\u2028<script>' }),
    });
  });
  afterAll(() => removeWorkspace(dir));

  test('text: one line per finding, no raw control or separator characters', async () => {
    const { stdout, stderr } = await runCli(['hostile.template.json'], dir);

    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u2028\u2029\u202e\u200b]/);
    const lines = stdout.split('\n');
    const findingLines = lines.filter((line) => /^ {2}(error|warning) /.test(line));
    const total = CognitoClientLinter.lintTemplate(clientTemplate(HOSTILE_URLS, { ClientName: 'name"\n\u2028<script>' })).length;
    expect(findingLines).toHaveLength(total);
    for (const line of lines) expect(line).toMatch(/^(hostile\.template\.json:\d+ \S+| {2}(error|warning) [a-z-]+: Property .*\. Fix: .*\.| {4}https:\/\/\S+|Found .*|)$/);
  });

  test('JSON and SARIF parse back, and carry the messages exactly as the engine wrote them', async () => {
    const expected = CognitoClientLinter.lintTemplate(clientTemplate(HOSTILE_URLS, { ClientName: 'name"\n\u2028<script>' }));
    const json = JSON.parse((await runCli(['--format', 'json', 'hostile.template.json'], dir)).stdout);
    const sarif = JSON.parse((await runCli(['--format', 'sarif', 'hostile.template.json'], dir)).stdout);

    expect(json.findings.map((f: { message: string }) => f.message)).toEqual(expected.map((f) => f.message));
    expect(sarif.runs[0].results.map((r: { message: { text: string } }) => r.message.text)).toEqual(expected.map((f) => f.message));
    expect(sarif.runs[0].results.map((r: { properties: { property: string } }) => r.properties.property)).toEqual(expected.map((f) => f.property));
  });
});

describe('HostedDomain.authorizeUrl encodes hostile values', () => {
  function setup() {
    const app = new App();
    const stack = new Stack(app, 'Stack', { env: { region: 'us-east-1', account: '123456789012' } });
    const userPool = new cognito.UserPool(stack, 'Pool');
    const domain = new HostedDomain(stack, 'Domain', { userPool, prefix: 'myapp' });
    const web = new PublicSpaClient(stack, 'Web', { userPool, callbackUrls: ['https://app.example.com/cb?a=1&b=2', 'myapp://callback'] });
    return { stack, domain, web };
  }

  /** The deploy-time URL: Fn::Join and Ref evaluated as CloudFormation would. */
  function evaluate(stack: Stack, value: string, refs: Record<string, string>): string {
    const walk = (node: any): string => {
      if (typeof node === 'string') return node;
      if (node.Ref) return refs[node.Ref] ?? `<${node.Ref}>`;
      if (node['Fn::Join']) return node['Fn::Join'][1].map(walk).join(node['Fn::Join'][0]);
      throw new Error(`cannot evaluate ${JSON.stringify(node)}`);
    };
    return walk(stack.resolve(value));
  }

  const HOSTILE_STATES = [
    '"><script>alert(1)</script>', 'a&redirect_uri=https://evil.example.com', 'x#fragment', '%00%0d%0a', 'line\nbreak\r\n',
    'javascript:alert(1)', 'data:text/html,x', 'sep\u2028arator\u2029', 'rtl\u202emark', 'zero\u200bwidth', 'quote\'s "double"', '\u0000nul',
  ];

  test.each(HOSTILE_STATES.map((s) => [JSON.stringify(s), s]))('state %s is percent-encoded and parses back exactly', (_label, state) => {
    const { stack, domain, web } = setup();

    const url = domain.authorizeUrl(web, { redirectUri: 'https://app.example.com/cb?a=1&b=2', state, codeChallenge: 'abc' });
    Template.fromStack(stack);

    const text = evaluate(stack, url, { [stack.getLogicalId(web.resource)]: 'clientid123' });
    // encodeURIComponent leaves ' ( ) * ! as they are: harmless in a query value.
    expect(text).not.toMatch(/[\s"<>#\u0000-\u001f\u2028\u2029\u200b\u202e]/);
    const parsed = new URL(text);
    expect(parsed.searchParams.get('state')).toBe(state);
    expect(parsed.searchParams.get('redirect_uri')).toBe('https://app.example.com/cb?a=1&b=2');
    expect(parsed.searchParams.getAll('redirect_uri')).toHaveLength(1);
    expect(parsed.hash).toBe('');
  });

  test('a value mixing a token and hostile literal text: the literal parts are encoded, the token kept', () => {
    const { stack, domain, web } = setup();
    const region = Token.asString({ Ref: 'AWS::Region' });

    const url = domain.authorizeUrl(web, {
      redirectUri: 'myapp://callback',
      state: `${region}&redirect_uri=https://evil.example.com#"x`,
      codeChallenge: 'abc',
    });

    const text = evaluate(stack, url, { [stack.getLogicalId(web.resource)]: 'clientid123', 'AWS::Region': 'us-east-1' });
    const parsed = new URL(text);
    expect(parsed.searchParams.getAll('redirect_uri')).toEqual(['myapp://callback']);
    expect(parsed.searchParams.get('state')).toBe('us-east-1&redirect_uri=https://evil.example.com#"x');
    expect(parsed.hash).toBe('');
  });
});
