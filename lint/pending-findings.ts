import { type Finding, lineStartsOf, makeFinding, type Severity, withMessageId } from './finding';
import { type MessageData, type ReportOptions, renderMessage, type RuleBase } from './rules/rule';
import type { Blame, ParsedTemplate } from '../template/parse';

const RULE_ERROR_RULE = 'rule-error';

interface Pending {
  messageId?: string;
  pointer: string;
  blame: Blame;
  ruleId: string;
  severity: Severity;
  message: string;
}

/**
 * What rules report while they run, placed in the text only at the end (a template without
 * findings never computes line starts). Shared by lint's engine and by the update rules of diff.
 */
export class PendingFindings {
  private readonly pending: Pending[] = [];

  constructor(private readonly severities: Readonly<Record<string, Severity>> = {}) {}

  /** The `report` function a rule's context hands out; config severity wins over the rule's. */
  reporter<M extends string>(rule: RuleBase<M>) {
    return (pointer: string, messageId: M, data?: MessageData, opts: ReportOptions = {}) => {
      this.pending.push({
        messageId,
        pointer,
        blame: opts.blame ?? 'value',
        ruleId: rule.id,
        severity: this.severities[rule.id] ?? opts.severity ?? rule.defaultSeverity,
        message: renderMessage(rule.messages[messageId], data),
      });
    };
  }

  /** A rule that threw: one `rule-error` finding, and the run goes on. */
  crashed(ruleId: string, err: unknown): void {
    this.pending.push({
      messageId: 'crashed',
      pointer: '',
      blame: 'value',
      ruleId: RULE_ERROR_RULE,
      severity: this.severities[RULE_ERROR_RULE] ?? 'error',
      message: `rule ${ruleId} failed on this template: ${err instanceof Error ? err.message : String(err)}`,
    });
  }

  /** The findings, each at its node of `template` (tests assert their message ids, not prose). */
  place(file: string, template: ParsedTemplate): Finding[] {
    const lineStarts = this.pending.length ? lineStartsOf(template.text) : [];
    return this.pending.map((p) => {
      const finding = makeFinding(
        file,
        lineStarts,
        template.rangeOf(p.pointer, p.blame),
        p.ruleId,
        p.severity,
        p.message,
        p.pointer,
      );
      return p.messageId ? withMessageId(finding, p.messageId) : finding;
    });
  }
}
