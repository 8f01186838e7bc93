/** The README's audit section says what the code does: the IAM policy and the rules the audit does not run. */
import * as fs from 'fs';
import * as path from 'path';
import { CognitoClientAuditor } from '../../../src/compliance/audit/auditor';
import { AUDIT_OPERATION_NAMES } from '../../../src/compliance/audit/operations';

const README = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const section = README.slice(README.indexOf('<!-- audit:start -->'), README.indexOf('<!-- audit:end -->'));

test('the section exists once, between the compliance review and the diff section', () => {
  expect(README.split('<!-- audit:start -->')).toHaveLength(2);
  const start = README.indexOf('<!-- audit:start -->');
  expect(start).toBeGreaterThan(README.indexOf('## Compliance review'));
  expect(README.indexOf('## Reviewing a change')).toBeGreaterThan(README.indexOf('<!-- audit:end -->'));
});

test('the IAM policy in the README is the one the code derives, naming exactly the operations the reader sends', () => {
  const block = /```json\n([\s\S]*?)\n```/.exec(section)![1];
  expect(JSON.parse(block)).toEqual(JSON.parse(CognitoClientAuditor.iamPolicy()));
  const actions = JSON.parse(block).Statement.flatMap((s: { Action: string[] }) => s.Action);
  expect([...actions].sort()).toEqual(AUDIT_OPERATION_NAMES.map((op) => `cognito-idp:${op}`).sort());
});

test('the table of rules the audit does not run is the code\'s list', () => {
  const rows = [...section.matchAll(/^\| `([a-z0-9-]+)` \| (.+) \|$/gm)].map((m) => ({ ruleId: m[1], reason: m[2] }));
  expect(rows).toEqual(CognitoClientAuditor.templateOnlyRules());
});
