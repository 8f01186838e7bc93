/**
 * Client profiles: the promises this library's constructs make on top of Cognito's own rules.
 *
 * `PublicSpaClient` and `M2MClient` tag their CloudFormation resource with `Metadata` under
 * {@link PROFILE_METADATA_KEY}. The profile rules apply only to resources with that tag, so an escape-hatch override
 * that breaks the promise fails at synth, and `cognito-client-lint` reports the same on the synthesized template.
 */
export const PROFILE_METADATA_KEY = 'cdk-cognito-clients:profile';

export type ClientProfile = 'public-spa' | 'm2m';

/** Documentation of the profiles (README section per construct). */
export const PROFILE_DOC_URL = 'https://github.com/cdk-cognito-clients/cdk-cognito-clients#client-profiles';
