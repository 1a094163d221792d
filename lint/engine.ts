import { type Finding, lineStartsOf, makeFinding, type Severity, withMessageId } from './finding';
import { PendingFindings } from './pending-findings';
import type { LocatedIssue, Rule, RuleBase, RuleContext, SchemaRule } from './rules/rule';
import suppressionRule from './rules/template-suppression';
import { withSuggestionCache } from './rules/util/did-you-mean';
import { schemaIssues } from './schema-check';
import { applySuppressions } from './suppression';
import { TemplateModel } from '../template/model';
import { parseTemplate } from '../template/parse';

export const PARSE_ERROR_RULE = 'template-parse-error';

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

/**
 * Lints one template's text: parse, run each rule (a throwing rule becomes a `rule-error` finding
 * and the run goes on), route schema issues to the rules that own their keywords, apply
 * suppressions, and place every finding in the text.
 */
export function lintText(file: string, text: string, options: EngineOptions): Finding[] {
  // Did-you-mean searches are cached and budgeted per template.
  return withSuggestionCache(() => lintParsed(file, text, options));
}

/** A kind the switch above does not know: `tsc` refuses it (`never`), and so does the run. */
function unknownKind(rule: never): never {
  throw new Error(`rule ${(rule as { id: string }).id}: unknown kind`);
}

function lintParsed(file: string, text: string, options: EngineOptions): Finding[] {
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
  const pending = new PendingFindings(options.severities);
  const contextFor = <M extends string>(rule: RuleBase<M>): RuleContext<M> => ({
    template: model,
    report: pending.reporter(rule),
  });
  const crashed = (rule: { id: string }, err: unknown) => pending.crashed(rule.id, err);

  const byKeyword = new Map<string, SchemaRule>();
  for (const rule of options.rules) {
    switch (rule.kind) {
      case 'template':
        try {
          rule.check(contextFor(rule));
        } catch (err) {
          crashed(rule, err);
        }
        break;
      case 'schema':
        for (const keyword of rule.keywords) byKeyword.set(keyword, rule);
        break;
      case 'update': // run by diff and lint --since (diff/diff.ts), on two versions
      case 'engine': // reported by the engine and lint/suppression.ts themselves
        break;
      default:
        unknownKind(rule);
    }
  }
  if (byKeyword.size > 0) {
    let issues: LocatedIssue[] = [];
    try {
      issues = schemaIssues(model);
    } catch (err) {
      crashed({ id: 'schema-validation' }, err);
    }
    for (const issue of issues) {
      const rule = byKeyword.get(issue.keyword);
      if (rule === undefined) continue;
      try {
        rule.checkIssue(issue, contextFor(rule));
      } catch (err) {
        crashed(rule, err);
      }
    }
  }

  const findings = pending.place(file, template);
  return applySuppressions(findings, model, {
    now: options.now ?? new Date(),
    knownRules: options.knownRuleIds ?? new Set(options.rules.map((r) => r.id)),
    severities: options.severities,
    reportProblems: options.rules.some((r) => r.id === suppressionRule.id),
  });
}
