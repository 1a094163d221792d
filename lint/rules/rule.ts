import type { RuleMeta, Severity } from '../finding';
import type { TemplateModel } from '../../template/model';
import type { Blame } from '../../template/parse';
import type { TemplateComparison } from '../update/compare';

export type MessageData = Record<string, string | number>;

export interface ReportOptions {
  blame?: Blame;
  /** Overrides the rule's default severity for this finding (config still wins). */
  severity?: Severity;
}

export interface RuleContext<M extends string> {
  readonly template: TemplateModel;
  report(pointer: string, messageId: M, data?: MessageData, options?: ReportOptions): void;
}

/** A schema violation placed in the template: `pointer` is absolute. */
export interface LocatedIssue {
  pointer: string;
  keyword: string;
  message: string;
  property?: string;
  known?: readonly string[];
  /** Set when the rejected value came from a parameter's AllowedValues entry or Default. */
  viaParameter?: { parameter: string; value: unknown; target: string };
  /** Set when only bundled (possibly outdated) data backs this issue: that type's `package@version`. */
  staleSchema?: string;
  /** Where the resource type's definition came from (schemas/catalog.ts `Provenance`). */
  provenance?: string;
}

/**
 * How a schema issue is reported: a finding that stale bundled data could cause is a warning that
 * names the package@version of that type's data and how to refresh, never an error (official,
 * deployable templates must pass).
 */
export function staleness(issue: { staleSchema?: string }): { suffix: string; options: ReportOptions } {
  if (!issue.staleSchema) return { suffix: '', options: {} };
  return {
    suffix: ` (per the bundled ${issue.staleSchema} definitions, which may be outdated; ros-sso schemas update refreshes them)`,
    options: { severity: 'warning' },
  };
}

/** What every rule has: its catalogue entry and the messages its findings use. */
export interface RuleBase<M extends string = string> extends RuleMeta {
  messages: Readonly<Record<M, string>>;
}

/** Runs once per template (`lint`). */
export interface TemplateRule<M extends string = string> extends RuleBase<M> {
  kind: 'template';
  check(ctx: RuleContext<M>): void;
}

/** Owns JSON Schema `keywords`: the engine hands it the template's schema issues of those keywords. */
export interface SchemaRule<M extends string = string> extends RuleBase<M> {
  kind: 'schema';
  keywords: readonly string[];
  checkIssue(issue: LocatedIssue, ctx: RuleContext<M>): void;
}

/** What an update rule sees: the new template (`template`, where findings go), the old one, and their comparison. */
export interface UpdateRuleContext<M extends string> extends RuleContext<M> {
  readonly previous: TemplateModel;
  readonly comparison: TemplateComparison;
}

/**
 * About changing a deployed stack: a plain `lint` (one template, no earlier version) never runs
 * it; `diff` and `lint --since` call `checkUpdate`. Otherwise it is a rule like any other: in the
 * catalogue and SARIF metadata, and configuration, `--ignore-rule` and suppressions apply.
 */
export interface UpdateRule<M extends string = string> extends RuleBase<M> {
  kind: 'update';
  checkUpdate(ctx: UpdateRuleContext<M>): void;
}

/**
 * Reported by the machinery itself (a parse failure, a rule that threw, a broken suppression),
 * never run; listed so that the catalogue, configuration and suppressions know it.
 */
export interface EngineRule<M extends string = string> extends RuleBase<M> {
  kind: 'engine';
}

/** A lint rule, one variant per way the engine runs it (`kind`). */
export type Rule<M extends string = string> = TemplateRule<M> | SchemaRule<M> | UpdateRule<M> | EngineRule<M>;

export type RuleKind = Rule['kind'];

/** A template rule (the common kind); the types make a messageId typo fail `tsc`. */
export function defineRule<M extends string>(rule: Omit<TemplateRule<M>, 'kind'>): TemplateRule<M> {
  return { kind: 'template', ...rule };
}

/** An update rule, like `defineRule`. */
export function defineUpdateRule<M extends string>(rule: Omit<UpdateRule<M>, 'kind'>): UpdateRule<M> {
  return { kind: 'update', ...rule };
}

/** A rule whose findings the engine or the suppression reader makes. */
export function defineEngineRule<M extends string>(rule: Omit<EngineRule<M>, 'kind'>): EngineRule<M> {
  return { kind: 'engine', ...rule };
}

export const isUpdateRule = (rule: Rule): rule is UpdateRule => rule.kind === 'update';

/** Fills `{name}` placeholders. */
export function renderMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

const VIA_PARAMETER = 'parameter {parameter} allows {value}, but {target} rejects it: {message}{stale}';

/**
 * A schema rule with wording of its own. An issue whose rejected value came through a parameter
 * (`viaParameter`) is reported alike by every schema rule, naming the parameter; `checkIssue` gets
 * the other issues.
 */
export function defineSchemaRuleWithMessages<M extends string>(
  rule: Omit<SchemaRule<M>, 'kind'>,
): SchemaRule<M | 'viaParameter'> {
  return {
    kind: 'schema',
    ...rule,
    messages: { ...rule.messages, viaParameter: VIA_PARAMETER },
    checkIssue(issue, ctx) {
      if (!issue.viaParameter) return rule.checkIssue(issue, ctx);
      const { suffix: stale, options } = staleness(issue);
      const { parameter, value, target } = issue.viaParameter;
      ctx.report(
        issue.pointer,
        'viaParameter',
        { parameter, value: JSON.stringify(value), target, message: issue.message, stale },
        options,
      );
    },
  };
}

/** A schema rule that reports the issues of its keywords as they are worded in schemas/validate.ts. */
export function defineSchemaRule(
  meta: RuleMeta & { keywords: readonly string[] },
): SchemaRule<'invalid' | 'viaParameter'> {
  return defineSchemaRuleWithMessages({
    ...meta,
    messages: { invalid: '{message}{stale}' },
    checkIssue(issue, ctx) {
      const { suffix: stale, options } = staleness(issue);
      const blame = issue.keyword === 'additionalProperties' ? 'key' : 'value';
      ctx.report(issue.pointer, 'invalid', { message: issue.message, stale }, { ...options, blame });
    },
  });
}
