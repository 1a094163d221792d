import type { RuleMeta, Severity } from '../finding';
import type { TemplateModel } from '../../template/model';
import type { Blame } from '../../template/parse';

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

/**
 * A lint rule: metadata plus its check. `check` runs once per template; a schema-driven rule
 * instead declares the JSON Schema `keywords` it owns and receives those issues in `checkIssue`.
 */
export interface Rule<M extends string = string> extends RuleMeta {
  messages: Readonly<Record<M, string>>;
  keywords?: readonly string[];
  check?(ctx: RuleContext<M>): void;
  checkIssue?(issue: LocatedIssue, ctx: RuleContext<M>): void;
}

/** Identity for the types: a messageId typo fails `tsc`. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** Fills `{name}` placeholders. */
export function renderMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/**
 * A rule that reports the schema issues of its keywords as they are worded in schemas/validate.ts,
 * naming the parameter when the value came through a `Ref`.
 */
export function defineSchemaRule(
  meta: RuleMeta & { keywords: readonly string[] },
): Rule<'invalid' | 'viaParameter'> {
  return defineRule({
    ...meta,
    messages: {
      invalid: '{message}{stale}',
      viaParameter: 'parameter {parameter} allows {value}, but {target} rejects it: {message}{stale}',
    },
    checkIssue(issue, ctx) {
      const blame = issue.keyword === 'additionalProperties' ? 'key' : 'value';
      const { suffix: stale, options } = staleness(issue);
      if (issue.viaParameter) {
        const { parameter, value, target } = issue.viaParameter;
        ctx.report(
          issue.pointer,
          'viaParameter',
          { parameter, value: JSON.stringify(value), target, message: issue.message, stale },
          options,
        );
      } else {
        ctx.report(issue.pointer, 'invalid', { message: issue.message, stale }, { ...options, blame });
      }
    },
  });
}
