/**
 * Shape checks of CloudFormation properties with zod: JSON types, required names and unknown names.
 *
 * Internal to the rules: no zod type leaves this module through the public API (jsii cannot export them).
 * Any intrinsic function (`Ref`, `Fn::GetAtt`, `Fn::If`, ...) is accepted wherever a value may stand.
 */
import { z } from 'zod';
import { Violation } from './types';
import { intrinsicName } from './values';

function isIntrinsic(value: unknown): boolean {
  return intrinsicName(value) !== undefined;
}

/** A string property. */
export function cfnString() {
  return z.custom<unknown>((v) => typeof v === 'string' || isIntrinsic(v), { error: 'it must be a string' });
}

/** An integer property; CloudFormation also takes integers written as strings. */
export function cfnInteger() {
  return z.custom<unknown>(
    (v) => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) || isIntrinsic(v),
    { error: 'it must be a whole number' },
  );
}

/** A boolean property; CloudFormation also takes "true" and "false". */
export function cfnBoolean() {
  return z.custom<unknown>(
    (v) => typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v)) || isIntrinsic(v),
    { error: 'it must be true or false' },
  );
}

/**
 * JSON null is read as absent, as the value readers do (whether CloudFormation refuses a null is unconfirmed);
 * an intrinsic in place of the whole object or list stands for a value known only at deploy.
 */
function withoutNulls(value: unknown): unknown {
  if (isIntrinsic(value) || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null));
}

/**
 * A nested object whose names are all known (CloudFormation rejects others), or, with `open`, an object whose
 * schema also allows other names. Optional; an intrinsic stands for it.
 */
export function cfnObject(shape: Record<string, z.ZodType>, options: { open?: boolean } = {}) {
  const object = options.open ? z.looseObject(shape) : z.strictObject(shape);
  return z.preprocess(withoutNulls, object.optional());
}

/** A list of `item`. Optional; an intrinsic stands for the list or for any item. */
export function cfnList(item: z.ZodType) {
  return z.preprocess((v) => (isIntrinsic(v) || v === null ? undefined : v), z.array(item).optional());
}

/** The properties of one resource type: every name known, types checked. */
export function cfnProperties(shape: Record<string, z.ZodType>) {
  return z.preprocess(withoutNulls, z.strictObject(shape));
}

/** Runs a properties schema and turns each problem into a violation with a CloudFormation path. */
export function checkPropertyTypes(schema: z.ZodType, properties: Readonly<Record<string, unknown>>): Violation[] {
  const result = schema.safeParse(properties);
  if (result.success) return [];
  const violations: Array<Violation & { order: number }> = [];
  // Report in template order (missing required names first), whatever order zod found the issues in.
  const keys = Object.keys(properties);
  const orderOf = (path: readonly PropertyKey[]) => keys.indexOf(String(path[0]));
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedNames(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const sameLetters = allowed.find((name) => name.toLowerCase() === key.toLowerCase());
        violations.push({
          order: orderOf(path),
          property: renderPath(path),
          value: valueAt(properties, path),
          because: 'CloudFormation does not know this property name',
          fix: sameLetters
            ? `rename it to ${sameLetters} (names are case-sensitive)`
            : `remove ${key} or correct its spelling (allowed here: ${allowed.join(', ')})`,
        });
      }
      continue;
    }
    const value = valueAt(properties, issue.path);
    const name = String(issue.path[issue.path.length - 1] ?? 'Properties');
    if (value === undefined) {
      violations.push({ order: orderOf(issue.path), property: renderPath(issue.path), because: `${name} is required`, fix: `add ${name}` });
      continue;
    }
    const because = issue.code === 'invalid_type' ? expectedType(issue.expected) : issue.message;
    violations.push({
      order: orderOf(issue.path),
      property: renderPath(issue.path),
      value,
      because,
      fix: `give ${because.replace(/^it must be /, '')}, or an intrinsic function such as Ref`,
    });
  }
  return violations.sort((a, b) => a.order - b.order).map(({ order, ...violation }) => violation);
}

function expectedType(expected: string): string {
  if (expected === 'array') return 'it must be a list';
  if (expected === 'undefined') return 'it must be absent';
  if (expected === 'object') return 'it must be an object';
  return `it must be a ${expected}`;
}

/** `["Scopes", 2, "ScopeName"]` -> `Scopes[2].ScopeName`. */
function renderPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${String(part)}` : String(part);
  }
  return text || 'Properties';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The property names the schema accepts at `path`, for the fix text. */
function allowedNames(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.core.$ZodType | undefined = unwrap(schema);
  for (const part of path) {
    if (!node) return [];
    const def = node._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    node = unwrap(typeof part === 'number' ? def.element : def.shape?.[String(part)]);
  }
  const shape = (node?._zod.def as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Looks through optional and preprocess wrappers to the schema that does the work. */
function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let node = schema;
  for (;;) {
    const def = node?._zod.def as unknown as { type: string; innerType?: z.core.$ZodType; out?: z.core.$ZodType } | undefined;
    if (def?.type === 'optional') node = def.innerType;
    else if (def?.type === 'pipe') node = def.out;
    else return node;
  }
}
