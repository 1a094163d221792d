import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseCommandArgs, UsageError } from '../args';
import { loadConfig } from '../config';
import { FileError, writeOutput } from '../files';
import { structureErrors } from './structure';
import { compareFindings, type Finding, summarize } from '../finding';
import { type FormatName, formatters } from '../formatters';
import { allRules } from '../rules';
import { diffOptionsFor, diffTemplates, type TemplateText } from './diff';
import { renderImpact } from './impact';

/** The part of the CLI's io a command needs (structurally the CLI's own `CliIo`). */
export interface CommandIo {
  stdout(text: string): void;
  cwd: string;
}

export const DIFF_USAGE = `Usage: ros-sso diff OLD NEW [options]

Compares two versions of a template the way a stack update applies them. Every change to a
property that cannot be updated is a finding in NEW; the text format also lists what happens to
each resource (update, replace, delete, create). Exit code 0: no errors, 1: errors, 2: usage or I/O error.

Options:
  -f, --format <text|json|sarif|github>  output format (default: text)
  -o, --output <file>                     write the report to a file instead of stdout
  -c, --config <file>                     configuration file (default: .ros-sso.yaml if present)
      --ignore-rule <id>                  turn a rule off (repeatable)
  -h, --help                              show this help
`;

const FORMATS: readonly string[] = ['text', 'json', 'sarif', 'github'];

/** Reads a file named on the command line; findings name it relative to the working directory. */
export function readTemplate(arg: string, cwd: string): TemplateText {
  const full = resolve(cwd, arg);
  try {
    return { file: relative(cwd, full).split(sep).join('/'), text: readFileSync(full, 'utf8') };
  } catch (err) {
    throw new FileError(`cannot read ${arg}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function parseDiffArgs(argv: readonly string[]) {
  return parseCommandArgs(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    'ignore-rule': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
}

/** `ros-sso diff OLD NEW`. */
export function runDiff(argv: readonly string[], io: CommandIo): 0 | 1 | 2 {
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
  const previous = readTemplate(positionals[0], io.cwd);
  const current = readTemplate(positionals[1], io.cwd);

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
    report = `${previous.file} → ${current.file}\n${renderImpact(result.comparison)}\n${report}`;
  if (values.output) writeOutput(io.cwd, values.output, report);
  else io.stdout(report);
  return summary.errors > 0 ? 1 : 0;
}
