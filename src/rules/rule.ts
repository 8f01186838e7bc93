import { ClientProfile, PROFILE_METADATA_KEY } from './profile/profiles';
import { PoolFacts, TemplateModel } from './template-model';
import { CheckedResourceType, Severity, Violation } from './types';
import { Maybe, readBoolean, readNumber, readObject, readString, readStringList, Unknown } from './values';

/**
 * One resource, as a rule sees it: its raw properties plus readers that resolve what the template
 * can tell (see `values.ts`) and the facts about its user pool.
 */
export class ResourceView {
  /** The pool the resource belongs to, when the template creates it; undefined means cross-resource rules cannot tell. */
  public readonly pool: PoolFacts | undefined;
  /** Values derived from the properties, shared by the rules that need them (each rule reads the same few lists). */
  private readonly derived = new Map<string, unknown>();
  /** The string lists read so far, by property name (a constant string: no key is built per call). */
  private readonly stringLists = new Map<string, Maybe<Array<string | Unknown>>>();
  /** The nested objects read so far, by property name (made on first use: most resources have none). */
  private objects?: Map<string, Maybe<Record<string, unknown>>>;

  constructor(
    public readonly logicalId: string,
    public readonly type: string,
    public readonly properties: Readonly<Record<string, unknown>>,
    /** Logical ids this resource depends on explicitly (`DependsOn`). */
    public readonly dependsOn: readonly string[],
    public readonly model: TemplateModel,
    /** The resource's `Metadata` section. */
    public readonly metadata: Readonly<Record<string, unknown>> = {},
  ) {
    this.pool = model.poolOf(properties.UserPoolId);
  }

  /** The client profile this library's constructs tagged the resource with, if any. */
  public get profile(): ClientProfile | undefined {
    const profile = this.metadata[PROFILE_METADATA_KEY];
    return profile === 'public-spa' || profile === 'm2m' ? profile : undefined;
  }

  public string(property: string): Maybe<string> {
    return readString(this.properties[property], this.model);
  }

  public boolean(property: string): Maybe<boolean> {
    return readBoolean(this.properties[property]);
  }

  public number(property: string): Maybe<number> {
    return readNumber(this.properties[property]);
  }

  /** A list of strings; the result is shared between rules and must not be modified. */
  public strings(property: string): Maybe<Array<string | Unknown>> {
    let list = this.stringLists.get(property);
    if (list === undefined) {
      list = readStringList(this.properties[property], this.model);
      this.stringLists.set(property, list);
    }
    return list;
  }

  /**
   * Computes a value derived from the properties once per resource; `key` names it for every rule that asks. Pass a
   * constant string: a key built per call (a template literal) costs a string hash on every lookup.
   */
  public memo<T>(key: string, compute: () => T): T {
    let value = this.derived.get(key) as T | undefined;
    if (value === undefined && !this.derived.has(key)) {
      value = compute();
      this.derived.set(key, value);
    }
    return value as T;
  }

  /** A nested object property; the result is shared between rules (the token rules read TokenValidityUnits seven times). */
  public object(property: string): Maybe<Record<string, unknown>> {
    const objects = (this.objects ??= new Map());
    let value = objects.get(property);
    if (value === undefined && !objects.has(property)) {
      value = readObject(this.properties[property]);
      objects.set(property, value);
    }
    return value;
  }

  /** True when the raw property value mentions `Ref`/`Fn::GetAtt` of `logicalId` anywhere (an implicit dependency). */
  public references(logicalId: string): boolean {
    // A valid logical id (alphanumeric) is looked up in the names the properties mention, collected once per resource.
    if (ALPHANUMERIC.test(logicalId)) return this.memo(REFERENCED_NAMES, () => referencedNames(this.properties)).has(logicalId);
    return mentions(this.properties, logicalId);
  }
}

const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
const REFERENCED_NAMES = 'referencedNames';

/**
 * Every alphanumeric name that {@link mentions} would find in `value`: `Ref` targets, `Fn::GetAtt` resources, and the
 * `${Name}` / `${Name.Attribute}` of `Fn::Sub` strings (for an alphanumeric id the two agree; a test holds them together).
 */
export function referencedNames(value: unknown, names = new Set<string>()): Set<string> {
  if (value === null || typeof value !== 'object') return names;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) referencedNames(value[i], names);
    return names;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const inner = (value as Record<string, unknown>)[key];
    if (key === 'Ref') {
      if (typeof inner === 'string') names.add(inner);
    } else if (key === 'Fn::GetAtt') {
      const target = Array.isArray(inner) ? inner[0] : typeof inner === 'string' ? inner.split('.')[0] : undefined;
      if (typeof target === 'string') names.add(target);
    } else if (key === 'Fn::Sub') {
      const sub = Array.isArray(inner) ? inner[0] : inner;
      if (typeof sub === 'string') addSubstitutedNames(sub, names);
    }
    if (inner !== null && typeof inner === 'object') referencedNames(inner, names);
  }
  return names;
}

/** The alphanumeric `${Name}` and `${Name.Attribute}` of an `Fn::Sub` string. */
function addSubstitutedNames(sub: string, names: Set<string>): void {
  for (let at = sub.indexOf('${'); at >= 0; at = sub.indexOf('${', at + 1)) {
    let end = at + 2;
    while (end < sub.length && isAlphanumeric(sub.charCodeAt(end))) end++;
    if (end > at + 2 && (sub[end] === '}' || sub[end] === '.')) names.add(sub.slice(at + 2, end));
  }
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** True when `value` mentions `logicalId` as {@link ResourceView.references} describes. */
export function mentions(value: unknown, logicalId: string): boolean {
  if (Array.isArray(value)) return value.some((item) => mentions(item, logicalId));
  if (value === null || typeof value !== 'object') return false;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && inner === logicalId) return true;
    if (key === 'Fn::GetAtt') {
      const target = Array.isArray(inner) ? inner[0] : typeof inner === 'string' ? inner.split('.')[0] : undefined;
      if (target === logicalId) return true;
    }
    if (key === 'Fn::Sub' && typeof (Array.isArray(inner) ? inner[0] : inner) === 'string') {
      const text = (Array.isArray(inner) ? inner[0] : inner) as string;
      if (text.includes('${' + logicalId + '}') || text.includes('${' + logicalId + '.')) return true;
    }
    if (mentions(inner, logicalId)) return true;
  }
  return false;
}

/** A rule: one constraint, one id, one severity, one source. */
export interface Rule {
  /** Stable id, kebab-case, prefixed by the resource it applies to. */
  readonly id: string;
  readonly severity: Severity;
  readonly resourceType: CheckedResourceType;
  /** One sentence for the rule catalogue: what the rule checks. */
  readonly description: string;
  /** The primary source: an AWS doc page or a measured deploy log. */
  readonly docUrl: string;
  /** Rows of the constraint inventory this rule covers (e.g. `C06`). */
  readonly constraints: readonly string[];
  /** Pure: the same view gives the same violations, in the same order. */
  readonly check: (resource: ResourceView) => Violation[];
}

/** Identity helper that gives rule files a checked shape. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
