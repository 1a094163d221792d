import { resolve } from 'node:path';
import { parseCommandLine, UsageError } from '../cli/args';
import type { ExitCode, Io } from '../cli/io';
import { FileError, writeOutput } from '../cli/output';
import { LINT_USAGE, parseLintArgs } from './args';
import { createBaseline, filterByBaseline, parseBaseline } from './baseline';
import { renderCatalogueJson, renderCatalogueMarkdown, renderCatalogueText } from './catalogue';
import { loadConfig } from './config';
import { openSince, withChangesSince } from './diff/since';
import { expandPaths, TEMPLATE_MARKER } from './files';
import { type Summary, summarize } from './finding';
import { formatters } from './formatters';
import { INPUT_LIMITS } from './input/limits';
import { readInputText } from './input/read-file';
import { allRules } from './rules';
import { lintFiles, templateLimitOf } from './run';

/* `ros-sso lint` and `ros-sso rules` (commands/main.ts routes them here). */

export const RULES_USAGE = `Usage: ros-sso rules [options]

Lists the lint rules with their default severity and description.

Options:
  -f, --format <text|markdown|json>  output format (default: text)
  -o, --output <file>                write the list to a file instead of stdout
  -h, --help                         show this help
`;

/** Errors fail the run; warnings and infos do not. */
export function exitCodeFor(summary: Summary): ExitCode {
  return summary.errors > 0 ? 1 : 0;
}

export function runLint(argv: readonly string[], io: Io): ExitCode {
  const args = parseLintArgs(argv);
  if (args === 'help') {
    io.stdout(LINT_USAGE);
    return 0;
  }
  const knownRules = new Set(allRules.map((r) => r.id));
  for (const id of args.ignoreRules)
    if (!knownRules.has(id)) throw new UsageError(`--ignore-rule: unknown rule ${id}; see ros-sso rules`);
  const config = loadConfig(io.cwd, knownRules, args.config);
  const found = expandPaths(args.paths, io.cwd, config.ignorePaths);
  const files = args.onlyTemplates ? found.map((f) => ({ ...f, explicit: false })) : found;
  const since = args.since ? openSince(args.since, io.cwd, files) : undefined;
  const run = { config, ignoreRules: args.ignoreRules, maxTemplateBytes: args.maxTemplateBytes };
  const linted = lintFiles({ ...run, cwd: io.cwd, files, keepTexts: new Set(since?.changed.keys()) });
  // Zero templates is almost always a wrong working directory or glob in CI: not a green run.
  // (--only-templates is the pre-commit hook, whose named files may well hold no template.)
  if (linted.summary.files === 0 && !args.allowEmpty && !args.onlyTemplates)
    throw new FileError(
      `no ROS template to lint in ${args.paths.join(' ')} (${found.length} YAML/JSON files found, none with ${TEMPLATE_MARKER}); check the working directory and paths, or pass --allow-empty`,
    );
  let findings = linted.findings;
  if (since)
    findings = withChangesSince(since, findings, linted.texts, {
      ...run,
      maxTemplateBytes: templateLimitOf(run),
    });

  if (args.writeBaseline) {
    writeOutput(io.cwd, args.writeBaseline, `${JSON.stringify(createBaseline(findings), null, 2)}\n`);
    io.stderr(
      `ros-sso: wrote ${findings.filter((f) => f.severity !== 'info').length} findings to ${args.writeBaseline}\n`,
    );
    return 0;
  }
  if (args.baseline) {
    const limit = config.limits?.baselineBytes ?? INPUT_LIMITS.baseline;
    const read = readInputText(
      resolve(io.cwd, args.baseline),
      `baseline ${args.baseline}`,
      limit,
      'limits.baselineBytes in the config changes it',
    );
    if (!read.ok) throw new FileError(read.message);
    try {
      findings = filterByBaseline(findings, parseBaseline(read.text));
    } catch (err) {
      throw new FileError(`baseline ${args.baseline}: ${(err as Error).message}`);
    }
  }
  if (args.quiet) findings = findings.filter((f) => f.severity === 'error');
  const summary = summarize(findings, linted.summary.files);
  const report = formatters[args.format](findings, summary, allRules);
  if (args.output) writeOutput(io.cwd, args.output, report);
  else io.stdout(report);
  return exitCodeFor(summary);
}

export function runRules(argv: readonly string[], io: Io): ExitCode {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    { command: 'rules' },
  );
  if (values.help) {
    io.stdout(RULES_USAGE);
    return 0;
  }
  if (positionals.length)
    throw new UsageError(`unexpected argument ${positionals[0]}`, 'ros-sso rules --help');
  const render = { text: renderCatalogueText, markdown: renderCatalogueMarkdown, json: renderCatalogueJson };
  const format = values.format ?? 'text';
  if (!Object.hasOwn(render, format))
    throw new UsageError(`unknown format ${format}; use text, markdown or json`, 'ros-sso rules --help');
  const text = render[format as keyof typeof render](allRules);
  if (values.output) writeOutput(io.cwd, values.output, text);
  else io.stdout(text);
  return 0;
}
