import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * The command-line conventions every ros-sso command shares (lint, local, deploy): one parser on
 * node:util `parseArgs` (strict), `-h`/`--help` anywhere on the line, a mistake is one line with a
 * did-you-mean and exit code 2. This folder imports nothing of ours, so every area may use it.
 */
export class UsageError extends Error {
  /** The help to point at, e.g. `ros-sso lint --help`. */
  readonly help: string;

  constructor(message: string, help = 'ros-sso --help') {
    super(message);
    this.name = 'UsageError';
    this.help = help;
  }
}

/** Case-insensitive edit distance, for did-you-mean among a few names. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length];
}

/** `; did you mean X?` for the nearest candidate within a third of the word (at least 2 edits). */
export function didYouMean(word: string, candidates: readonly string[]): string {
  if (word.length > 64) return '';
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best === undefined ? '' : `; did you mean ${best}?`;
}

/** A subcommand nobody defines: `unknown command lnt; did you mean lint?` (`kind` may say whose). */
export function unknownCommand(
  name: string,
  known: readonly string[],
  { kind = 'command', help = 'ros-sso --help' }: { kind?: string; help?: string } = {},
): UsageError {
  const shown = name.length > 64 ? `${name.slice(0, 61)}...` : name;
  return new UsageError(`unknown ${kind} ${shown}${didYouMean(name, known)}`, help);
}

type Options = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h' } };

const asFlag = (name: string, spec: { short?: string }) =>
  spec.short ? [`--${name}`, `-${spec.short}`] : [`--${name}`];

/** node:util's multi-line errors as one line each, naming the flag and the nearest real one. */
function usageErrorFrom(err: unknown, options: Options, help: string): UsageError {
  const message = String((err as Error).message ?? err).split('\n')[0];
  const code = (err as { code?: string }).code;
  const flags = Object.entries(options).flatMap(([name, spec]) => asFlag(name, spec));
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const flag = unknown[1].split('=')[0];
    return new UsageError(`unknown option ${flag}${didYouMean(flag, flags)}`, help);
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument (?:missing|is ambiguous)/.exec(message);
  if (missing) return new UsageError(`${missing[1]} needs a value`, help);
  const noValue = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(message);
  if (noValue) return new UsageError(`${noValue[1]} takes no value`, help);
  const positional = /^Unexpected argument '([^']*)'/.exec(message);
  if (positional) return new UsageError(`unexpected argument ${positional[1]}`, help);
  return new UsageError(message.replace(/\.$/, ''), help);
}

/**
 * Parses `argv` strictly against `options` (which must have `help`). `-h`/`--help` anywhere wins
 * over any mistake on the line, so `cmd --typo --help` still shows the help. Every mistake is a
 * one-line UsageError pointing at `help`, or at `ros-sso <command> --help` when `command` is given.
 */
export function parseCommandLine<const O extends Options & HelpOption>(
  argv: readonly string[],
  options: O,
  {
    positionals = true,
    command,
    help = command === undefined ? 'ros-sso --help' : `ros-sso ${command} --help`,
  }: { positionals?: boolean; command?: string; help?: string } = {},
) {
  const config = { args: [...argv], allowPositionals: positionals, strict: true as const, options };
  try {
    return parseArgs(config);
  } catch (err) {
    const end = argv.indexOf('--');
    const before = end === -1 ? argv : argv.slice(0, end);
    if (before.includes('--help') || before.includes('-h'))
      return { values: { help: true }, positionals: [] } as unknown as ReturnType<
        typeof parseArgs<typeof config>
      >;
    throw usageErrorFrom(err, options, help);
  }
}
