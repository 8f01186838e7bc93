import { Finding } from '../rules/types';

/**
 * The "Fix: ..." sentence of a finding's message followed by its documentation link; just the link when the
 * message has no fix sentence.
 */
export function fixOf(finding: Finding): string {
  const marker = finding.message.lastIndexOf(' Fix: ');
  if (marker === -1) return finding.docUrl;
  const text = finding.message.slice(marker + ' Fix: '.length).trim();
  return `${text} See ${finding.docUrl}`;
}
