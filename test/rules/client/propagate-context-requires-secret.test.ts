import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-propagate-context-requires-secret';
const lint = (properties: Record<string, unknown>) => findingsOf(RULE, templateWith({ Client: client(properties) }));

describe(RULE, () => {
  test('fails without a secret (the measured deploy failure)', () => {
    const findings = lint({ EnablePropagateAdditionalUserContextData: true });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'EnablePropagateAdditionalUserContextData' });
    expect(findings[0].message).toMatch(/^Property EnablePropagateAdditionalUserContextData: value true is not allowed because Cognito accepts additional user context data only from a client that has a secret.* Fix: set GenerateSecret to true/);
  });

  test('fails with GenerateSecret false, also written as strings', () => {
    expect(lint({ EnablePropagateAdditionalUserContextData: 'true', GenerateSecret: 'false' })).toHaveLength(1);
  });

  test('passes with a secret, or with propagation off', () => {
    expect(lint({ EnablePropagateAdditionalUserContextData: true, GenerateSecret: true })).toEqual([]);
    expect(lint({ EnablePropagateAdditionalUserContextData: false })).toEqual([]);
  });

  test('stays silent for tokens', () => {
    expect(lint({ EnablePropagateAdditionalUserContextData: true, GenerateSecret: { Ref: 'Secret' } })).toEqual([]);
    expect(lint({ EnablePropagateAdditionalUserContextData: { 'Fn::If': ['C', true, false] } })).toEqual([]);
  });
});
