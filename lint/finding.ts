import type { SourceRange } from '../template/source-range';

/** Severity of a finding; `info` never fails a run. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding, already in the shape of the `json` output format. Ranges are 1-based and made here,
 * once, so no formatter does arithmetic.
 */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: Severity;
  message: string;
  /** RFC 6901 JSON Pointer of the offending node; `""` when the document cannot be parsed. */
  path: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
}

/** Rule metadata as formatters and the catalogue see it. */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  description: string;
}

/** Sorted offsets at which each line starts; built once per file that has findings. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, by binary search over line starts. */
export function lineColumnAt(
  lineStarts: readonly number[],
  offset: number,
): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}

export function makeFinding(
  file: string,
  lineStarts: readonly number[],
  range: SourceRange,
  ruleId: string,
  severity: Severity,
  message: string,
  path: string,
): Finding {
  const start = lineColumnAt(lineStarts, range.start);
  const end = lineColumnAt(lineStarts, Math.max(range.start, range.end));
  return {
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ruleId,
    severity,
    message,
    path,
  };
}

export function summarize(findings: readonly Finding[], files: number): Summary {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { files, errors, warnings };
}

/** Stable order: file, then position, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Records which message a finding used; kept off the enumerable (output) fields, for tests. */
export function withMessageId(finding: Finding, messageId: string): Finding {
  Object.defineProperty(finding, 'messageId', { value: messageId, enumerable: false });
  return finding;
}
