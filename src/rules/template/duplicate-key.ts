import { formatViolation } from '../messages';
import { defineRule } from '../rule';
import { Finding, Severity } from '../types';

/** A mapping key that appears more than once in one mapping of a template file. */
export interface DuplicateKey {
  /** Keys from the document root to the repeated key, e.g. `['Resources', 'Client', 'Properties', 'CallbackURLs']`. */
  readonly path: readonly string[];
  /** The line (1-based) of every occurrence, in file order; the last one is the value CloudFormation uses. */
  readonly lines: readonly number[];
}

// CloudFormation accepts a repeated key in YAML and JSON alike and deploys the last value (measured with
// validate-template in go-to-k/cdk-real-drift#1074; aws-cloudformation/cfn-language-discussion#96 for JSON).
// cfn-lint reports it (E0000 "Duplicate found"). A template-file rule: only the CLI reads files, so only it reports it.
export const templateDuplicateKey = defineRule({
  id: 'template-duplicate-key',
  severity: Severity.WARNING,
  resourceType: 'Template',
  description: 'No mapping of the template file repeats a key (CloudFormation deploys the last value and ignores the others; JSON: in the Resources section).',
  docUrl: 'https://github.com/aws-cloudformation/cfn-language-discussion/issues/96',
  constraints: [],
  // Judged on the file, not on a resource: see duplicateKeyFindings.
  check: () => [],
});

/** One finding per repeated key; the template is linted with the last value, as CloudFormation deploys it. */
export function duplicateKeyFindings(duplicates: readonly DuplicateKey[]): Finding[] {
  return duplicates.map(({ path, lines }) => {
    const inResource = path[0] === 'Resources' && path.length >= 2;
    const logicalId = inResource ? path[1] : '';
    // Properties.X is reported as X, like every other finding; anything else keeps its path inside the resource.
    const inside = inResource ? path.slice(path[2] === 'Properties' && path.length > 3 ? 3 : 2) : path;
    const isLogicalId = inResource && path.length === 2;
    const property = isLogicalId ? '' : propertyPath(inside);
    const key = path[path.length - 1];
    const earlier = lines.slice(0, -1);
    const last = lines[lines.length - 1];
    const what = isLogicalId ? `the logical id ${key}` : `the key ${key}`;
    return {
      ruleId: templateDuplicateKey.id,
      severity: templateDuplicateKey.severity,
      logicalId,
      property,
      message: formatViolation({
        property: property || propertyPath(path),
        value: key,
        because: `${what} appears ${lines.length} times (lines ${lines.join(', ')}); CloudFormation deploys only the last one (line ${last}) `
          + `and silently ignores line${earlier.length > 1 ? 's' : ''} ${earlier.join(', ')}, which is also the value linted here`,
        fix: `keep one ${key} with the value you mean and delete the other${earlier.length > 1 ? 's' : ''}`,
      }, templateDuplicateKey.severity),
      docUrl: templateDuplicateKey.docUrl,
    };
  });
}

/** `['CallbackURLs', '[1]', 'Fn::If']` as `CallbackURLs[1].Fn::If`, the engine's property path form. */
function propertyPath(segments: readonly string[]): string {
  return segments.reduce((path, segment) => (segment.startsWith('[') || path === '' ? `${path}${segment}` : `${path}.${segment}`), '');
}
