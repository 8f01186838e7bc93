import * as fs from 'fs';
import { README, withCatalogue } from '../../scripts/rule-catalogue';

describe('README', () => {
  test('the rule catalogue is generated from the rules and up to date (run scripts/rule-catalogue.ts)', () => {
    const readme = fs.readFileSync(README, 'utf8');
    expect(withCatalogue(readme)).toBe(readme);
  });

  test('the quick start has exactly two commands, and .ci/run runs the second one verbatim, stopping when it fails', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const quickStart = readme.split('## Quick start')[1].split('\n## ')[0];
    const commands = [...quickStart.matchAll(/```(?:sh|bash)\n([^`]+)```/g)].map((m) => m[1].trim());
    expect(commands).toHaveLength(2);
    const ci = fs.readFileSync(`${__dirname}/../../.ci/run`, 'utf8');
    // `set -e` ignores a failure on the left of `&&`: the line must end the run with the list's status itself.
    expect(ci.split('\n')).toContain(`${commands[1]} || exit $?`);
  });
});
