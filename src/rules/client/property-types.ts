import { z } from 'zod';
import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { KNOWN_KEYS, REQUIRED_PROPERTIES, userPoolClientPropertiesSchema } from './property-schema';

type Issue = z.core.$ZodIssue;
type Path = ReadonlyArray<PropertyKey>;

// CloudFormation registry schema of AWS::Cognito::UserPoolClient (constraints.md [CFN]): types, required UserPoolId,
// additionalProperties: false ("extraneous key" on deploy).
export const clientPropertyTypes = defineRule({
  id: 'client-property-types',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Every property has the JSON type CloudFormation expects (intrinsic functions allowed anywhere), UserPoolId is present, and no property name is unknown.',
  docUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolclient.html',
  constraints: ['C01'],
  check: (client) => {
    const result = userPoolClientPropertiesSchema.safeParse(client.properties);
    if (result.success) return [];
    const found: Array<{ top: string; violation: Violation }> = [];
    collect(result.error.issues, [], client.properties, (top, violation) => found.push({ top, violation }));
    // zod reports in schema order; report in the template's own property order instead (a stable sort).
    const order = Object.keys(client.properties);
    const rank = (top: string) => (order.includes(top) ? order.indexOf(top) : -1);
    return found.sort((a, b) => rank(a.top) - rank(b.top)).map(({ violation }) => violation);
  },
});

/**
 * Turns zod issues into violations. Every value slot is `union([intrinsic, real])`: when the real branch failed on
 * the value as a whole, the union's own message says what was expected; otherwise the real branch's nested issues
 * (a bad list item, a bad field) are reported at their own, deeper path.
 */
type Sink = (topLevelProperty: string, violation: Violation) => void;

function collect(issues: readonly Issue[], prefix: Path, root: unknown, out: Sink) {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const real = issue.errors[issue.errors.length - 1] ?? [];
      const wholeValue = real.length === 0 || real.every((inner) => inner.path.length === 0 && inner.code !== 'unrecognized_keys');
      if (wholeValue) out(String(path[0]), typeViolation(path, root, issue.message));
      else collect(real, path, root, out);
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out(String([...path, key][0]), extraneousKey([...path, key], root));
    } else {
      out(String(path[0]), typeViolation(path, root, issue.message));
    }
  }
}

function typeViolation(path: Path, root: unknown, because: string): Violation {
  const property = render(path);
  const value = valueAt(root, path);
  if (value === undefined && path.length === 1 && REQUIRED_PROPERTIES.includes(String(path[0]))) {
    return {
      property,
      because: `CloudFormation requires ${property}`,
      fix: `set ${property} (for a pool in the same template, { "Ref": "<pool logical id>" })`,
    };
  }
  return {
    property,
    value,
    because,
    fix: `give ${property} a value of that type, or an intrinsic function such as Ref or Fn::GetAtt`,
  };
}

function extraneousKey(path: Path, root: unknown): Violation {
  const parent = render(path.slice(0, -1));
  const name = String(path[path.length - 1]);
  const valid = KNOWN_KEYS[parent] ?? [];
  const sameLetters = valid.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const where = parent ? `${parent} of AWS::Cognito::UserPoolClient` : 'AWS::Cognito::UserPoolClient';
  return {
    property: render(path),
    value: valueAt(root, path),
    because: `${where} has no property named ${name} and CloudFormation rejects extraneous keys`,
    fix: sameLetters
      ? `rename it to ${sameLetters} (names are case-sensitive)`
      : `remove it, or use one of the valid names: ${valid.join(', ')}`,
  };
}

/** `['CallbackURLs', 2]` -> `CallbackURLs[2]`; `['TokenValidityUnits', 'IdToken']` -> `TokenValidityUnits.IdToken`. */
function render(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('');
}

function valueAt(root: unknown, path: Path): unknown {
  let value: any = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[part as any];
  }
  return value;
}
