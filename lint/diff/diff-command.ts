import type { ExitCode, Io } from '../../cli/io';
import { FileError, writeOutput } from '../../cli/output';
import { parseCommandLine, UsageError } from '../../cli/args';
import { relative, resolve, sep } from 'node:path';
import { parseByteCount } from '../args';
import { loadConfig } from '../config';
import { structureErrors } from './structure';
import { compareFindings, type Finding, summarize } from '../finding';
import { type FormatName, formatters } from '../formatters';
import { terminalSafe } from '../formatters/terminal';
import { INPUT_LIMITS } from '../input/limits';
import { readInputText } from '../input/read-file';
import { templateLimitHint } from '../input/template-input';
import { allRules } from '../rules';
import { diffOptionsFor, diffTemplates, type TemplateText } from './diff';
import { renderImpact } from '../update/impact';

export const DIFF_USAGE = `Usage: ros-sso diff OLD NEW [options]

Compares two versions of a template the way a stack update applies them. Every change to a
property that cannot be updated is a finding in NEW; the text format also lists what happens to
each resource (update, replace, delete, create). Exit code 0: no errors, 1: errors, 2: usage or I/O error.

Options:
  -f, --format <text|json|sarif|github>  output format (default: text)
  -o, --output <file>                     write the report to a file instead of stdout
  -c, --config <file>                     configuration file (default: .ros-sso.yaml if present)
      --ignore-rule <id>                  turn a rule off (repeatable)
      --max-template-bytes <n>            size limit per template (default: 524288, ROS's own limit)
  -h, --help                              show this help
`;

const FORMATS: readonly string[] = ['text', 'json', 'sarif', 'github'];

/**
 * Reads a template named on the command line (a regular file within the size limit, UTF-8 or
 * UTF-16/32); anything else is a one-line FileError. Findings name it relative to the working
 * directory.
 */
export function readTemplate(
  arg: string,
  cwd: string,
  limit: number = INPUT_LIMITS.template,
  hasConfig = true,
): TemplateText {
  const full = resolve(cwd, arg);
  const read = readInputText(full, arg, limit, templateLimitHint(limit, hasConfig));
  if (!read.ok) throw new FileError(read.message);
  return { file: relative(cwd, full).split(sep).join('/'), text: read.text };
}

function parseDiffArgs(argv: readonly string[]) {
  return parseCommandLine(
    argv,
    {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      'ignore-rule': { type: 'string', multiple: true },
      'max-template-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    { command: 'diff' },
  );
}

/** `ros-sso diff OLD NEW`. */
export function runDiff(argv: readonly string[], io: Io): ExitCode {
  const { values, positionals } = parseDiffArgs(argv);
  if (values.help) {
    io.stdout(DIFF_USAGE);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('diff takes two files: ros-sso diff OLD NEW');
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format))
    throw new UsageError(`unknown format ${format}; use one of ${FORMATS.join(', ')}`);
  const ignoreRules = values['ignore-rule'] ?? [];
  const knownRules = new Set(allRules.map((r) => r.id));
  for (const id of ignoreRules)
    if (!knownRules.has(id)) throw new UsageError(`--ignore-rule: unknown rule ${id}; see ros-sso rules`);
  const config = loadConfig(io.cwd, knownRules, values.config);
  const limit =
    parseByteCount('--max-template-bytes', values['max-template-bytes']) ??
    config.limits?.templateBytes ??
    INPUT_LIMITS.template;
  const previous = readTemplate(positionals[0], io.cwd, limit);
  const current = readTemplate(positionals[1], io.cwd, limit);

  const result = diffTemplates(previous, current, diffOptionsFor(config, ignoreRules));
  const off = new Set(ignoreRules);
  // Structural errors of either file first; a parse error the comparison also reported counts once.
  const unique = new Map<string, Finding>();
  for (const f of [
    ...structureErrors(previous.file, previous.text),
    ...structureErrors(current.file, current.text),
    ...result.findings.filter((f) => !off.has(f.ruleId) && config.rules[f.ruleId] !== 'off'),
  ])
    unique.set(`${f.file}\0${f.line}\0${f.column}\0${f.ruleId}\0${f.message}`, f);
  const findings = [...unique.values()].sort(compareFindings);
  const summary = summarize(findings, 1);
  let report = formatters[format as FormatName](findings, summary, allRules);
  if (format === 'text' && result.comparison)
    report = `${terminalSafe(`${previous.file} → ${current.file}\n${renderImpact(result.comparison)}`)}\n${report}`;
  if (values.output) writeOutput(io.cwd, values.output, report);
  else io.stdout(report);
  return summary.errors > 0 ? 1 : 0;
}
