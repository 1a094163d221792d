/** The accuracy check's report: a table per rule and severity, then what failed, in text or JSON. */
import type { AccuracyResult } from './compare';

export interface ReportContext {
  dir: string;
  expectationsPath: string | undefined;
}

function verdict(r: AccuracyResult): string {
  if (r.ok) return `OK: every error is a verified true positive (${r.expectedFound} expected, all reported)`;
  const parts: string[] = [];
  if (r.unexpected.length) parts.push(`${r.unexpected.length} unexpected error(s)`);
  if (r.missing.length) parts.push(`${r.missing.length} expected error(s) no longer reported`);
  if (r.maxWarnings !== undefined && r.totals.warning > r.maxWarnings)
    parts.push(`${r.totals.warning} warnings, more than the budget of ${r.maxWarnings}`);
  return `FAIL: ${parts.join(', ')}`;
}

export function renderText(r: AccuracyResult, ctx: ReportContext): string {
  const lines: string[] = [];
  const source = ctx.expectationsPath
    ? `expectations ${ctx.expectationsPath}`
    : 'no expectations file (every error is unexpected)';
  lines.push(`ros-sso accuracy: ${r.files} templates in ${ctx.dir}; ${source}`, '');
  const rows = [
    ['rule', 'errors', 'warnings', 'infos'],
    ...r.byRule.map((c) => [c.rule, String(c.error), String(c.warning), String(c.info)]),
    ['total', String(r.totals.error), String(r.totals.warning), String(r.totals.info)],
  ];
  const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows)
    lines.push(row.map((cell, i) => (i === 0 ? cell.padEnd(width[i]) : cell.padStart(width[i]))).join('  '));
  if (r.unexpected.length) {
    lines.push('', `Unexpected errors (${r.unexpected.length}), not verified true positives:`);
    for (const f of r.unexpected) {
      lines.push(`  ${f.file}:${f.line}:${f.column}  ${f.ruleId}  ${f.path || '(document)'}`);
      lines.push(`      ${f.message}`);
    }
  }
  if (r.missing.length) {
    lines.push('', `Expected errors no longer reported (${r.missing.length}), recall lost:`);
    for (const e of r.missing) {
      lines.push(`  ${e.file}  ${e.rule}  ${e.pointer || '(document)'}`);
      lines.push(`      evidence: ${e.evidence}`);
    }
  }
  const budget = r.maxWarnings === undefined ? '' : ` (budget ${r.maxWarnings})`;
  lines.push('', `Warnings: ${r.totals.warning}${budget}; infos: ${r.totals.info}`, verdict(r), '');
  return lines.join('\n');
}

export function renderJson(r: AccuracyResult, ctx: ReportContext): string {
  return `${JSON.stringify({
    dir: ctx.dir,
    expectations: ctx.expectationsPath ?? null,
    files: r.files,
    byRule: r.byRule,
    totals: r.totals,
    unexpected: r.unexpected.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      rule: f.ruleId,
      pointer: f.path,
      message: f.message,
    })),
    missing: r.missing,
    expectedFound: r.expectedFound,
    maxWarnings: r.maxWarnings ?? null,
    ok: r.ok,
  })}\n`;
}
