import * as fc from 'fast-check';
import { isTemplateShaped, schemaAccepts, templateShapeProblem } from '../../../src/compliance/cli/template-schema';

const RUNS = Number(process.env.FUZZ_RUNS ?? 700);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

describe('the template shape check', () => {
  test('names the first problem of a document that is not a template', () => {
    expect(templateShapeProblem({ Resources: { A: { Type: 'AWS::Cognito::UserPool' } } })).toBeUndefined();
    expect(templateShapeProblem({ Resources: { 'Fn::ForEach::Loop': ['X', ['a'], {}] } })).toBeUndefined();
    expect(templateShapeProblem([])).toMatch(/^document: /);
    expect(templateShapeProblem({ Outputs: {} })).toMatch(/^Resources: /);
    expect(templateShapeProblem({ Resources: { A: { Properties: {} } } })).toMatch(/^Resources\.A\.Type: /);
    expect(templateShapeProblem({ Resources: { A: { Type: 3 } } })).toMatch(/^Resources\.A\.Type: /);
  });

  // The fast check decides alone when it says "a template": it must never accept what the zod schema refuses. When it
  // refuses, zod has the last word (zod drops a resource named __proto__ before judging it; the fast check does not).
  test('the fast check accepts only what the zod schema accepts, and most templates', () => {
    let accepted = 0;
    const resource = fc.oneof(
      fc.record({ Type: fc.oneof(fc.constant('AWS::Cognito::UserPool'), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
      fc.record({ Type: fc.constant('AWS::X::Y'), Properties: fc.jsonValue({ maxDepth: 1 }) }),
      fc.jsonValue({ maxDepth: 1 }),
    );
    const names = fc.oneof(fc.constantFrom('A', 'B', 'Fn::ForEach::Loop', '__proto__', 'constructor', 'Type'), fc.string({ maxLength: 3 }));
    const resources = fc.oneof(
      fc.dictionary(names, resource, { maxKeys: 4 }),
      fc.jsonValue({ maxDepth: 1 }),
    );
    const documents = fc.oneof(
      resources.map((Resources) => ({ Resources })),
      fc.tuple(resources, fc.jsonValue({ maxDepth: 1 })).map(([Resources, Outputs]) => ({ AWSTemplateFormatVersion: '2010-09-09', Resources, Outputs })),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(fc.property(documents, (document) => {
      if (!isTemplateShaped(document)) return;
      accepted++;
      expect(schemaAccepts(document)).toBe(true);
    }), { numRuns: RUNS, seed: SEED });
    expect(accepted).toBeGreaterThan(RUNS / 10);
  });
});
