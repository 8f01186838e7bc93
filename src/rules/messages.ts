import { Finding, Severity, Violation } from './types';
import { renderValue } from './values';

/**
 * The message of one violation, in one of three shapes:
 * - a missing property: `Property X is not set, but Z. Fix: W.` (a warning: `..., which is risky because Z`);
 * - a refused value (errors): `Property X: value Y is not allowed because Z. Fix: W.`;
 * - a risky value (warnings): `Property X: value Y is risky because Z. Fix: W.`
 * The rule id and its source follow in {@link formatFinding}.
 */
export function formatViolation(violation: Violation, severity: Severity): string {
  const because = trimPeriod(violation.because);
  const fix = `Fix: ${trimPeriod(violation.fix)}.`;
  const missing = !('value' in violation) || violation.value === undefined;
  if (missing) {
    const reason = severity === Severity.ERROR ? `but ${because}` : `which is risky because ${because}`;
    return `Property ${violation.property} is not set, ${reason}. ${fix}`;
  }
  const verdict = severity === Severity.ERROR ? 'is not allowed' : 'is risky';
  return `Property ${violation.property}: value ${renderValue(violation.value)} ${verdict} because ${because}. ${fix}`;
}

/** The message followed by `(rule-id, link)`: the one-line form used by the constructs, the plugin and the CLI. */
export function formatFinding(finding: Finding): string {
  return `${finding.message} (${finding.ruleId}, ${finding.docUrl})`;
}

/** Drops trailing periods and white space (a loop: the regex /[.\s]+$/ retries at every space of a long message). */
function trimPeriod(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1].trim() === '')) end--;
  return end === text.length ? text : text.slice(0, end);
}
