import { Finding, Violation } from './types';
import { renderValue } from './values';

/** `Property X: value Y is not allowed because Z. Fix: W.` */
export function formatViolation(violation: Violation): string {
  const value = 'value' in violation && violation.value !== undefined ? `value ${renderValue(violation.value)}` : 'no value';
  return `Property ${violation.property}: ${value} is not allowed because ${trimPeriod(violation.because)}. Fix: ${trimPeriod(violation.fix)}.`;
}

/** The message followed by `(rule-id, link)`: the one-line form used by the constructs, the plugin and the CLI. */
export function formatFinding(finding: Finding): string {
  return `${finding.message} (${finding.ruleId}, ${finding.docUrl})`;
}

function trimPeriod(text: string): string {
  return text.replace(/[.\s]+$/, '');
}
