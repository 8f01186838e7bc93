import { ResourceView } from '../rule';
import { isKnown, Maybe, readList, readObject, readString, Unknown } from '../values';

/** One entry of `Scopes`, as far as the template tells (each field may be UNKNOWN or absent). */
export interface ScopeEntry {
  readonly index: number;
  readonly name: Maybe<string>;
  readonly description: Maybe<string>;
}

/** The known entries of a resource server's `Scopes`; entries that are intrinsics are left out. */
export function scopeEntries(server: ResourceView): ScopeEntry[] | Unknown | undefined {
  const raw = server.properties.Scopes;
  const list = readList(raw, (item) => readObject(item));
  if (!isKnown(list)) return list;
  // Indexes follow the raw list so that property paths point at the right entry (NoValue items are dropped by readList).
  const items = Array.isArray(raw) ? raw : [];
  return items.flatMap((item, index) => {
    const scope = readObject(item);
    if (!isKnown(scope)) return [];
    return [{ index, name: readString(scope.ScopeName, server.model), description: readString(scope.ScopeDescription, server.model) }];
  });
}

export const RESOURCE_SERVER_API = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateResourceServer.html';
export const SCOPE_TYPE_API = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResourceServerScopeType.html';
