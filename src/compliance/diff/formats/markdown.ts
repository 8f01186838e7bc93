import { RuleInfo } from '../../../rules';
import { printable } from '../../cli/formats/printable';
import { Change, DiffReport, LOGICAL_ID_PROPERTY } from '../types';
import { show } from '../values';
import { summaryLine } from './text';

/**
 * Markdown for a pull-request comment: a summary line, then one table per stack with changes, replacements first.
 * Template values go in code spans (no formatting, links, HTML or @mentions inside); every other text from a template
 * is escaped. Either way `|` is escaped so a value cannot end its cell, and line breaks are escaped so it cannot end
 * its row. (GitHub Flavored Markdown spec: tables, code spans, backslash escapes, https://github.github.com/gfm/)
 */
export function formatDiffMarkdown(report: DiffReport, rules: readonly RuleInfo[]): string {
  const docUrl = new Map(rules.map((rule) => [rule.id, rule.docUrl]));
  const out: string[] = ['### Cognito clients and domains: review of the change', '', escapeText(summaryLine(report.summary)), ''];
  const withChanges = report.stacks.filter((stack) => stack.changes.length > 0);
  if (withChanges.length === 0) out.push('No change to user pool clients, domains or resource servers.', '');
  for (const stack of withChanges) {
    out.push(`#### Stack ${codeSpan(stack.name, { inTable: false })}`, '');
    out.push('| Kind | Resource | Property | Before | After | What it means |');
    out.push('|---|---|---|---|---|---|');
    for (const change of stack.changes) {
      const rule = change.ruleId ? ` (${docUrl.has(change.ruleId) ? `[${codeSpan(change.ruleId)}](${docUrl.get(change.ruleId)})` : codeSpan(change.ruleId)})` : '';
      out.push(`| ${kindLabel(change)} | ${codeSpan(change.logicalId)} | ${codeSpan(change.property)} | ${valueCell(change, 'before')} | ${valueCell(change, 'after')} | ${escapeText(change.message)}${rule} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}

function kindLabel(change: Change): string {
  return change.kind === 'replacement' || change.kind === 'regression' ? `**${change.kind}**` : change.kind;
}

function valueCell(change: Change, side: 'before' | 'after'): string {
  const value = change[side];
  if (value === null || value === undefined) return '-';
  return codeSpan(change.property === LOGICAL_ID_PROPERTY && typeof value === 'string' ? value : show(value));
}

/**
 * A code span that holds `text` literally: a backtick fence longer than any run of backticks inside, padded with a
 * space when the text starts or ends with a backtick; `|` escaped in a table cell; control characters escaped.
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  // Only a table row reads `\|` as an escaped pipe; elsewhere the backslash would show.
  const safe = options.inTable === false ? printable(text) : printable(text).replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') || safe === '' ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/**
 * Plain text with every character that Markdown or GitHub could read as syntax backslash-escaped: emphasis, links,
 * images, HTML, headings, tables, strikethrough, entities and @mentions. Control characters are escaped first.
 */
export function escapeText(text: string): string {
  return printable(text).replace(/[\\`*_{}[\]()<>#!|~@&+\-.:]/g, (c) => `\\${c}`);
}
