import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { FileError } from '../cli/output';
import { compileGlob, GlobError, type GlobMatcher } from './glob';

export const TEMPLATE_EXTENSIONS = ['.yaml', '.yml', '.json'];
/**
 * Directories recursion never enters: dependencies, build output, version control and tool state.
 * Other hidden directories are walked: Compute Nest keeps its templates in `.computenest/`.
 */
const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  'dist',
  'coverage',
  '.git',
  '.hg',
  '.svn',
  '.ros-sso-local',
  '.terraform',
  '.venv',
  '.tox',
  '.cache',
  '.idea',
  '.vscode',
]);

export interface TemplateFile {
  path: string;
  explicit: boolean;
}

/** Every ROS template has this key; files found by directory recursion without it are skipped. */
export const TEMPLATE_MARKER = 'ROSTemplateFormatVersion';

const isTemplateFile = (name: string) => TEMPLATE_EXTENSIONS.some((ext) => name.endsWith(ext));
const hasGlob = (text: string) => /[*?[\]{}]/.test(text);

/** A glob compiled for linear-time matching (lint/glob.ts); a bad one is a one-line FileError. */
function matcherFor(glob: string, what: string): GlobMatcher {
  try {
    return compileGlob(glob);
  } catch (err) {
    if (err instanceof GlobError) throw new FileError(`${what} ${glob}: ${err.message}`);
    throw err;
  }
}

function walk(dir: string, out: string[]): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new FileError(
      `cannot read directory ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, out);
    } else if (entry.isFile() && !entry.name.startsWith('.') && isTemplateFile(entry.name)) out.push(path);
  }
}

const toPosix = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));

/**
 * Expands the command line's paths: files as given, directories recursively (YAML and JSON files,
 * skipping hidden folders and node_modules), globs against the files under their fixed prefix.
 * Returns paths relative to `cwd`, POSIX style, sorted and unique; `explicit` marks files named on
 * the command line (always linted) as opposed to found in a directory (linted only if they are
 * ROS templates, so that package.json and friends are left alone).
 */
export function expandPaths(
  args: readonly string[],
  cwd: string,
  ignore: readonly string[] = [],
): TemplateFile[] {
  const found = new Map<string, boolean>();
  const add = (path: string, explicit: boolean) => found.set(path, explicit || (found.get(path) ?? false));
  for (const arg of args) {
    const posixArg = toPosix(arg);
    if (hasGlob(posixArg)) {
      const fixed = posixArg.split('/').findIndex(hasGlob);
      const base = posixArg.split('/').slice(0, fixed).join('/') || '.';
      const matcher = matcherFor(posixArg.replace(/^\.\//, ''), 'glob');
      const files: string[] = [];
      let baseStat: import('node:fs').Stats | undefined;
      try {
        baseStat = statSync(resolve(cwd, base));
      } catch {
        baseStat = undefined;
      }
      if (baseStat?.isDirectory()) walk(resolve(cwd, base), files);
      const matched = files.map((f) => toPosix(relative(cwd, f))).filter((f) => matcher.test(f));
      if (matched.length === 0) throw new FileError(`no template files match ${arg}`);
      for (const f of matched) add(f, true);
      continue;
    }
    const full = resolve(cwd, arg);
    let stat: import('node:fs').Stats;
    try {
      stat = statSync(full);
    } catch {
      throw new FileError(`no such file or directory: ${arg}`);
    }
    if (stat.isDirectory()) {
      const files: string[] = [];
      walk(full, files);
      for (const f of files) add(toPosix(relative(cwd, f)), false);
    } else add(toPosix(relative(cwd, full)), true);
  }
  const ignored = ignore.map((glob) => matcherFor(glob, 'ignorePaths glob'));
  return [...found]
    .filter(([path]) => !ignored.some((re) => re.test(path)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, explicit]) => ({ path, explicit }));
}
