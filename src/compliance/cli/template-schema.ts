import { z } from 'zod';

/** One resource: anything with a string Type (Properties and the rest are the rules' business). */
const ResourceSchema = z.looseObject({ Type: z.string() });

/** `Fn::ForEach::Name` entries of AWS::LanguageExtensions templates are loops, not resources. */
const FOR_EACH_PREFIX = 'Fn::ForEach::';

/**
 * The shape that makes a document a CloudFormation (or SAM) template for this tool: an object with a Resources
 * object whose entries have a string Type.
 */
export const TemplateSchema = z.looseObject({
  Resources: z.record(z.string(), z.unknown()).superRefine((resources, ctx) => {
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (logicalId.startsWith(FOR_EACH_PREFIX)) continue;
      const result = ResourceSchema.safeParse(resource);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: 'custom', path: [logicalId, ...issue.path], message: issue.message });
      }
    }
  }),
});

export type Template = z.infer<typeof TemplateSchema>;

/** Why `data` is not a template, in one line, or undefined when it is one. */
export function templateShapeProblem(data: unknown): string | undefined {
  const result = TemplateSchema.safeParse(data);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const where = issue.path.length ? issue.path.map(String).join('.') : 'document';
  return `${where}: ${issue.message}`;
}
