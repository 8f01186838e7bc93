/**
 * Shape checks of CloudFormation properties: JSON types, required names and unknown names.
 *
 * A shape is described once, with the helpers below, and checked two ways. {@link conforms} answers "is it
 * well formed?" with plain code; only when the answer is no does {@link checkPropertyTypes} build the equivalent
 * zod schema (loading zod on first use) to say what is wrong, where and how to fix it. Loading zod and building its
 * schemas cost about 100 ms per process, paid by every `cdk synth` and CLI run although nearly every resource is
 * well formed (issue 15). A property-based test holds `conforms` to zod's verdict on the same shapes.
 *
 * Internal to the rules: no zod type leaves this module through the public API (jsii cannot export them).
 * Any intrinsic function (`Ref`, `Fn::GetAtt`, `Fn::If`, ...) is accepted wherever a value may stand.
 */
import type { z } from 'zod';
import { Violation } from './types';
import { intrinsicName } from './values';

function isIntrinsic(value: unknown): boolean {
  return intrinsicName(value) !== undefined;
}

/** A scalar property: a test of the value, the reason when it fails, and whether it may be absent. */
export class CfnScalar {
  constructor(
    public readonly accepts: (value: unknown) => boolean,
    public readonly error: string,
    public readonly isOptional = false,
  ) {}

  /** The same scalar, allowed to be absent. */
  public optional(): CfnScalar {
    return new CfnScalar(this.accepts, this.error, true);
  }
}

/** A list of `item`; always optional, and an intrinsic stands for the list or for any item. */
export class CfnList {
  constructor(public readonly item: CfnShape) {}
}

/**
 * An object whose property names are all known (CloudFormation rejects others), or, when `open`, one whose schema
 * also allows other names. A nested object is optional and an intrinsic stands for it; the Properties of a resource
 * (`required`) must be an object.
 */
export class CfnObject {
  /** The names that may not be absent (absent optional names always conform, so {@link conforms} skips them). */
  public readonly requiredNames: readonly string[];

  constructor(
    public readonly shape: Readonly<Record<string, CfnShape>>,
    public readonly open: boolean,
    public readonly required: boolean,
  ) {
    this.requiredNames = Object.keys(shape).filter((name) => {
      const inner = shape[name];
      return inner instanceof CfnScalar ? !inner.isOptional : inner instanceof CfnObject && inner.required;
    });
  }
}

export type CfnShape = CfnScalar | CfnList | CfnObject;

/** A string property. */
export function cfnString(): CfnScalar {
  return new CfnScalar((v) => typeof v === 'string' || isIntrinsic(v), 'it must be a string');
}

/** An integer property; CloudFormation also takes integers written as strings. */
export function cfnInteger(): CfnScalar {
  return new CfnScalar(
    (v) => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) || isIntrinsic(v),
    'it must be a whole number',
  );
}

/** A boolean property; CloudFormation also takes "true" and "false". */
export function cfnBoolean(): CfnScalar {
  return new CfnScalar((v) => typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v)) || isIntrinsic(v), 'it must be true or false');
}

/** A nested object (see {@link CfnObject}). */
export function cfnObject(shape: Record<string, CfnShape>, options: { open?: boolean } = {}): CfnObject {
  return new CfnObject(shape, options.open ?? false, false);
}

/** A list of `item`. Optional; an intrinsic stands for the list or for any item. */
export function cfnList(item: CfnShape): CfnList {
  return new CfnList(item);
}

/** The properties of one resource type: every name known, types checked. */
export function cfnProperties(shape: Record<string, CfnShape>): CfnObject {
  return new CfnObject(shape, false, true);
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

function listOrAbsent(value: unknown): unknown {
  return isIntrinsic(value) || value === null ? undefined : value;
}

/**
 * True when `value` is well formed for `shape`: exactly when the zod schema of the shape accepts it. Reads the value in
 * place (a null entry of an object counts as absent, as `withoutNulls` makes it for zod), allocating nothing.
 */
export function conforms(shape: CfnShape, value: unknown): boolean {
  if (shape instanceof CfnScalar) return value === undefined ? shape.isOptional : shape.accepts(value);
  if (value === null || value === undefined || isIntrinsic(value)) return shape instanceof CfnList || !shape.required;
  if (shape instanceof CfnList) {
    if (!Array.isArray(value)) return false;
    for (let i = 0; i < value.length; i++) if (!conforms(shape.item, value[i])) return false;
    return true;
  }
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const known = shape.shape;
  // The names present (a resource sets a few of the many its type knows), then the required names that are absent.
  for (const name in record) {
    if (!hasOwn(record, name)) continue;
    const entry = record[name];
    if (hasOwn(known, name)) {
      if (!conforms(known[name], entry === null ? undefined : entry)) return false;
    } else if (!shape.open && entry !== null) {
      return false;
    }
  }
  const required = shape.requiredNames;
  for (let i = 0; i < required.length; i++) {
    const name = required[i];
    const entry = hasOwn(record, name) ? record[name] : undefined;
    if ((entry === undefined || entry === null) && !conforms(known[name], undefined)) return false;
  }
  return true;
}

function hasOwn(value: object, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, name);
}

/** The zod schema of each shape, built when a value first fails {@link conforms}. */
const zodSchemas = new WeakMap<CfnShape, z.ZodType>();

/** zod, loaded on first need: a well-formed template never loads it. */
function zod(): typeof z {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('zod') as typeof import('zod')).z;
}

/** The zod schema equivalent to `shape`; its issues name each problem's path. */
export function zodSchemaOf(shape: CfnShape): z.ZodType {
  const cached = zodSchemas.get(shape);
  if (cached) return cached;
  const zz = zod();
  let schema: z.ZodType;
  if (shape instanceof CfnScalar) {
    const custom = zz.custom<unknown>(shape.accepts, { error: shape.error });
    schema = shape.isOptional ? custom.optional() : custom;
  } else if (shape instanceof CfnList) {
    schema = zz.preprocess(listOrAbsent, zz.array(zodSchemaOf(shape.item)).optional());
  } else {
    const inner = Object.fromEntries(Object.entries(shape.shape).map(([name, s]) => [name, zodSchemaOf(s)]));
    const object = shape.open ? zz.looseObject(inner) : zz.strictObject(inner);
    schema = zz.preprocess(withoutNulls, shape.required ? object : object.optional());
  }
  zodSchemas.set(shape, schema);
  return schema;
}

/** Checks properties against a shape and turns each problem zod finds into a violation with a CloudFormation path. */
export function checkPropertyTypes(shape: CfnObject, properties: Readonly<Record<string, unknown>>): Violation[] {
  if (conforms(shape, properties)) return [];
  const schema = zodSchemaOf(shape);
  const result = schema.safeParse(properties);
  if (result.success) return [];
  const violations: Array<Violation & { order: number }> = [];
  // Report in template order (missing required names first), whatever order zod found the issues in.
  const keys = Object.keys(properties);
  const orderOf = (path: readonly PropertyKey[]) => keys.indexOf(String(path[0]));
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedNames(shape, issue.path);
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

/** The property names the shape accepts at `path`, for the fix text. */
function allowedNames(shape: CfnShape, path: readonly PropertyKey[]): string[] {
  let node: CfnShape | undefined = shape;
  for (const part of path) {
    if (node instanceof CfnList) node = typeof part === 'number' ? node.item : undefined;
    else if (node instanceof CfnObject) node = Object.prototype.hasOwnProperty.call(node.shape, part) ? node.shape[String(part)] : undefined;
    else return [];
  }
  return node instanceof CfnObject ? Object.keys(node.shape) : [];
}
