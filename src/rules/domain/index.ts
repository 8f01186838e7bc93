import { Rule } from '../rule';

/** Rules for AWS::Cognito::UserPoolDomain and UI customization attachments. */
export const DOMAIN_RULES: readonly Rule[] = [];
