/**
 * Writes the rule catalogue into README.md between the `rules:start` and `rules:end` markers, from the rules
 * themselves (`CognitoClientLinter.rules()`), so the catalogue cannot drift from the code.
 * Run: `npx ts-node --transpile-only scripts/rule-catalogue.ts`; test/docs/readme.test.ts checks it is current.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CognitoClientLinter } from '../src';

export const README = path.join(__dirname, '..', 'README.md');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

const RESOURCE_NAMES: Record<string, string> = {
  'AWS::Cognito::UserPoolClient': 'User pool client',
  'AWS::Cognito::UserPoolDomain': 'User pool domain',
  'AWS::Cognito::UserPoolResourceServer': 'Resource server',
  'AWS::Cognito::UserPoolUICustomizationAttachment': 'UI customization attachment',
  'Template': 'Template file',
};

export function renderCatalogue(): string {
  const rules = CognitoClientLinter.rules();
  const lines: string[] = [];
  for (const [type, title] of Object.entries(RESOURCE_NAMES)) {
    const ofType = rules.filter((r) => r.resourceType === type);
    if (ofType.length === 0) continue;
    lines.push(`#### ${title} (\`${type}\`): ${ofType.length} rule${ofType.length === 1 ? '' : 's'}`, '');
    lines.push('| Rule id | Severity | What it checks | Inventory | Source |', '|---|---|---|---|---|');
    for (const rule of ofType) {
      const description = rule.description.replace(/\|/g, '\\|');
      lines.push(`| \`${rule.id}\` | ${rule.severity} | ${description} | ${rule.constraints.join(', ') || '-'} | [link](${rule.docUrl}) |`);
    }
    lines.push('');
  }
  const errors = rules.filter((r) => r.severity === 'error').length;
  lines.unshift(`${rules.length} rules: ${errors} errors, ${rules.length - errors} warnings.`, '');
  return lines.join('\n').trimEnd();
}

export function withCatalogue(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} ... ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${renderCatalogue()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  fs.writeFileSync(README, withCatalogue(fs.readFileSync(README, 'utf8')));
}
