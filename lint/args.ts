import { parseCommandLine, UsageError } from '../cli/args';
import type { FormatName } from './formatters';

export interface LintArgs {
  paths: string[];
  format: FormatName;
  config?: string;
  ignoreRules: string[];
  baseline?: string;
  writeBaseline?: string;
  output?: string;
  quiet: boolean;
  onlyTemplates: boolean;
  /** A git revision: also report update findings against each file's version there. */
  since?: string;
  /** Bytes per template file; overrides `limits.templateBytes` of the config. */
  maxTemplateBytes?: number;
  /** Zero templates found is a pass, not exit 2. */
  allowEmpty: boolean;
}

const FORMATS: readonly FormatName[] = ['text', 'json', 'sarif', 'github'];

export const LINT_USAGE = `Usage: ros-sso lint [options] [paths or globs...]

Lints ROS templates (YAML and JSON; directories recurse). Exit code 0: no errors, 1: errors, 2: usage or I/O error, or no ROS template found.

Options:
  -f, --format <text|json|sarif|github>  output format (default: text)
  -o, --output <file>                     write the report to a file instead of stdout
  -c, --config <file>                     configuration file (default: .ros-sso.yaml if present)
      --ignore-rule <id>                  turn a rule off (repeatable)
      --baseline <file>                   report only findings that are not in this baseline
      --write-baseline <file>             record the current findings as the baseline and exit 0
  -q, --quiet                             report errors only
      --only-templates                    skip named files that are not ROS templates (for pre-commit;
                                          implies --allow-empty)
      --since <git-rev>                   also report update findings against each file at that revision
      --max-template-bytes <n>            size limit per template (default: 524288, ROS's own limit)
      --allow-empty                       exit 0 when no ROS template is found (default: exit 2)
  -h, --help                              show this help
`;

function fail(message: string): never {
  throw new UsageError(message, 'ros-sso lint --help');
}

/** A `--max-…-bytes` value: a positive whole number. */
export function parseByteCount(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    fail(`${flag}: expected a positive whole number of bytes, not ${value}`);
  return n;
}

/** argv (after `lint`) → options; unknown options and bad values are UsageErrors. */
export function parseLintArgs(argv: readonly string[]): LintArgs | 'help' {
  const parsed = parseCommandLine(
    argv,
    {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      'ignore-rule': { type: 'string', multiple: true },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      'only-templates': { type: 'boolean' },
      since: { type: 'string' },
      'max-template-bytes': { type: 'string' },
      'allow-empty': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { command: 'lint' },
  );
  const v = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (v.help) return 'help';
  const format = (v.format as string | undefined) ?? 'text';
  if (!FORMATS.includes(format as FormatName))
    fail(`unknown format ${format}; use one of ${FORMATS.join(', ')}`);
  if (v.baseline && v['write-baseline']) fail('--baseline and --write-baseline cannot be used together');
  return {
    paths: parsed.positionals.length ? parsed.positionals : ['.'],
    format: format as FormatName,
    config: v.config as string | undefined,
    ignoreRules: (v['ignore-rule'] as string[] | undefined) ?? [],
    baseline: v.baseline as string | undefined,
    writeBaseline: v['write-baseline'] as string | undefined,
    output: v.output as string | undefined,
    quiet: Boolean(v.quiet),
    onlyTemplates: Boolean(v['only-templates']),
    since: v.since as string | undefined,
    maxTemplateBytes: parseByteCount('--max-template-bytes', v['max-template-bytes'] as string | undefined),
    allowEmpty: Boolean(v['allow-empty']),
  };
}
