import type { Finding, RuleMeta, Summary } from '../finding';

/**
 * Machine format. Keys are copied one by one, in a fixed order, so the output never grows a field
 * that happens to sit on a finding object and stays byte-stable for snapshot consumers.
 */
export function formatJson(
  findings: readonly Finding[],
  summary: Summary,
  _rules: readonly RuleMeta[],
): string {
  const results = findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    path: f.path,
  }));
  const totals = { files: summary.files, errors: summary.errors, warnings: summary.warnings };
  return `${JSON.stringify({ results, summary: totals })}\n`;
}
