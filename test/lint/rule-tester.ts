import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../lint/engine';
import type { Finding } from '../../lint/finding';
import { allRules } from '../../lint/rules';
import { type MessageData, renderMessage, type Rule } from '../../lint/rules/rule';

export interface ExpectedFinding {
  messageId: string;
  path: string;
  line: number;
  column: number;
  /** Where the finding's range ends (1-based, end-exclusive column), as every finding carries it. */
  endLine: number;
  endColumn: number;
  severity?: Finding['severity'];
  /** When given, the rendered message must match. */
  message?: RegExp;
  /** When given, the message must be the rule's message for `messageId` filled with exactly this data. */
  data?: MessageData;
}

export interface RuleCase {
  name: string;
  /** The template text (YAML or JSON). */
  yaml: string;
  file?: string;
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

/** Strips the common indentation of a template literal so cases can be indented in the test. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** The message id the engine attached to a finding (every finding carries one). */
export function messageIdOf(finding: Finding): string {
  const id = (finding as Finding & { messageId?: string }).messageId;
  if (!id) throw new Error(`finding without a message id: ${finding.ruleId} ${finding.message}`);
  return id;
}

/**
 * Every finding's message id is one of the rule's, and none of that message's `{name}`
 * placeholders is left unfilled in the rendered text.
 */
export function expectFilledMessages(
  rule: Rule,
  findings: readonly (Finding & { messageId: string })[],
): void {
  for (const f of findings) {
    const template = (rule.messages as Record<string, string | undefined>)[f.messageId];
    expect(template, `${rule.id}: unknown message id ${f.messageId}`).toBeDefined();
    const unfilled = [...(template ?? '').matchAll(/\{(\w+)\}/g)]
      .map((m) => m[0])
      .filter((placeholder) => f.message.includes(placeholder));
    expect(unfilled, `${rule.id}/${f.messageId}: ${f.message}`).toEqual([]);
  }
}

/** Runs the real engine with only `rule` on; returns its findings with their message ids. */
export function runRule(rule: Rule, yaml: string, file = 'template.yaml') {
  const knownRuleIds = new Set(allRules.map((r) => r.id));
  return lintText(file, yaml, { rules: [rule], knownRuleIds, now: new Date('2026-11-23T00:00:00Z') })
    .filter((f) => f.ruleId === rule.id)
    .map((f) => ({ ...f, messageId: messageIdOf(f) }));
}

/**
 * ESLint-style table test: each valid case must give no finding of the rule, each invalid case
 * exactly the listed findings (message id, JSON pointer, 1-based start and end line and column,
 * optionally the message or its data), every message with all its placeholders filled.
 */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`duplicate case name in ${rule.id}: ${duplicate}`);
  if (cases.valid.length === 0 || cases.invalid.length === 0)
    throw new Error(`${rule.id} needs valid and invalid cases`);

  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`stays quiet: ${c.name}`, () => {
        expect(runRule(rule, dedent(c.yaml), c.file)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`reports: ${c.name}`, () => {
        const found = runRule(rule, dedent(c.yaml), c.file);
        expectFilledMessages(rule, found);
        const record = process.env.ROS_SSO_RECORD_RULE_ENDS;
        if (record)
          appendFileSync(
            record,
            `${JSON.stringify({ rule: rule.id, name: c.name, ends: found.map((f) => [f.endLine, f.endColumn]) })}\n`,
          );
        const actual = found.map((f, i) => {
          const picked: Record<string, unknown> = {
            messageId: f.messageId,
            path: f.path,
            line: f.line,
            column: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
          };
          if (c.findings[i]?.message) picked.message = f.message;
          return picked;
        });
        expect(actual).toEqual(
          c.findings.map(({ severity: _s, message, data: _d, ...rest }) =>
            message ? { ...rest, message: expect.stringMatching(message) } : rest,
          ),
        );
        c.findings.forEach((expected, i) => {
          if (expected.data !== undefined)
            expect(found[i]?.message).toBe(
              renderMessage(
                (rule.messages as Record<string, string>)[expected.messageId] ?? '',
                expected.data,
              ),
            );
        });
        const severities = c.findings.map((f) => f.severity).filter(Boolean);
        if (severities.length) {
          expect(runRule(rule, dedent(c.yaml), c.file).map((f) => f.severity)).toEqual(
            c.findings.map((f) => f.severity ?? rule.defaultSeverity),
          );
        }
      });
    }
  });
}
