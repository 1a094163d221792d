import { type Finding, lineStartsOf, makeFinding, type Severity, withMessageId } from './finding';
import type { MessageData } from './rules/rule';
import { renderMessage } from './rules/rule';
import suppressionRule from './rules/template-suppression';
import { isMapping, type ResourceView, type TemplateModel } from '../template/model';
import { joinPointer } from '../template/pointer';
import { describeValue } from './update/values';

type SuppressionMessage = keyof typeof suppressionRule.messages;

/** One suppression: which rules, where it applies, and whether it still holds. */
interface Suppression {
  rules: string[];
  /** 1-based line it covers (inline), or the resource pointer prefix (Metadata). */
  line?: number;
  pointer?: string;
  active: boolean;
}

export interface SuppressionOptions {
  now: Date;
  knownRules: ReadonlySet<string>;
  severities?: Readonly<Record<string, Severity>>;
  /** Whether problems with suppressions themselves are reported (the rule is enabled). */
  reportProblems: boolean;
}

const INLINE = /(?:^|\s)#\s*ros-sso-ignore\b(.*)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(text: string): Date | undefined {
  if (!DATE.test(text)) return undefined;
  const date = new Date(`${text}T23:59:59Z`);
  // Date rolls 2027-02-30 over to March; an impossible day is a bad date, not a later one.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? undefined : date;
}

/** A Metadata expiry as written: text as it is; a list or mapping quoted (no date, whatever its String()). */
const expiryText = (value: unknown): string => (typeof value === 'string' ? value : describeValue(value));

/** `rule-a,rule-b reason="…" expires=2027-01-31` */
function parseInlineArgs(args: string): {
  rules: string[];
  reason?: string;
  expires?: string;
  error?: string;
} {
  const match = /^\s*([A-Za-z0-9_,-]+)/.exec(args);
  if (!match) return { rules: [], error: 'name the rule(s) to ignore' };
  const rest = args.slice(match[0].length);
  const reason = /\breason=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(rest);
  const expires = /\bexpires=(\S+)/.exec(rest);
  return {
    rules: match[1].split(',').filter(Boolean),
    reason: reason ? (reason[1] ?? reason[2] ?? reason[3]).trim() : undefined,
    expires: expires?.[1],
  };
}

type Report = (id: SuppressionMessage, data: MessageData) => void;

/** The `template-suppression` findings of one template, placed by offset or by pointer. */
class SuppressionProblems {
  readonly found: Finding[] = [];
  private readonly severity: Severity;

  constructor(
    private readonly model: TemplateModel,
    readonly lineStarts: readonly number[],
    options: SuppressionOptions,
  ) {
    this.severity = options.severities?.[suppressionRule.id] ?? suppressionRule.defaultSeverity;
  }

  atOffset(start: number, end: number, pointer: string, id: SuppressionMessage, data: MessageData): void {
    const message = renderMessage(suppressionRule.messages[id], data);
    const { file } = this.model.parsed;
    const finding = makeFinding(
      file,
      this.lineStarts,
      { start, end },
      suppressionRule.id,
      this.severity,
      message,
      pointer,
    );
    this.found.push(withMessageId(finding, id));
  }

  atPointer(pointer: string, id: SuppressionMessage, data: MessageData): void {
    const r = this.model.parsed.rangeOf(pointer);
    this.atOffset(r.start, r.end, pointer, id, data);
  }
}

/** The checks every suppression gets; `report` places a problem. Returns whether it holds. */
function judge(
  rules: string[],
  reason: string | undefined,
  expires: string | undefined,
  report: Report,
  options: SuppressionOptions,
): boolean {
  let active = true;
  for (const rule of rules) if (!options.knownRules.has(rule)) report('unknownRule', { rule });
  if (!reason) {
    report('missingReason', { rules: rules.join(', ') });
    active = false;
  }
  if (expires !== undefined) {
    const date = parseDate(expires);
    if (!date) {
      report('badDate', { date: expires });
      active = false;
    } else if (date < options.now) {
      report('expired', { rules: rules.join(', '), date: expires });
      active = false;
    }
  }
  return active;
}

/** The `# ros-sso-ignore` comments: each covers its own line, or (alone on a line) the next one. */
function inlineSuppressions(
  text: string,
  problems: SuppressionProblems,
  options: SuppressionOptions,
): Suppression[] {
  const { lineStarts } = problems;
  const suppressions: Suppression[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const match = INLINE.exec(line);
    if (!match) return;
    const start = lineStarts[i] + line.indexOf('#', match.index);
    const report: Report = (id, data) => problems.atOffset(start, lineStarts[i] + line.length, '', id, data);
    const args = parseInlineArgs(match[1]);
    if (args.error) return report('malformed', { detail: args.error });
    // A comment alone on its line covers the next line that holds something other than a comment.
    let target = i;
    if (line.slice(0, line.indexOf('#')).trim() === '') {
      target = i + 1;
      while (target < lines.length && /^\s*(#.*)?$/.test(lines[target])) target++;
    }
    suppressions.push({
      rules: args.rules,
      line: target + 1,
      active: judge(args.rules, args.reason, args.expires, report, options),
    });
  });
  return suppressions;
}

/** The `Metadata: { ros-sso: { ignore: [...] } }` entries of resources: each covers its resource. */
function metadataSuppressions(
  views: readonly ResourceView[],
  problems: SuppressionProblems,
  options: SuppressionOptions,
): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const view of views) {
    const base = joinPointer(view.pointer, 'Metadata', 'ros-sso', 'ignore');
    const entries = (view.node.Metadata as Record<string, unknown>)['ros-sso'];
    const list = isMapping(entries) && Array.isArray(entries.ignore) ? entries.ignore : undefined;
    if (!list) {
      problems.atPointer(joinPointer(view.pointer, 'Metadata', 'ros-sso'), 'malformed', {
        detail: 'expected ignore: [{rule, reason, expires}]',
      });
      continue;
    }
    list.forEach((entry, i) => {
      const pointer = joinPointer(base, i);
      const report: Report = (id, data) => problems.atPointer(pointer, id, data);
      if (!isMapping(entry) || typeof entry.rule !== 'string') {
        return report('malformed', { detail: 'each entry needs rule and reason' });
      }
      const reason = typeof entry.reason === 'string' ? entry.reason.trim() : undefined;
      const expires = entry.expires === undefined ? undefined : expiryText(entry.expires);
      suppressions.push({
        rules: [entry.rule],
        pointer: view.pointer,
        active: judge([entry.rule], reason, expires, report, options),
      });
    });
  }
  return suppressions;
}

function suppresses(s: Suppression, f: Finding): boolean {
  if (!s.active || !s.rules.includes(f.ruleId)) return false;
  return s.line !== undefined
    ? s.line === f.line
    : f.path === s.pointer || f.path.startsWith(`${s.pointer}/`);
}

/**
 * Applies inline `# ros-sso-ignore` comments (on the offending line, or alone on the line above)
 * and resource `Metadata: { ros-sso: { ignore: [...] } }` entries, and reports expired, unreasoned
 * or unknown suppressions as findings of `template-suppression`.
 */
export function applySuppressions(
  findings: Finding[],
  model: TemplateModel,
  options: SuppressionOptions,
): Finding[] {
  const text = model.parsed.text;
  const hasInline = text.includes('ros-sso-ignore');
  const views = model
    .resourceViews()
    .filter((v) => isMapping(v.node.Metadata) && v.node.Metadata['ros-sso'] !== undefined);
  if (!hasInline && views.length === 0) return findings;

  const problems = new SuppressionProblems(model, lineStartsOf(text), options);
  const suppressions = [
    ...(hasInline ? inlineSuppressions(text, problems, options) : []),
    ...metadataSuppressions(views, problems, options),
  ];
  const kept = findings.filter((f) => !suppressions.some((s) => suppresses(s, f)));
  return options.reportProblems ? kept.concat(problems.found) : kept;
}
