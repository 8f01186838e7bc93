import { defineRule } from '../rule';
import { Severity } from '../types';
import { refusedWriteAttributes } from './attributes';

const WHY: Readonly<Record<string, string>> = {
  phone_number_verified: 'the developer guide says app clients cannot be given write access to phone_number_verified (the measured refusal is for its twin email_verified; this one is unconfirmed)',
  sub: 'sub is the immutable user id that Cognito assigns; a client cannot write it (refusal at deploy unconfirmed)',
};

// Developer guide, attribute permissions (no write access to email_verified or phone_number_verified); the
// email_verified case is measured (pf-cognito-write-attributes-immutable), these are not (constraints C34).
export const clientWriteAttributesImmutable = defineRule({
  id: 'client-write-attributes-immutable',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'WriteAttributes does not contain phone_number_verified or sub (rejection at deploy unconfirmed).',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html',
  constraints: ['C34'],
  check: (client) => refusedWriteAttributes(client,
    (name) => (Object.hasOwn(WHY, name) ? WHY[name] : undefined),
    (name) => `remove ${name} from WriteAttributes`),
});
