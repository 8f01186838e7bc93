import { Rule } from '../rule';
import { m2mClientCredentialsOnly } from './m2m-client-credentials-only';
import { m2mResourceServerScopesOnly } from './m2m-resource-server-scopes-only';
import { publicClientCodeGrantOnly } from './public-client-code-grant-only';
import { publicClientNoSecret } from './public-client-no-secret';

export { ClientProfile, PROFILE_METADATA_KEY } from './profiles';

/** Rules that apply only to clients this library's constructs tagged with a profile. */
export const PROFILE_RULES: readonly Rule[] = [
  publicClientNoSecret,
  publicClientCodeGrantOnly,
  m2mClientCredentialsOnly,
  m2mResourceServerScopesOnly,
];
