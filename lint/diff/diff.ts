import type { LintConfig } from '../config';
import { lintText } from '../engine';
import type { Finding, Severity } from '../finding';
import { PendingFindings } from '../pending-findings';
import { allRules } from '../rules';
import { isUpdateRule, type Rule, type UpdateRule, type UpdateRuleContext } from '../rules/rule';
import { applySuppressions } from '../suppression';
import { TemplateModel } from '../../template/model';
import { parseTemplate } from '../../template/parse';
import type { FactsLookup } from '../update/facts';
import { compareTemplates, type TemplateComparison } from '../update/compare';

export interface TemplateText {
  file: string;
  text: string;
}

export interface DiffOptions {
  /** Update rules to run (others are ignored), already filtered by configuration. */
  rules: readonly Rule[];
  severities?: Readonly<Record<string, Severity>>;
  now?: Date;
  knownRuleIds?: ReadonlySet<string>;
  /** Update facts; the schema catalogue unless a test gives its own. */
  factsOf?: FactsLookup;
}

export interface DiffResult {
  /** Findings in the new file, or the parse error of whichever version does not parse. */
  findings: Finding[];
  /** Absent when a version does not parse. */
  comparison?: TemplateComparison;
  unparsable?: 'previous' | 'current';
}

/** The rules, severities and rule ids a configuration selects, as `lintFiles` reads them. */
export function diffOptionsFor(config: LintConfig, ignoreRules: readonly string[], now?: Date): DiffOptions {
  const off = new Set(ignoreRules);
  const severities: Record<string, Severity> = {};
  for (const [id, setting] of Object.entries(config.rules)) {
    if (setting === 'off') off.add(id);
    else severities[id] = setting;
  }
  return {
    rules: allRules.filter((r) => !off.has(r.id)),
    severities,
    now,
    knownRuleIds: new Set(allRules.map((r) => r.id)),
  };
}

/**
 * The update findings of going from `previous` to `current`: each update rule runs once on the
 * comparison (a throwing rule becomes `rule-error`, as in the engine), findings are placed in the
 * new text and the new file's suppressions apply to them.
 */
export function diffTemplates(
  previous: TemplateText,
  current: TemplateText,
  options: DiffOptions,
): DiffResult {
  const severities = options.severities ?? {};
  const parsedOld = parseTemplate(previous.file, previous.text);
  const parsedNew = parseTemplate(current.file, current.text);
  // The engine words a parse failure; running it with no rules yields exactly that finding.
  if (!parsedNew.ok)
    return {
      findings: lintText(current.file, current.text, { rules: [], severities }),
      unparsable: 'current',
    };
  if (!parsedOld.ok)
    return {
      findings: lintText(previous.file, previous.text, { rules: [], severities }),
      unparsable: 'previous',
    };
  const currentModel = new TemplateModel(parsedNew.template);
  const comparison = compareTemplates(new TemplateModel(parsedOld.template), currentModel, options.factsOf);
  const pending = new PendingFindings(severities);
  const contextFor = <M extends string>(rule: UpdateRule<M>): UpdateRuleContext<M> => ({
    template: currentModel,
    previous: comparison.previous,
    comparison,
    report: pending.reporter(rule),
  });
  for (const rule of options.rules.filter(isUpdateRule)) {
    try {
      rule.checkUpdate(contextFor(rule));
    } catch (err) {
      pending.crashed(rule.id, err);
    }
  }
  const findings = pending.place(current.file, parsedNew.template);
  const suppressed = applySuppressions(findings, currentModel, {
    now: options.now ?? new Date(),
    knownRules: options.knownRuleIds ?? new Set(options.rules.map((r) => r.id)),
    severities,
    // Broken suppressions are plain lint's to report; reporting them here would double them.
    reportProblems: false,
  });
  return { findings: suppressed, comparison };
}
