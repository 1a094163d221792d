import type { Finding, RuleMeta, Severity, Summary } from '../finding';
import { terminalSafe } from './terminal';

/** GitHub workflow command per severity; `info` has no `::info`, `notice` is the nearest. */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * As `actions/toolkit` `escapeData`: the runner decodes these in the message. Other control
 * characters are shown escaped first, since the job log renders ANSI sequences.
 */
export function escapeData(s: string): string {
  return terminalSafe(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** As `actions/toolkit` `escapeProperty`: also `:` and `,`, which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(f: Finding): string {
  const props: [string, string | number][] = [
    ['file', f.file],
    ['line', f.line],
  ];
  // The toolkit documents col/endColumn as invalid when the range spans lines, so send them only
  // for single-line ranges.
  if (f.endLine === f.line) props.push(['col', f.column], ['endLine', f.endLine], ['endColumn', f.endColumn]);
  else props.push(['endLine', f.endLine]);
  props.push(['title', f.ruleId]);
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${COMMAND[f.severity]} ${list}::${escapeData(f.message)}`;
}

/**
 * GitHub Actions annotations, one workflow command per finding. A clean run prints nothing: any
 * other line would only add noise to the job log.
 */
export function formatGithub(
  findings: readonly Finding[],
  _summary: Summary,
  _rules: readonly RuleMeta[],
): string {
  return findings.map((f) => `${annotation(f)}\n`).join('');
}
