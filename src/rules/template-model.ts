import {
  IntrinsicResolver,
  isKnown,
  Maybe,
  readList,
  readObject,
  readString,
  readBoolean,
  UNKNOWN,
  Unknown,
  intrinsicName,
} from './values';

/** One resource as it appears in a template. */
export interface TemplateResource {
  readonly Type?: unknown;
  readonly Properties?: unknown;
  readonly DependsOn?: unknown;
  readonly Condition?: unknown;
  readonly Metadata?: unknown;
}

/** A resource server of a pool, as far as the template tells. */
export interface ResourceServerFacts {
  readonly logicalId: string;
  readonly identifier: Maybe<string>;
  readonly scopeNames: Maybe<Array<string | Unknown>>;
}

/** An identity provider of a pool, as far as the template tells. */
export interface IdentityProviderFacts {
  readonly logicalId: string;
  readonly providerName: Maybe<string>;
  /** Its raw `AttributeMapping` property. */
  readonly attributeMapping: unknown;
}

/** What the template says about a user pool that it creates. */
export interface PoolFacts {
  readonly logicalId: string;
  /** `UserPoolTier`: LITE, ESSENTIALS or PLUS; undefined when not set (Cognito then uses ESSENTIALS). */
  readonly tier: Maybe<string>;
  /** Every attribute name a client may read (standard ones and `custom:*`), or UNKNOWN if the schema is not readable. */
  readonly attributes: ReadonlySet<string> | Unknown;
  /** Attributes the pool marks `Required` (known ones only). */
  readonly requiredAttributes: readonly string[];
  readonly resourceServers: ResourceServerFacts[];
  readonly identityProviders: IdentityProviderFacts[];
  readonly domainLogicalIds: string[];
}

// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#cognito-user-pools-standard-attributes
export const STANDARD_ATTRIBUTES: readonly string[] = [
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale',
  'middle_name', 'name', 'nickname', 'phone_number', 'phone_number_verified', 'picture',
  'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
];

const POOL = 'AWS::Cognito::UserPool';
const RESOURCE_SERVER = 'AWS::Cognito::UserPoolResourceServer';
const IDENTITY_PROVIDER = 'AWS::Cognito::UserPoolIdentityProvider';
const DOMAIN = 'AWS::Cognito::UserPoolDomain';

/**
 * An index over one template: which pools it creates and what hangs off each of them. Built once per
 * template in one pass, so cross-resource rules cost O(1) per lookup.
 */
export class TemplateModel implements IntrinsicResolver {
  public readonly resources: Readonly<Record<string, TemplateResource>>;
  public readonly region?: string;
  /** True when an identity provider's pool cannot be read and may be a pool of the template. */
  public hasUnplacedIdentityProvider = false;
  /** True when a resource server's pool cannot be read and may be a pool of the template (so may define its scopes). */
  public hasUnplacedResourceServer = false;
  /** Raw `UserPoolId` values of domains whose pool cannot be read (UNKNOWN when a domain's properties are unreadable). */
  public readonly unplacedDomainPoolIds: unknown[] = [];
  private readonly pools = new Map<string, PoolFacts>();
  private readonly refValues = new Map<string, string | Unknown>();

  constructor(resources: Record<string, TemplateResource>, options: { region?: string } = {}) {
    this.resources = resources;
    this.region = options.region;
    if (this.region) {
      this.refValues.set('AWS::Region', this.region);
      this.refValues.set('AWS::Partition', partitionOf(this.region));
    }
    this.index();
  }

  /** `IntrinsicResolver`: a resource server's `Ref` is its Identifier; everything else is unknown. */
  public refValue(logicalId: string): string | Unknown {
    return this.refValues.get(logicalId) ?? UNKNOWN;
  }

  /** The pool a `UserPoolId` value points at, when the template creates it; undefined otherwise (imported, literal, parameter). */
  public poolOf(userPoolId: unknown): PoolFacts | undefined {
    const logicalId = poolLogicalId(userPoolId);
    return logicalId === undefined ? undefined : this.pools.get(logicalId);
  }

  /** True when `value` names the logical id of a pool the template creates anywhere inside it. */
  private mentionsCreatedPool(value: unknown): boolean {
    if (value === null || typeof value !== 'object') return false;
    const text = JSON.stringify(value);
    return [...this.pools.keys()].some((id) => text.includes(`"${id}"`) || text.includes(`"${id}.`) || text.includes('${' + id));
  }

  private index() {
    const entries = Object.entries(this.resources);
    for (const [logicalId, resource] of entries) {
      if (resource?.Type === POOL) this.pools.set(logicalId, readPool(logicalId, resource));
    }
    // Resource server Identifiers first: other resources' Refs resolve through them.
    for (const [logicalId, resource] of entries) {
      if (resource?.Type !== RESOURCE_SERVER) continue;
      const props = readObject(resource.Properties);
      const identifier = isKnown(props) ? readString(props.Identifier) : UNKNOWN;
      this.refValues.set(logicalId, isKnown(identifier) ? identifier : UNKNOWN);
    }
    for (const [logicalId, resource] of entries) {
      const type = resource?.Type;
      if (type !== RESOURCE_SERVER && type !== IDENTITY_PROVIDER && type !== DOMAIN) continue;
      const props = readObject(resource.Properties);
      if (props === undefined) continue;
      const pool = isKnown(props) ? this.poolOf(props.UserPoolId) : undefined;
      if (!pool) {
        // A literal pool id, a parameter or an import names a pool this template does not create (a created pool's id
        // is unknown before the stack runs, and a stack cannot import its own exports). Only unreadable properties, or
        // an intrinsic that mentions a created pool (Fn::If, Fn::Select...), may hide one of this template's pools.
        const userPoolId = isKnown(props) ? props.UserPoolId : UNKNOWN;
        if (userPoolId !== UNKNOWN && !this.mentionsCreatedPool(userPoolId)) continue;
        if (type === IDENTITY_PROVIDER) this.hasUnplacedIdentityProvider = true;
        if (type === RESOURCE_SERVER) this.hasUnplacedResourceServer = true;
        if (type === DOMAIN) this.unplacedDomainPoolIds.push(userPoolId);
        continue;
      }
      if (!isKnown(props)) continue;
      if (type === RESOURCE_SERVER) {
        pool.resourceServers.push({
          logicalId,
          identifier: readString(props.Identifier, this),
          scopeNames: readList(props.Scopes, (scope) => {
            const s = readObject(scope);
            return isKnown(s) ? readString(s.ScopeName, this) : UNKNOWN;
          }),
        });
      } else if (type === IDENTITY_PROVIDER) {
        pool.identityProviders.push({ logicalId, providerName: readString(props.ProviderName, this), attributeMapping: props.AttributeMapping });
      } else {
        pool.domainLogicalIds.push(logicalId);
      }
    }
  }
}

/** `{ Ref: Pool }` or `{ Fn::GetAtt: [Pool, UserPoolId] }` name a pool by logical id. */
function poolLogicalId(value: unknown): string | undefined {
  const fn = intrinsicName(value);
  if (fn === 'Ref') {
    const ref = (value as { Ref: unknown }).Ref;
    return typeof ref === 'string' ? ref : undefined;
  }
  if (fn === 'Fn::GetAtt') {
    const arg = (value as Record<string, unknown>)['Fn::GetAtt'];
    const parts = typeof arg === 'string' ? arg.split('.') : arg;
    if (Array.isArray(parts) && parts.length === 2 && parts[1] === 'UserPoolId' && typeof parts[0] === 'string') return parts[0];
  }
  return undefined;
}

function readPool(logicalId: string, resource: TemplateResource): PoolFacts {
  const props = readObject(resource.Properties);
  const facts = {
    logicalId,
    tier: UNKNOWN as Maybe<string>,
    attributes: UNKNOWN as ReadonlySet<string> | Unknown,
    requiredAttributes: [] as string[],
    resourceServers: [],
    identityProviders: [],
    domainLogicalIds: [],
  };
  if (props === undefined) {
    return { ...facts, tier: undefined, attributes: new Set(STANDARD_ATTRIBUTES) };
  }
  if (!isKnown(props)) return facts;
  facts.tier = readString(props.UserPoolTier);
  const schema = readList(props.Schema, (item) => {
    const attr = readObject(item);
    if (!isKnown(attr)) return UNKNOWN;
    const name = readString(attr.Name);
    if (!isKnown(name)) return UNKNOWN;
    return { name, required: readBoolean(attr.Required) === true };
  });
  if (schema === UNKNOWN) return facts;
  const attributes = new Set(STANDARD_ATTRIBUTES);
  let complete = true;
  for (const attr of schema ?? []) {
    if (attr === UNKNOWN) {
      complete = false;
      continue;
    }
    // Schema entries that are not standard attributes are custom attributes, addressed as `custom:<name>`.
    const name = STANDARD_ATTRIBUTES.includes(attr.name) || attr.name.startsWith('custom:') ? attr.name : `custom:${attr.name}`;
    attributes.add(name);
    if (attr.required) facts.requiredAttributes.push(name);
  }
  facts.attributes = complete ? attributes : UNKNOWN;
  return facts;
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** What the scope rules ask of a pool's resource servers, indexed once per pool (pools are complete once the model is built). */
export interface PoolServerIndex {
  /** Servers by known Identifier, in template order. */
  readonly byIdentifier: ReadonlyMap<string, ResourceServerFacts[]>;
  /** Servers whose Identifier cannot be read: any of them may define any scope. */
  readonly unreadable: readonly ResourceServerFacts[];
  /** Every `<identifier>/<scope>` the servers define, as far as they can be read. */
  readonly definedScopes: readonly string[];
  /** {@link serversOwningScope} by scope: the clients of a pool ask about the same few scopes. */
  readonly ownersByScope: Map<string, readonly ResourceServerFacts[]>;
}

const serverIndexes = new WeakMap<PoolFacts, PoolServerIndex>();

/** The index of `pool`'s resource servers: a client's scope checks look servers up instead of scanning them all. */
export function serverIndexOf(pool: PoolFacts): PoolServerIndex {
  let index = serverIndexes.get(pool);
  if (!index) {
    const byIdentifier = new Map<string, ResourceServerFacts[]>();
    const unreadable: ResourceServerFacts[] = [];
    for (const server of pool.resourceServers) {
      if (!isKnown(server.identifier)) {
        unreadable.push(server);
        continue;
      }
      const same = byIdentifier.get(server.identifier);
      if (same) same.push(server);
      else byIdentifier.set(server.identifier, [server]);
    }
    const definedScopes = pool.resourceServers.flatMap(({ identifier, scopeNames }) =>
      isKnown(identifier) && isKnown(scopeNames) ? scopeNames.filter(isKnown).map((name) => `${identifier}/${name}`) : []);
    index = { byIdentifier, unreadable, definedScopes, ownersByScope: new Map() };
    serverIndexes.set(pool, index);
  }
  return index;
}

/**
 * The resource servers of `pool` whose known Identifier owns `scope` (`<identifier>/<name>`, the identifier itself
 * possibly holding slashes), longest identifier first, in template order among equals. A lookup per slash of the scope
 * instead of a scan of every server: a pool may have hundreds of servers and thousands of clients.
 */
export function serversOwningScope(pool: PoolFacts, scope: string): readonly ResourceServerFacts[] {
  const { byIdentifier, ownersByScope } = serverIndexOf(pool);
  let owners = ownersByScope.get(scope);
  if (owners === undefined) {
    const found: ResourceServerFacts[] = [];
    for (let slash = scope.lastIndexOf('/'); slash >= 0; slash = slash === 0 ? -1 : scope.lastIndexOf('/', slash - 1)) {
      const servers = byIdentifier.get(scope.slice(0, slash));
      if (servers) found.push(...servers);
    }
    owners = found;
    ownersByScope.set(scope, owners);
  }
  return owners;
}
