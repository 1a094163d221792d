/**
 * `npm run accuracy -- DIR [options]`: lints a corpus of templates with the real engine (the code
 * path of `ros-sso lint DIR`), prints the findings per rule and severity, and compares the errors
 * with a committed file of verified true positives. Exit 0: every error is expected and every
 * expected one is still reported (and warnings within --max-warnings); 1: not so; 2: usage or I/O.
 * See README.md beside this file.
 */
import { FileError } from '../../cli/output';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { expandPaths } from '../../lint/files';
import { lintFiles } from '../../lint/run';
import { compareWithExpectations } from './compare';
import { type Expectations, InputError, parseExpectations, renderCandidates } from './expectations';
import { renderJson, renderText } from './report';

const USAGE = `Usage: npm run accuracy -- DIR [options]

Lints every template under DIR and checks its errors against verified true positives.
Exit code 0: as expected, 1: an unexpected error, a lost expected one or too many warnings, 2: usage or I/O.

Options:
  --expectations FILE         verified errors (default: scripts/accuracy/expectations/<DIR name>.json if present)
  --format text|json          report format (default: text)
  --max-warnings N            also fail when there are more than N warnings
  --write-expectations FILE   write today's errors as candidates for review (verified entries kept) and exit 0
  -h, --help                  show this help
`;

// Run from the repository root (npm run); run-ts.js bundles this file elsewhere, so not __dirname.
const ROOT = process.cwd();

interface Args {
  dir: string;
  expectations?: string;
  format: 'text' | 'json';
  maxWarnings?: number;
  writeExpectations?: string;
}

function parse(argv: readonly string[]): Args | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        expectations: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'max-warnings': { type: 'string' },
        'write-expectations': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new InputError('give exactly one corpus folder');
  if (values.format !== 'text' && values.format !== 'json')
    throw new InputError(`--format must be text or json, not ${values.format}`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings))
      throw new InputError(`--max-warnings must be a whole number, not ${values['max-warnings']}`);
  }
  return {
    dir: positionals[0],
    expectations: values.expectations,
    format: values.format,
    maxWarnings,
    writeExpectations: values['write-expectations'],
  };
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(
      `cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
}

/** The expectations file named, or the default one for this corpus when it exists. */
function expectationsPath(args: Args, dir: string): string | undefined {
  if (args.expectations !== undefined) return resolve(args.expectations);
  const fallback = join(ROOT, 'scripts', 'accuracy', 'expectations', `${basename(dir)}.json`);
  return existsSync(fallback) ? fallback : undefined;
}

function run(argv: readonly string[]): number {
  const args = parse(argv);
  if (args === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const dir = resolve(args.dir);
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) throw new InputError(`no such folder: ${args.dir}`);
  const path = expectationsPath(args, dir);
  const shown = path === undefined ? undefined : (args.expectations ?? relative(ROOT, path));
  let expectations: Expectations | undefined;
  if (path !== undefined && !(args.writeExpectations && !existsSync(path)))
    expectations = parseExpectations(readText(path, 'expectations'), shown ?? path);

  // Bundled type data only: a developer's `ros-sso schemas update` cache must not change the verdict.
  process.env.ROS_SSO_SCHEMA_CACHE = join(tmpdir(), 'ros-sso-accuracy-no-schema-cache');
  const { findings, summary } = lintFiles({
    cwd: dir,
    files: expandPaths(['.'], dir),
    config: { rules: {}, ignorePaths: [] },
    ignoreRules: [],
  });

  if (summary.files === 0) throw new InputError(`no ROS templates under ${args.dir}`);

  if (args.writeExpectations) {
    const errors = findings.filter((f) => f.severity === 'error');
    try {
      writeFileSync(resolve(args.writeExpectations), renderCandidates(errors, expectations));
    } catch (err) {
      throw new InputError(
        `cannot write ${args.writeExpectations}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
    process.stderr.write(
      `accuracy: wrote ${errors.length} errors to ${args.writeExpectations}; verify each, give its evidence, delete the rest\n`,
    );
    return 0;
  }
  const result = compareWithExpectations(findings, summary.files, expectations, args.maxWarnings);
  const ctx = { dir: args.dir, expectationsPath: shown };
  process.stdout.write(args.format === 'json' ? renderJson(result, ctx) : renderText(result, ctx));
  return result.ok ? 0 : 1;
}

function main(): void {
  try {
    process.exitCode = run(process.argv.slice(2));
  } catch (err) {
    if (err instanceof InputError || err instanceof FileError) {
      process.stderr.write(`accuracy: ${err.message} (see npm run accuracy -- --help)\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

main();
