import { Rule } from '../rule';
import { resourceServerDuplicateScopeNames } from './duplicate-scope-names';
import { resourceServerIdentifier } from './identifier';
import { resourceServerIdentifierUnique } from './identifier-unique';
import { resourceServerName } from './name';
import { resourceServerPropertyTypes } from './property-types';
import { resourceServerScopeDescription } from './scope-description';
import { resourceServerScopeName } from './scope-name';
import { resourceServerScopesMax } from './scopes-max';
import { resourceServerUserPoolIdFormat } from './user-pool-id-format';

/** Rules for AWS::Cognito::UserPoolResourceServer, in the order they are reported. */
export const RESOURCE_SERVER_RULES: readonly Rule[] = [
  // --- shape ---
  resourceServerPropertyTypes,
  resourceServerUserPoolIdFormat,
  // --- the server ---
  resourceServerIdentifier,
  resourceServerName,
  resourceServerIdentifierUnique,
  // --- its scopes ---
  resourceServerScopesMax,
  resourceServerScopeName,
  resourceServerScopeDescription,
  resourceServerDuplicateScopeNames,
];
