import type { Rule, RuleContext } from '../rule';
import type { TemplateModel } from '../../../template/model';
import type { TemplateComparison } from '../../update/compare';

/** What an update rule sees: the new template (`template`, where findings go), the old one, and their comparison. */
export interface UpdateRuleContext<M extends string> extends RuleContext<M> {
  readonly previous: TemplateModel;
  readonly comparison: TemplateComparison;
}

/**
 * A rule about changing a deployed stack. It has no `check`, so a plain `lint` (one template, no
 * earlier version) never runs it; `diff` and `lint --since` call `checkUpdate` instead. Being an
 * ordinary `Rule` otherwise, it is in the catalogue and SARIF metadata, and configuration,
 * `--ignore-rule` and suppressions treat it like any other rule.
 */
export interface UpdateRule<M extends string = string> extends Rule<M> {
  checkUpdate(ctx: UpdateRuleContext<M>): void;
}

/** Identity for the types, like `defineRule`. */
export function defineUpdateRule<M extends string>(rule: UpdateRule<M>): UpdateRule<M> {
  return rule;
}

export function isUpdateRule(rule: Rule): rule is UpdateRule {
  return typeof (rule as Partial<UpdateRule>).checkUpdate === 'function';
}
