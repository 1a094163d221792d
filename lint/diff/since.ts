import { UsageError } from '../../cli/args';
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { LintConfig } from '../config';
import type { TemplateFile } from '../files';
import { compareFindings, type Finding } from '../finding';
import { decodeText } from '../input/decode';
import { diffOptionsFor, diffTemplates } from './diff';

/** `lint --since REV`, resolved once: the commit, and the linted files that differ from it. */
export interface SinceRevision {
  rev: string;
  commit: string;
  root: string;
  /** Linted file (as given to lint) → the id of its blob at the commit; only files changed since. */
  changed: Map<string, string>;
}

/** Runs git with an argument vector (never a shell string), returning stdout. */
function git(args: readonly string[], cwd: string, input?: string): Buffer {
  return execFileSync('git', args, {
    cwd,
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    // Bounded by the callers: a diff's file list, or blobs of at most the read cap each.
    maxBuffer: 1024 * 1024 * 1024,
  });
}

const text = (bytes: Buffer) => bytes.toString('utf8').trim();

function resolveRevision(rev: string, cwd: string): { root: string; commit: string } {
  // A leading dash would be read as an option of git rev-parse.
  if (rev === '' || rev.startsWith('-'))
    throw new UsageError(`--since: ${JSON.stringify(rev)} is not a revision`);
  let root: string;
  try {
    root = text(git(['rev-parse', '--show-toplevel'], cwd));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError('--since needs git, which is not on the PATH');
    throw new UsageError(`--since needs a git repository, and ${cwd} is not inside one`);
  }
  try {
    return {
      root: realpathSync(root),
      commit: text(git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd)),
    };
  } catch {
    throw new UsageError(`--since: unknown revision ${rev} (a commit, branch or tag of ${root})`);
  }
}

const REGULAR_MODES = new Set(['100644', '100755']);

/**
 * One `git diff --raw` between the commit and the working tree: repository path → blob id at the
 * commit, for regular files modified since (added files have nothing to compare with, and with
 * --no-renames a renamed file is an addition).
 */
function modifiedBlobs(root: string, commit: string): Map<string, string> {
  const out = git(
    ['diff', '--raw', '-z', '--no-renames', '--no-ext-diff', '--diff-filter=MT', '--no-abbrev', commit, '--'],
    root,
  ).toString('utf8');
  const fields = out.split('\0');
  const blobs = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // ":100644 100644 <old id> <new id> M", then the path.
    const [oldMode, , oldId] = fields[i].slice(1).split(' ');
    if (REGULAR_MODES.has(oldMode)) blobs.set(fields[i + 1], oldId);
  }
  return blobs;
}

/** The file's path in the repository, or undefined when it is outside (or gone). */
function repositoryPath(root: string, cwd: string, file: string): string | undefined {
  try {
    const path = relative(root, realpathSync(resolve(cwd, file)));
    return path.startsWith('..') || isAbsolute(path) ? undefined : path.split(sep).join('/');
  } catch {
    return undefined;
  }
}

/** Resolves REV and finds, with one diff, which of the files to lint changed since. */
export function openSince(rev: string, cwd: string, files: readonly TemplateFile[]): SinceRevision {
  const { root, commit } = resolveRevision(rev, cwd);
  const blobs = modifiedBlobs(root, commit);
  const changed = new Map<string, string>();
  if (blobs.size > 0) {
    for (const { path: file } of files) {
      const id = blobs.get(repositoryPath(root, cwd, file) ?? '');
      if (id) changed.set(file, id);
    }
  }
  return { rev, commit, root, changed };
}

/**
 * The blobs' contents, read by two `git cat-file` calls whatever their number: sizes first, then
 * the ones of at most `maxBytes`, so no old version can grow memory past the read cap.
 */
function readBlobs(root: string, ids: readonly string[], maxBytes: number): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  if (ids.length === 0) return contents;
  const sizes = text(
    git(['cat-file', '--batch-check=%(objectname) %(objectsize)'], root, `${ids.join('\n')}\n`),
  );
  const wanted = sizes
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([, size]) => Number(size) <= maxBytes)
    .map(([id]) => id);
  if (wanted.length === 0) return contents;
  // Each object: "<id> blob <size>\n", then exactly <size> bytes and "\n".
  const out = git(['cat-file', '--batch'], root, `${wanted.join('\n')}\n`);
  for (let at = 0; at < out.length;) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) break;
    const [id, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    const start = eol + 1;
    const end = type === 'missing' ? start : start + Number(size);
    if (type === 'blob') contents.set(id, out.subarray(start, end));
    at = type === 'missing' ? start : end + 1;
  }
  return contents;
}

export interface SinceOptions {
  config: LintConfig;
  ignoreRules: readonly string[];
  /** Bytes per template (as for lint); an old version over it is not compared. */
  maxTemplateBytes: number;
  now?: Date;
}

/**
 * `lint --since REV`: adds to the lint findings, for each linted file changed since REV, the update
 * findings against its version there. `texts` are the current texts lint read (only of changed
 * files), so nothing is read twice; versions that do not parse give nothing to compare (lint
 * reports the current one).
 */
export function withChangesSince(
  since: SinceRevision,
  findings: readonly Finding[],
  texts: ReadonlyMap<string, string>,
  options: SinceOptions,
): Finding[] {
  const diffOptions = diffOptionsFor(options.config, options.ignoreRules, options.now);
  const linted = [...since.changed].filter(([file]) => texts.has(file));
  const blobs = readBlobs(since.root, [...new Set(linted.map(([, id]) => id))], options.maxTemplateBytes * 4);
  const added: Finding[] = [];
  for (const [file, id] of linted) {
    const bytes = blobs.get(id);
    const before = bytes && decodeText(bytes);
    if (!before?.ok || Buffer.byteLength(before.text, 'utf8') > options.maxTemplateBytes) continue;
    const current = { file, text: texts.get(file) ?? '' };
    const result = diffTemplates({ file: `${since.rev}:${file}`, text: before.text }, current, diffOptions);
    if (!result.unparsable) added.push(...result.findings);
  }
  return [...findings, ...added].sort(compareFindings);
}
