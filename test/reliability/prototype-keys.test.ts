import { CognitoClientLinter } from '../../src';
import { client, findingsOf, templateWith } from '../rules/helpers';

// Regression, found by the engine fuzzing: rules looked template strings up in plain-object tables with `in`, which
// also sees Object.prototype. WriteAttributes: ['valueOf'] made lintTemplate throw "text.replace is not a function";
// ExplicitAuthFlows: ['toString'] gave a password-flow warning whose fix quoted a function's source; a unit
// 'constructor' gave a bogus token range error. Only own keys of the tables count now.

const PROTOTYPE_NAMES = ['valueOf', 'toString', 'constructor', '__proto__', 'hasOwnProperty'];

test.each(PROTOTYPE_NAMES)('%s as an attribute, flow and unit: no throw, no finding from a prototype lookup', (name) => {
  const template = templateWith({
    Client: client({
      WriteAttributes: [name],
      ExplicitAuthFlows: [name],
      AccessTokenValidity: 1,
      TokenValidityUnits: { AccessToken: name },
    }),
  });

  expect(() => CognitoClientLinter.lintTemplate(template)).not.toThrow();
  expect(findingsOf('client-write-attributes-immutable', template)).toEqual([]);
  expect(findingsOf('client-password-auth-flows', template)).toEqual([]);
  expect(findingsOf('client-token-validity-range', template)).toEqual([]);
  // The bad names themselves are still reported by the rules that know the allowed values.
  expect(findingsOf('client-explicit-auth-flows-values', template)).toHaveLength(1);
  expect(findingsOf('client-token-validity-units', template)).toHaveLength(1);
});

test('the tables still work for their own keys', () => {
  const template = templateWith({
    Client: client({ WriteAttributes: ['sub'], ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } }),
  });

  expect(findingsOf('client-write-attributes-immutable', template)).toHaveLength(1);
  expect(findingsOf('client-password-auth-flows', template)).toHaveLength(1);
  expect(findingsOf('client-token-validity-range', template)).toHaveLength(1);
});
