import { type Finding, lineStartsOf, makeFinding, type Severity, withMessageId } from './finding';
import type { LocatedIssue, MessageData, ReportOptions, Rule, RuleContext } from './rules/rule';
import { renderMessage } from './rules/rule';
import suppressionRule from './rules/template-suppression';
import { schemaIssues } from './schema-check';
import { applySuppressions } from './suppression';
import { TemplateModel } from './template/model';
import { type Blame, parseTemplate } from './template/parse';

export const PARSE_ERROR_RULE = 'template-parse-error';
export const RULE_ERROR_RULE = 'rule-error';

export interface EngineOptions {
  /** The rules to run (already filtered by configuration). */
  rules: readonly Rule[];
  /** Severity overrides by rule id. */
  severities?: Readonly<Record<string, Severity>>;
  /** Today, for suppression expiry. */
  now?: Date;
  /** Every rule id a suppression may name (enabled or not); defaults to the enabled ones. */
  knownRuleIds?: ReadonlySet<string>;
}

interface Pending {
  messageId?: string;
  pointer: string;
  blame: Blame;
  ruleId: string;
  severity: Severity;
  message: string;
}

/**
 * Lints one template's text: parse, run each rule (a throwing rule becomes a `rule-error` finding
 * and the run goes on), route schema issues to the rules that own their keywords, apply
 * suppressions, and place every finding in the text.
 */
export function lintText(file: string, text: string, options: EngineOptions): Finding[] {
  const severityOf = (rule: { id: string; defaultSeverity: Severity }, asked?: Severity) =>
    options.severities?.[rule.id] ?? asked ?? rule.defaultSeverity;
  const parsed = parseTemplate(file, text);
  if (!parsed.ok) {
    const { offset, message } = parsed.failure;
    const severity = options.severities?.[PARSE_ERROR_RULE] ?? 'error';
    const end = Math.min(text.length, offset + 1);
    const finding = makeFinding(
      file,
      lineStartsOf(text),
      { start: offset, end },
      PARSE_ERROR_RULE,
      severity,
      message,
      '',
    );
    return [withMessageId(finding, 'parse')];
  }
  const template = parsed.template;
  const model = new TemplateModel(template);
  const pending: Pending[] = [];

  const contextFor = <M extends string>(rule: Rule<M>): RuleContext<M> => ({
    template: model,
    report(pointer: string, messageId: M, data?: MessageData, opts: ReportOptions = {}) {
      pending.push({
        messageId,
        pointer,
        blame: opts.blame ?? 'value',
        ruleId: rule.id,
        severity: severityOf(rule, opts.severity),
        message: renderMessage(rule.messages[messageId], data),
      });
    },
  });
  const crashed = (rule: Rule, err: unknown) =>
    pending.push({
      messageId: 'crashed',
      pointer: '',
      blame: 'value',
      ruleId: RULE_ERROR_RULE,
      severity: options.severities?.[RULE_ERROR_RULE] ?? 'error',
      message: `rule ${rule.id} failed on this template: ${err instanceof Error ? err.message : String(err)}`,
    });

  const byKeyword = new Map<string, Rule>();
  for (const rule of options.rules) {
    for (const keyword of rule.keywords ?? []) byKeyword.set(keyword, rule);
    if (!rule.check) continue;
    try {
      rule.check(contextFor(rule));
    } catch (err) {
      crashed(rule, err);
    }
  }
  if (byKeyword.size > 0) {
    let issues: LocatedIssue[] = [];
    try {
      issues = schemaIssues(model);
    } catch (err) {
      crashed({ id: 'schema-validation', defaultSeverity: 'error', description: '', messages: {} }, err);
    }
    for (const issue of issues) {
      const rule = byKeyword.get(issue.keyword);
      if (!rule?.checkIssue) continue;
      try {
        rule.checkIssue(issue, contextFor(rule));
      } catch (err) {
        crashed(rule, err);
      }
    }
  }

  const lineStarts = pending.length ? lineStartsOf(template.text) : [];
  const findings = pending.map((p) => {
    const finding = makeFinding(
      file,
      lineStarts,
      template.rangeOf(p.pointer, p.blame),
      p.ruleId,
      p.severity,
      p.message,
      p.pointer,
    );
    // Tests assert message ids, not prose.
    return p.messageId ? withMessageId(finding, p.messageId) : finding;
  });
  return applySuppressions(findings, model, {
    now: options.now ?? new Date(),
    knownRules: options.knownRuleIds ?? new Set(options.rules.map((r) => r.id)),
    severities: options.severities,
    reportProblems: options.rules.some((r) => r.id === suppressionRule.id),
  });
}
