import { Rule } from '../rule';

/** Rules for AWS::Cognito::UserPoolResourceServer. */
export const RESOURCE_SERVER_RULES: readonly Rule[] = [];
