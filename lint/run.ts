import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LintConfig } from './config';
import { lintText } from './engine';
import { FileError, TEMPLATE_MARKER, type TemplateFile } from './files';
import { compareFindings, type Finding, type Severity, type Summary, summarize } from './finding';
import { allRules } from './rules';

export interface RunOptions {
  cwd: string;
  files: readonly TemplateFile[];
  config: LintConfig;
  ignoreRules: readonly string[];
  now?: Date;
}

/** Lints the given files with the configured rules; findings sorted, summary counted. */
export function lintFiles(options: RunOptions): { findings: Finding[]; summary: Summary } {
  const off = new Set(options.ignoreRules);
  const severities: Record<string, Severity> = {};
  for (const [id, setting] of Object.entries(options.config.rules)) {
    if (setting === 'off') off.add(id);
    else severities[id] = setting;
  }
  const rules = allRules.filter((r) => !off.has(r.id));
  const knownRuleIds = new Set(allRules.map((r) => r.id));
  const findings: Finding[] = [];
  let linted = 0;
  for (const { path: file, explicit } of options.files) {
    let text: string;
    try {
      text = readFileSync(resolve(options.cwd, file), 'utf8');
    } catch (err) {
      throw new FileError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    if (!explicit && !text.includes(TEMPLATE_MARKER)) continue;
    linted++;
    for (const f of lintText(file, text, { rules, severities, now: options.now, knownRuleIds })) {
      if (!off.has(f.ruleId)) findings.push(f);
    }
  }
  findings.sort(compareFindings);
  return { findings, summary: summarize(findings, linted) };
}
