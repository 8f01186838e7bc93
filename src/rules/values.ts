/**
 * Reading CloudFormation property values that may contain intrinsic functions.
 *
 * Every reader returns one of three things:
 * - `undefined` when the property is absent (or `Ref: AWS::NoValue`),
 * - {@link UNKNOWN} when the value cannot be known before deploy (Ref to a parameter, GetAtt, Sub with
 *   variables, If, ImportValue, ...) or has the wrong JSON type (the type rules report that),
 * - the resolved value.
 *
 * Rules must treat UNKNOWN as "cannot tell": never an error.
 */

/** Marker for a value that cannot be known at lint time. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;
export type Maybe<T> = T | Unknown | undefined;

export function isKnown<T>(value: Maybe<T>): value is T {
  return value !== undefined && value !== UNKNOWN;
}

/** Resolves the few intrinsics whose value is knowable from the template itself. */
export interface IntrinsicResolver {
  /** The value of `{ Ref: logicalId }`, when it is a literal string (e.g. a resource server's Identifier). */
  refValue(logicalId: string): string | Unknown;
}

/** A JSON object with exactly one key that names an intrinsic function. */
export function intrinsicName(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  // The own enumerable keys, as Object.keys lists them, without building the list: every reader asks this.
  let key: string | undefined;
  for (const name in value) {
    if (!Object.prototype.hasOwnProperty.call(value, name)) continue;
    if (key !== undefined) return undefined;
    key = name;
  }
  return key !== undefined && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')) ? key : undefined;
}

export function isNoValue(value: unknown): boolean {
  return intrinsicName(value) === 'Ref' && (value as { Ref: unknown }).Ref === 'AWS::NoValue';
}

const NO_RESOLVER: IntrinsicResolver = { refValue: () => UNKNOWN };

/** A string property: literal strings, `Fn::Join`/`Fn::Sub` of knowable parts, and `Ref` the resolver knows. */
export function readString(value: unknown, resolver: IntrinsicResolver = NO_RESOLVER): Maybe<string> {
  // Literals first: most values are, and the readers run mostly on code the JIT has not compiled yet.
  if (typeof value === 'string') return value;
  if (value === undefined || value === null || isNoValue(value)) return undefined;
  const fn = intrinsicName(value);
  if (fn === undefined) return UNKNOWN;
  const arg = (value as Record<string, unknown>)[fn];
  switch (fn) {
    case 'Ref':
      return typeof arg === 'string' ? resolver.refValue(arg) : UNKNOWN;
    case 'Fn::Join':
      return resolveJoin(arg, resolver);
    case 'Fn::Sub':
      return resolveSub(arg, resolver);
    default:
      return UNKNOWN;
  }
}

function resolveJoin(arg: unknown, resolver: IntrinsicResolver): string | Unknown {
  if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) return UNKNOWN;
  const parts: string[] = [];
  const items = arg[1];
  for (let i = 0; i < items.length; i++) {
    const resolved = readString(items[i], resolver);
    if (!isKnown(resolved)) return UNKNOWN;
    parts.push(resolved);
  }
  return parts.join(arg[0]);
}

function resolveSub(arg: unknown, resolver: IntrinsicResolver): string | Unknown {
  let text: unknown = arg;
  let variables: Record<string, unknown> = {};
  if (Array.isArray(arg)) {
    if (arg.length !== 2 || arg[1] === null || typeof arg[1] !== 'object') return UNKNOWN;
    [text, variables] = arg as [unknown, Record<string, unknown>];
  }
  if (typeof text !== 'string') return UNKNOWN;
  let unknown = false;
  // `${!Literal}` is an escaped literal `${Literal}`; `${Name}` is a variable or a Ref/GetAtt.
  const result = text.replace(/\$\{(!?)([^}]*)\}/g, (_match, bang: string, name: string) => {
    if (bang) return '${' + name + '}';
    const resolved = name in variables ? readString(variables[name], resolver) : name.includes('.') ? UNKNOWN : resolver.refValue(name);
    if (!isKnown(resolved)) {
      unknown = true;
      return '';
    }
    return resolved;
  });
  return unknown ? UNKNOWN : result;
}

/** A boolean property. CloudFormation also accepts the strings "true" and "false". */
export function readBoolean(value: unknown): Maybe<boolean> {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null || isNoValue(value)) return undefined;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return UNKNOWN;
}

/** An integer property. CloudFormation also accepts numeric strings. */
export function readNumber(value: unknown): Maybe<number> {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === undefined || value === null || isNoValue(value)) return undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return UNKNOWN;
}

/**
 * A list property. The list itself may be an intrinsic (UNKNOWN); each item is read with `readItem`,
 * so single items may be UNKNOWN while the others are known. `Fn::If` items are UNKNOWN.
 */
export function readList<T>(value: unknown, readItem: (item: unknown) => Maybe<T>): Maybe<Array<T | Unknown>> {
  if (value === undefined || value === null || isNoValue(value)) return undefined;
  if (!Array.isArray(value)) return UNKNOWN;
  const items: Array<T | Unknown> = [];
  // Indexed: readers run for every property of every resource, mostly before the JIT compiles them (a for-of allocates
  // an iterator in the interpreter).
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (isNoValue(item)) continue;
    const read = readItem(item);
    items.push(read === undefined ? UNKNOWN : read);
  }
  return items;
}

/** A list of strings, resolved with {@link readString}; the result may be `value` itself and must not be modified. */
export function readStringList(value: unknown, resolver: IntrinsicResolver = NO_RESOLVER): Maybe<Array<string | Unknown>> {
  // Most lists hold literal strings only and read as themselves: the list is returned as is, not copied.
  if (Array.isArray(value) && isAllStrings(value)) return value;
  return readList(value, (item) => readString(item, resolver));
}

function isAllStrings(list: unknown[]): list is string[] {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string') return false;
  return true;
}

/** A nested object property (e.g. `TokenValidityUnits`); intrinsics make it UNKNOWN. */
export function readObject(value: unknown): Maybe<Record<string, unknown>> {
  if (value === undefined || value === null || isNoValue(value)) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || intrinsicName(value) !== undefined) return UNKNOWN;
  return value as Record<string, unknown>;
}

/** Renders a value for a message: short, single-line, and safe to print (control characters escaped). */
export function renderValue(value: unknown): string {
  if (value === UNKNOWN) return '(unknown until deploy)';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  // JSON.stringify escapes control characters in strings; U+2028/2029 are escaped too so a finding stays one line.
  text = text.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
