import { FileError } from '../cli/output';
import { resolve } from 'node:path';
import type { LintConfig } from './config';
import { lintText, PARSE_ERROR_RULE } from './engine';
import { type TemplateFile } from './files';
import {
  compareFindings,
  type Finding,
  lineStartsOf,
  makeFinding,
  type Severity,
  type Summary,
  summarize,
  withMessageId,
} from './finding';
import { INPUT_LIMITS } from './input/limits';
import { readTemplateInput } from './input/template-input';
import { allRules } from './rules';

export interface RunOptions {
  cwd: string;
  files: readonly TemplateFile[];
  config: LintConfig;
  ignoreRules: readonly string[];
  now?: Date;
  /** Bytes per template; default: the config's `limits.templateBytes`, else ROS's limit. */
  maxTemplateBytes?: number;
  /** Files (as in `files`) whose text the caller needs afterwards (`lint --since`); kept in `texts`. */
  keepTexts?: ReadonlySet<string>;
}

export interface RunResult {
  findings: Finding[];
  summary: Summary;
  texts: Map<string, string>;
}

/** The size limit of one template for this run. */
export function templateLimitOf(options: Pick<RunOptions, 'config' | 'maxTemplateBytes'>): number {
  return options.maxTemplateBytes ?? options.config.limits?.templateBytes ?? INPUT_LIMITS.template;
}

/** A file that cannot be linted as a template: one template-parse-error finding where the problem is. */
function unreadableFinding(file: string, text: string, offset: number, message: string, severity: Severity) {
  const range = { start: offset, end: Math.min(text.length, offset + 1) };
  const finding = makeFinding(file, lineStartsOf(text), range, PARSE_ERROR_RULE, severity, message, '');
  return withMessageId(finding, 'parse');
}

/** Lints the given files with the configured rules; findings sorted, summary counted. */
export function lintFiles(options: RunOptions): RunResult {
  const off = new Set(options.ignoreRules);
  const severities: Record<string, Severity> = {};
  for (const [id, setting] of Object.entries(options.config.rules)) {
    if (setting === 'off') off.add(id);
    else severities[id] = setting;
  }
  const rules = allRules.filter((r) => !off.has(r.id));
  const knownRuleIds = new Set(allRules.map((r) => r.id));
  const limit = templateLimitOf(options);
  const findings: Finding[] = [];
  const texts = new Map<string, string>();
  let linted = 0;
  for (const { path: file, explicit } of options.files) {
    const input = readTemplateInput(resolve(options.cwd, file), file, explicit, limit);
    if (input.kind === 'error') throw new FileError(input.message);
    if (input.kind === 'skipped') continue;
    linted++;
    if (input.kind === 'problem') {
      if (!off.has(PARSE_ERROR_RULE)) {
        const severity = severities[PARSE_ERROR_RULE] ?? 'error';
        findings.push(unreadableFinding(file, input.text, input.offset, input.message, severity));
      }
      continue;
    }
    if (options.keepTexts?.has(file)) texts.set(file, input.text);
    for (const f of lintText(file, input.text, { rules, severities, now: options.now, knownRuleIds })) {
      if (!off.has(f.ruleId)) findings.push(f);
    }
  }
  findings.sort(compareFindings);
  return { findings, summary: summarize(findings, linted), texts };
}
