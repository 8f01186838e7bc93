import { printable } from '../../cli/formats/printable';
import { plural } from '../../cli/report';
import { DiffReport, DiffSummary, LOGICAL_ID_PROPERTY } from '../types';
import { show } from '../values';

/**
 * The comparison for people: one block per stack with changes (headed by the after file, or the before file of a
 * removed stack), one line per change (`kind file:line LogicalId Property: before -> after [rule]`) with its message
 * indented below, then a summary line. Every value from the templates is escaped, so each change stays one line.
 */
export function formatDiffText(report: DiffReport): string {
  const out: string[] = [];
  for (const stack of report.stacks) {
    if (stack.changes.length === 0) continue;
    const file = stack.afterFile ?? stack.beforeFile;
    const lines = stack.afterFile ? stack.afterLines : stack.beforeLines;
    out.push(`Stack ${printable(stack.name)} (${printable(file ?? '')})`);
    for (const change of stack.changes) {
      const line = lines.get(change.logicalId);
      const where = `${printable(file ?? '')}${line ? `:${line}` : ''}`;
      const values = change.property === LOGICAL_ID_PROPERTY
        ? `${change.before ?? '(none)'} -> ${change.after ?? '(none)'}`
        : `${show(change.before ?? undefined)} -> ${show(change.after ?? undefined)}`;
      const rule = change.ruleId ? ` [${change.ruleId}]` : '';
      out.push(`  ${change.kind} ${where} ${printable(change.logicalId)} ${printable(change.property)}: ${printable(values)}${rule}`);
      out.push(`    ${printable(change.message)}`);
    }
    out.push('');
  }
  out.push(summaryLine(report.summary));
  return `${out.join('\n')}\n`;
}

export function summaryLine(summary: DiffSummary): string {
  const counts = `${plural(summary.replacement, 'replacement')}, ${plural(summary.regression, 'regression')}, `
    + `${plural(summary.improvement, 'improvement')}, ${plural(summary.change, 'other change')}`;
  return `${counts} in ${plural(summary.stacks, 'stack')} (${plural(summary.resources, 'Cognito resource')} compared).`;
}
