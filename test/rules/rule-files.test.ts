import * as fs from 'fs';
import * as path from 'path';
import { CognitoClientLinter } from '../../src';

const RULES_DIR = path.join(__dirname, '..', '..', 'src', 'rules');
/** The prefix every rule id of a folder starts with; the UI customization rules live with the domain rules. */
const PREFIXES: Record<string, string[]> = {
  'client': ['client-'],
  'domain': ['domain-', ''],
  'resource-server': ['resource-server-'],
  'profile': ['profile-'],
  'template': ['template-'],
};

/** `id: '<rule-id>'` or the first argument of `userPoolIdFormatRule('<rule-id>', ...)` in each file of a rule folder. */
function ruleIdsByFile(): Array<{ folder: string; file: string; ids: string[] }> {
  return Object.keys(PREFIXES).flatMap((folder) => fs.readdirSync(path.join(RULES_DIR, folder))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => {
      const text = fs.readFileSync(path.join(RULES_DIR, folder, file), 'utf8');
      const ids = [...text.matchAll(/defineRule\(\{\s*id: '([a-z0-9-]+)'|userPoolIdFormatRule\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1] ?? m[2]);
      return { folder, file: file.replace(/\.ts$/, ''), ids };
    }));
}

describe('rule files', () => {
  const files = ruleIdsByFile().filter((f) => f.ids.length > 0);

  test('each file that defines a rule defines exactly one, named after it (<folder prefix><file name> = rule id)', () => {
    const misnamed = files.filter(({ folder, file, ids }) =>
      ids.length !== 1 || !PREFIXES[folder].some((prefix) => `${prefix}${file}` === ids[0]));
    expect(misnamed).toEqual([]);
  });

  test('every rule of the catalogue lives in its own file', () => {
    const fromFiles = files.flatMap((f) => f.ids).sort();
    expect(fromFiles).toEqual(CognitoClientLinter.rules().map((rule) => rule.id).sort());
  });
});
