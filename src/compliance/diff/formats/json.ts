import { allChanges, DiffReport } from '../types';

/** `{ changes: [...], summary: {...} }`: one object per change; `ruleId` is null when no engine finding is involved. */
export function formatDiffJson(report: DiffReport): string {
  const changes = allChanges(report).map((change) => ({
    kind: change.kind,
    stack: change.stack,
    logicalId: change.logicalId,
    resourceType: change.resourceType,
    property: change.property,
    before: change.before ?? null,
    after: change.after ?? null,
    ruleId: change.ruleId ?? null,
    message: change.message,
  }));
  return `${JSON.stringify({ changes, summary: report.summary }, null, 2)}\n`;
}
