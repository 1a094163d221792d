import type { Finding, RuleMeta, Summary } from '../finding';
import { terminalSafe } from './terminal';

/** `1 error`, `2 errors`: the summary line reads as English. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Newlines would break "one line per finding", so a message keeps to one line here; control
 * characters from the template are shown escaped, never sent to the terminal.
 */
function oneLine(message: string): string {
  return terminalSafe(message.replace(/\s*[\r\n]+\s*/g, ' '));
}

/**
 * The default, human format: `file:line:col  severity  ruleId  message`, then a blank line and a
 * summary. Plain text on purpose; colour is the CLI's business.
 */
export function formatText(
  findings: readonly Finding[],
  summary: Summary,
  _rules: readonly RuleMeta[],
): string {
  const lines = findings.map(
    (f) => `${terminalSafe(f.file)}:${f.line}:${f.column}  ${f.severity}  ${f.ruleId}  ${oneLine(f.message)}`,
  );
  // Summary has no info count (infos never fail a run), so they are counted here.
  const infos = findings.filter((f) => f.severity === 'info').length;
  const files = count(summary.files, 'file');
  let total: string;
  if (findings.length === 0) {
    total = `✔ no problems in ${files}`;
  } else {
    const parts = [count(summary.errors, 'error'), count(summary.warnings, 'warning')];
    if (infos > 0) parts.push(count(infos, 'info'));
    const mark = summary.errors + summary.warnings > 0 ? '✖' : '✔';
    total = `${mark} ${parts.join(', ')} in ${files}`;
  }
  return lines.length === 0 ? `${total}\n` : `${lines.join('\n')}\n\n${total}\n`;
}
