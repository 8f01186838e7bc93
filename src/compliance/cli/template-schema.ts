import type { z } from 'zod';

/** `Fn::ForEach::Name` entries of AWS::LanguageExtensions templates are loops, not resources. */
const FOR_EACH_PREFIX = 'Fn::ForEach::';

/** What this tool takes for a template: its Resources, each with a string Type (the rest is the rules' business). */
export interface Template {
  readonly Resources: Record<string, unknown>;
  readonly [section: string]: unknown;
}

/**
 * The shape that makes a document a CloudFormation (or SAM) template for this tool: an object with a Resources
 * object whose entries have a string Type. Built on first need: only a document that is not a template loads zod
 * (about 100 ms of a CLI run otherwise, issue 15).
 */
function templateSchema() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { z: zz } = require('zod') as typeof import('zod');
  const resourceSchema = zz.looseObject({ Type: zz.string() });
  return zz.looseObject({
    Resources: zz.record(zz.string(), zz.unknown()).superRefine((resources, ctx) => {
      for (const [logicalId, resource] of Object.entries(resources)) {
        if (logicalId.startsWith(FOR_EACH_PREFIX)) continue;
        const result = resourceSchema.safeParse(resource);
        if (result.success) continue;
        for (const issue of result.error.issues) {
          ctx.addIssue({ code: 'custom', path: [logicalId, ...issue.path], message: issue.message });
        }
      }
    }),
  });
}

let schema: z.ZodType | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True exactly when the schema accepts `data` (a property-based test holds the two together). */
export function isTemplateShaped(data: unknown): data is Template {
  if (!isObject(data) || !Object.prototype.hasOwnProperty.call(data, 'Resources') || !isObject(data.Resources)) return false;
  for (const [logicalId, resource] of Object.entries(data.Resources)) {
    if (logicalId.startsWith(FOR_EACH_PREFIX)) continue;
    if (!isObject(resource) || !Object.prototype.hasOwnProperty.call(resource, 'Type') || typeof resource.Type !== 'string') return false;
  }
  return true;
}

/** Why `data` is not a template, in one line, or undefined when it is one. */
export function templateShapeProblem(data: unknown): string | undefined {
  if (isTemplateShaped(data)) return undefined;
  schema ??= templateSchema();
  const result = schema.safeParse(data);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const where = issue.path.length ? issue.path.map(String).join('.') : 'document';
  return `${where}: ${issue.message}`;
}

/** The zod verdict alone, for the test that holds {@link isTemplateShaped} to it. */
export function schemaAccepts(data: unknown): boolean {
  schema ??= templateSchema();
  return schema.safeParse(data).success;
}
