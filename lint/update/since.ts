import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../args';
import type { LintConfig } from '../config';
import { FileError, TEMPLATE_MARKER, type TemplateFile } from '../files';
import { compareFindings, type Finding } from '../finding';
import { PARSE_LIMITS } from '../template/parse';
import { diffOptionsFor, diffTemplates } from './diff';

/** A revision resolved in the repository that holds the working directory. */
interface Revision {
  root: string;
  commit: string;
}

/** Runs git with an argument vector (never a shell string), returning stdout. */
function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: PARSE_LIMITS.maxBytes + 1,
  });
}

function openRevision(rev: string, cwd: string): Revision {
  // A leading dash would be read as an option of git rev-parse.
  if (rev === '' || rev.startsWith('-'))
    throw new UsageError(`--since: ${JSON.stringify(rev)} is not a revision`);
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError('--since needs git, which is not on the PATH');
    throw new UsageError(`--since needs a git repository, and ${cwd} is not inside one`);
  }
  try {
    return {
      root: realpathSync(root),
      commit: git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd).trim(),
    };
  } catch {
    throw new UsageError(`--since: unknown revision ${rev} (a commit, branch or tag of ${root})`);
  }
}

/** The file's text at the revision, or undefined when it is not there (new since then, or outside the repository). */
function textAt(revision: Revision, file: string): string | undefined {
  const path = relative(revision.root, realpathSync(file));
  if (path.startsWith('..') || isAbsolute(path)) return undefined;
  try {
    return git(['show', `${revision.commit}:${path.split(sep).join('/')}`], revision.root);
  } catch {
    return undefined;
  }
}

export interface SinceOptions {
  cwd: string;
  files: readonly TemplateFile[];
  config: LintConfig;
  ignoreRules: readonly string[];
  now?: Date;
}

/**
 * `lint --since REV`: adds to the lint findings, for each linted file, the update findings against
 * that file's own version at REV. Files new since REV are skipped, and so are versions that do not
 * parse (lint reports the current one; an old one gives nothing to compare).
 */
export function withChangesSince(
  rev: string,
  findings: readonly Finding[],
  options: SinceOptions,
): Finding[] {
  const revision = openRevision(rev, options.cwd);
  const diffOptions = diffOptionsFor(options.config, options.ignoreRules, options.now);
  const added: Finding[] = [];
  for (const { path: file, explicit } of options.files) {
    const full = resolve(options.cwd, file);
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch (err) {
      throw new FileError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    if (!explicit && !text.includes(TEMPLATE_MARKER)) continue; // not linted, as in lintFiles
    const before = textAt(revision, full);
    if (before === undefined) continue;
    const result = diffTemplates({ file: `${rev}:${file}`, text: before }, { file, text }, diffOptions);
    if (!result.unparsable) added.push(...result.findings);
  }
  return [...findings, ...added].sort(compareFindings);
}
