/** Reading and comparing property values of two versions of a resource. Intrinsics compare as text. */
import { ResourceView } from '../../rules/rule';
import { intrinsicName, isKnown, isNoValue, readString, renderValue, UNKNOWN, Unknown } from '../../rules/values';

/** JSON with sorted object keys: two values are the same when their canonical texts are. Undefined for absent. */
export function canonical(value: unknown): string | undefined {
  if (value === undefined || isNoValue(value)) return undefined;
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** A value as the reports show it: short, one line, control characters escaped. */
export function show(value: unknown): string {
  return value === undefined ? '(absent)' : renderValue(value);
}

/** One item of a list property. */
export interface ListItem {
  /** Identity for set comparison: the resolved value when known, else the item's JSON text. */
  readonly key: string;
  /** The resolved string; UNKNOWN for an intrinsic that cannot be resolved before deploy. */
  readonly value: string | Unknown;
  /** The item as written. */
  readonly raw: unknown;
}

/**
 * The items of a string-list property: undefined when absent, UNKNOWN when the list itself is an intrinsic (then only
 * its text can be compared). `Ref`s to resource servers and `Fn::Join`/`Fn::Sub` of knowable parts are resolved by the
 * engine's readers, so `orders/read` written either way is the same scope.
 */
export function listItems(view: ResourceView, property: string): ListItem[] | Unknown | undefined {
  const raw = view.properties[property];
  if (raw === undefined || raw === null || isNoValue(raw)) return undefined;
  if (!Array.isArray(raw)) return UNKNOWN;
  return raw.filter((item) => !isNoValue(item)).map((item) => {
    const value = readString(item, view.model);
    return isKnown(value) ? { key: `=${value}`, value, raw: item } : { key: `?${canonical(item)}`, value: UNKNOWN, raw: item };
  });
}

/** Known literal items, as when a default list applies. */
export function literalItems(values: readonly string[]): ListItem[] {
  return values.map((value) => ({ key: `=${value}`, value, raw: value }));
}

/** True when the value holds an intrinsic function anywhere. */
export function hasIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (intrinsicName(value) !== undefined) return true;
  return Object.values(value).some(hasIntrinsic);
}

/** Items for messages: `"a", "b"` (unknown ones as their JSON text). */
export function showItems(items: readonly ListItem[]): string {
  return items.map((item) => (isKnown(item.value) ? renderValue(item.value) : `${renderValue(item.raw)} (unknown until deploy)`)).join(', ');
}
