import { describe, expect, it } from 'vitest';
import { allRules } from '../../../lint/rules';
import type { Rule } from '../../../lint/rules/rule';
import { diffTemplates } from '../../../lint/diff/diff';
import { factsFrom, type FactsLookup } from '../../../lint/update/facts';
import { dedent, expectFilledMessages, messageIdOf, runRule } from '../rule-tester';

export interface UpdateFinding {
  messageId: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: 'error' | 'warning' | 'info';
}

/**
 * Facts from a table, for pointer shapes the project's own types do not have (`*`, nesting);
 * `staleSchema` marks them as coming from bundled, possibly outdated definitions.
 */
export function factsTable(table: Record<string, readonly string[]>, staleSchema?: string): FactsLookup {
  return factsFrom(
    (type) => table[type],
    () => staleSchema,
  );
}

/** Runs `rule` alone on OLD → NEW (inline YAML, dedented) and returns its findings in NEW. */
export function runUpdateRule(rule: Rule, before: string, after: string, factsOf?: FactsLookup) {
  const knownRuleIds = new Set(allRules.map((r) => r.id));
  const result = diffTemplates(
    { file: 'old.yaml', text: dedent(before) },
    { file: 'new.yaml', text: dedent(after) },
    { rules: [rule], knownRuleIds, now: new Date('2026-11-23T00:00:00Z'), factsOf },
  );
  return result.findings.map((f) => ({ ...f, messageId: messageIdOf(f) }));
}

export interface UpdateCase {
  name: string;
  before: string;
  after: string;
  factsOf?: FactsLookup;
  /** Exact findings; omit (or leave empty) for a case that must stay quiet. */
  findings?: UpdateFinding[];
}

/**
 * Table test of an update rule: each case gives exactly the listed findings (message id, pointer,
 * 1-based start and end position, and severity when given), every message with its placeholders filled. Also checks that plain `lint` never runs the rule,
 * since it needs the earlier version.
 */
export function testUpdateRule(rule: Rule, cases: UpdateCase[]): void {
  const names = cases.map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`duplicate case name in ${rule.id}: ${duplicate}`);
  describe(rule.id, () => {
    for (const c of cases) {
      const expected = c.findings ?? [];
      it(expected.length ? `reports: ${c.name}` : `stays quiet: ${c.name}`, () => {
        const actual = runUpdateRule(rule, c.before, c.after, c.factsOf);
        expectFilledMessages(rule, actual);
        expect(
          actual.map((f) => {
            const picked: UpdateFinding = {
              messageId: f.messageId,
              path: f.path,
              line: f.line,
              column: f.column,
              endLine: f.endLine,
              endColumn: f.endColumn,
            };
            return picked;
          }),
        ).toEqual(expected.map(({ severity: _s, ...rest }) => rest));
        expect(actual.map((f) => f.severity)).toEqual(
          expected.map((f) => f.severity ?? rule.defaultSeverity),
        );
      });
    }
    it('is a no-op in plain lint, which has no earlier version', () => {
      for (const c of cases) expect(runRule(rule, dedent(c.after))).toEqual([]);
    });
  });
}
