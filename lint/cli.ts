import { resolve } from 'node:path';
import pkg from '../package.json';
import { didYouMean, unknownCommand } from '../cli/args';
import { LINT_USAGE, parseCommandArgs, parseLintArgs, UsageError } from './args';
import { createBaseline, filterByBaseline, parseBaseline } from './baseline';
import { renderCatalogueJson, renderCatalogueMarkdown, renderCatalogueText } from './catalogue';
import { ConfigError, loadConfig } from './config';
import { expandPaths, FileError, TEMPLATE_MARKER, writeOutput } from './files';
import { type Summary, summarize } from './finding';
import { formatters } from './formatters';
import { terminalSafe } from './formatters/terminal';
import { INPUT_LIMITS } from './input/limits';
import { readInputText } from './input/read-file';
import { allRules } from './rules';
import { lintFiles, templateLimitOf } from './run';
import { runDiff } from './diff/diff-command';
import { openSince, withChangesSince } from './diff/since';
import { runUpdateInfo } from './diff/update-info-command';
import { runSchemasExport } from './schemas-export/cli';
import { runSchemasInfo, runSchemasList } from './schemas-list/cli';
import { runSchemasUpdate } from './schemas-update/cli';

/** What the CLI may touch; `bin/ros-sso.js` passes the real process, tests their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY?: boolean;
}

export type ExitCode = 0 | 1 | 2;

export const USAGE = `Usage: ros-sso <command> [options]

Commands:
  lint [paths...]     lint ROS templates (see ros-sso lint --help)
  diff OLD NEW        what a stack update from OLD to NEW cannot update (see ros-sso diff --help)
  update-info FILE    which parameters a stack can change later (ValidateTemplate UpdateInfo)
  rules               list the lint rules (--format text|markdown|json)
  local ...           run templates locally against the CloudSSO/RAM emulator
  deploy ...          create or update the provider function in FC 3.0 (see ros-sso deploy --help)
  schemas update      refresh resource type definitions from the ROS API (needs an access key)
  schemas export      write a JSON Schema of ROS templates for editors (yaml-language-server, VS Code)
  schemas list        every resource type with a definition and where it comes from (package@version)
  schemas info TYPE   one type's source, properties, required ones, attributes

Options: -h, --help (also after any command: ros-sso lint --help), -v, --version
`;

export const RULES_USAGE = `Usage: ros-sso rules [options]

Lists the lint rules with their default severity and description.

Options:
  -f, --format <text|markdown|json>  output format (default: text)
  -o, --output <file>                write the list to a file instead of stdout
  -h, --help                         show this help
`;

export const SCHEMAS_USAGE = `Usage: ros-sso schemas <command> [options]

Commands:
  update        refresh resource type definitions from the ROS API (needs an access key)
  export        write a JSON Schema of ROS templates for editors
  list          every resource type with a definition and where it comes from
  info TYPE     one type's source, properties, required ones, attributes

Options: -h, --help (also after a command: ros-sso schemas update --help)
`;

const COMMANDS = ['lint', 'diff', 'update-info', 'rules', 'local', 'deploy', 'schemas', 'help'];
const SCHEMAS_COMMANDS = ['update', 'export', 'list', 'info'];

/** Errors fail the run; warnings and infos do not. */
export function exitCodeFor(summary: Summary): ExitCode {
  return summary.errors > 0 ? 1 : 0;
}

function runLint(argv: readonly string[], io: CliIo): ExitCode {
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

function runRules(argv: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    'rules',
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

/** `ros-sso schemas <command>`. */
async function runSchemas(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'update':
      return runSchemasUpdate(rest, io);
    case 'export':
      return runSchemasExport(rest, io);
    case 'list':
      return runSchemasList(rest, io);
    case 'info':
      return runSchemasInfo(rest, io);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(SCHEMAS_USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw unknownCommand(command, SCHEMAS_COMMANDS, {
        kind: 'schemas command',
        help: 'ros-sso schemas --help',
      });
  }
}

/** The CLI of the lint bundle. Never exits the process; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return runLint(rest, io);
      case 'rules':
        return runRules(rest, io);
      case 'diff':
        return runDiff(rest, io);
      case 'update-info':
        return runUpdateInfo(rest, io);
      case 'schemas':
        return await runSchemas(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${pkg.version}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        if (command.startsWith('-'))
          throw new UsageError(`unknown option ${command}${didYouMean(command, ['--help', '--version'])}`);
        throw unknownCommand(command, COMMANDS);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof FileError) {
      // Messages name files and template values: never let them drive the terminal.
      const hint = err instanceof UsageError ? ` (see ${err.help})` : '';
      io.stderr(`ros-sso: ${terminalSafe(err.message.replace(/\s*[\r\n]+\s*/g, ' '))}${hint}\n`);
      return 2;
    }
    throw err;
  }
}
