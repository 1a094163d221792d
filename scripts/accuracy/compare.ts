/** Counts a corpus run's findings and compares its errors with the verified expectations. */
import type { Finding, Severity } from '../../lint/finding';
import { type Expectation, type Expectations, expectationKey } from './expectations';

export type Counts = Record<Severity, number>;

export interface AccuracyResult {
  files: number;
  /** Per rule id, sorted by id. */
  byRule: Array<{ rule: string } & Counts>;
  totals: Counts;
  /** Errors not in the expectations (false positives, or true ones not yet verified). */
  unexpected: Finding[];
  /** Expected true positives that are no longer reported (recall lost). */
  missing: Expectation[];
  expectedFound: number;
  maxWarnings?: number;
  ok: boolean;
}

const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });

export function compareWithExpectations(
  findings: readonly Finding[],
  files: number,
  expectations: Expectations | undefined,
  maxWarnings?: number,
): AccuracyResult {
  const counts = new Map<string, Counts>();
  const totals = zero();
  const reported = new Set<string>();
  const expected = new Set(
    (expectations?.expected ?? []).map((e) => expectationKey(e.file, e.rule, e.pointer)),
  );
  const unexpected: Finding[] = [];
  for (const f of findings) {
    let row = counts.get(f.ruleId);
    if (!row) counts.set(f.ruleId, (row = zero()));
    row[f.severity]++;
    totals[f.severity]++;
    if (f.severity !== 'error') continue;
    const key = expectationKey(f.file, f.ruleId, f.path);
    reported.add(key);
    if (!expected.has(key)) unexpected.push(f);
  }
  const missing = (expectations?.expected ?? []).filter(
    (e) => !reported.has(expectationKey(e.file, e.rule, e.pointer)),
  );
  const byRule = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule, c]) => ({ rule, ...c }));
  const overBudget = maxWarnings !== undefined && totals.warning > maxWarnings;
  return {
    files,
    byRule,
    totals,
    unexpected,
    missing,
    expectedFound: expected.size - missing.length,
    ...(maxWarnings === undefined ? {} : { maxWarnings }),
    ok: unexpected.length === 0 && missing.length === 0 && !overBudget,
  };
}
