import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { bytesPerUtf8Byte, type Decoded, decodeText, detectEncoding } from './decode';
import { INPUT_LIMITS } from './limits';

/** Why a file was not read. */
export type ReadProblem =
  | { kind: 'not-a-file'; what: string }
  /** `size` in bytes on disk, or of the decoded text in UTF-8 when `asUtf8`. */
  | { kind: 'too-large'; size: number; limit: number; asUtf8: boolean }
  | { kind: 'unreadable'; code: string };

export type ReadOutcome = { ok: true; decoded: Decoded } | { ok: false; problem: ReadProblem };

const CHUNK = 64 * 1024;
// A FIFO opened for reading blocks until a writer comes, unless non-blocking (no effect on files).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function openRegular(path: string): { fd: number; stat: Stats } | ReadProblem {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    // A socket cannot be opened (ENXIO); name what it is rather than the errno.
    if (code === 'ENXIO' || code === 'EISDIR') {
      try {
        return { kind: 'not-a-file', what: kindOf(statSync(path)) };
      } catch {
        // fall through to the errno
      }
    }
    return { kind: 'unreadable', code };
  }
  const stat = fstatSync(fd);
  if (stat.isFile()) return { fd, stat };
  closeSync(fd);
  return { kind: 'not-a-file', what: kindOf(stat) };
}

/** At most `cap + 1` bytes of the open file, so that a file that grows or lies about its size stays bounded. */
function readAtMost(fd: number, stat: Stats, cap: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= cap) {
    const buffer = Buffer.allocUnsafe(Math.min(Math.max(CHUNK, stat.size + 1 - total), cap + 1 - total));
    const n = readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0) break;
    chunks.push(buffer.subarray(0, n));
    total += n;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/**
 * Reads a text file as the CLI reads every input: only a regular file (checked with fstat on the
 * opened descriptor), at most `limit` bytes of UTF-8 text (UTF-16/32 are decoded and measured as
 * UTF-8), never more than that many characters' worth from disk. Never throws.
 */
export function readTextFile(path: string, limit: number): ReadOutcome {
  const opened = openRegular(path);
  if ('kind' in opened) return { ok: false, problem: opened };
  const { fd, stat } = opened;
  try {
    const cap = limit * 4; // the most any encoding takes for `limit` bytes of UTF-8
    if (stat.size > cap)
      return { ok: false, problem: { kind: 'too-large', size: stat.size, limit, asUtf8: false } };
    const bytes = readAtMost(fd, stat, cap);
    const encoding = detectEncoding(bytes);
    if (bytes.length > limit * bytesPerUtf8Byte(encoding)) {
      const size = Math.max(stat.size, bytes.length);
      return { ok: false, problem: { kind: 'too-large', size, limit, asUtf8: false } };
    }
    const decoded = decodeText(bytes);
    if (encoding !== 'UTF-8') {
      const size = Buffer.byteLength(decoded.text, 'utf8');
      if (size > limit) return { ok: false, problem: { kind: 'too-large', size, limit, asUtf8: true } };
    }
    return { ok: true, decoded };
  } catch (err) {
    return {
      ok: false,
      problem: { kind: 'unreadable', code: (err as NodeJS.ErrnoException).code ?? String(err) },
    };
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a regular file holds one of `needles` within its first `maxBytes`, read in chunks (for
 * telling whether a file too large to read is a template without holding it in memory).
 */
export function regularFileContains(path: string, needles: readonly Buffer[], maxBytes: number): boolean {
  const opened = openRegular(path);
  if ('kind' in opened) return false;
  const overlap = Math.max(...needles.map((n) => n.length)) - 1;
  const buffer = Buffer.allocUnsafe(CHUNK + overlap);
  try {
    let kept = 0;
    for (let read = 0; read < maxBytes;) {
      const n = readSync(opened.fd, buffer, kept, CHUNK, null);
      if (n === 0) return false;
      const window = buffer.subarray(0, kept + n);
      if (needles.some((needle) => window.includes(needle))) return true;
      read += n;
      kept = Math.min(overlap, window.length);
      window.copy(buffer, 0, window.length - kept);
    }
    return false;
  } catch {
    return false;
  } finally {
    closeSync(opened.fd);
  }
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** One line for a problem with the file the user named `name`; `hint` says how to raise a limit. */
export function describeReadProblem(name: string, problem: ReadProblem, hint = ''): string {
  switch (problem.kind) {
    case 'not-a-file':
      return `${name} is ${problem.what}, not a regular file`;
    case 'too-large':
      return `${name} is ${grouped(problem.size)} bytes${problem.asUtf8 ? ' as UTF-8' : ''}, over the limit of ${grouped(problem.limit)} bytes${hint ? ` (${hint})` : ''}`;
    case 'unreadable':
      return `cannot read ${name}: ${problem.code}`;
  }
}

/** The text of a file named on the command line, or the one line that says why it cannot be used. */
export function readInputText(
  path: string,
  name: string,
  limit: number,
  hint?: string,
): { ok: true; text: string } | { ok: false; message: string } {
  const outcome = readTextFile(path, limit);
  if (!outcome.ok) return { ok: false, message: describeReadProblem(name, outcome.problem, hint) };
  const { decoded } = outcome;
  return decoded.ok
    ? { ok: true, text: decoded.text }
    : { ok: false, message: `${name} is ${decoded.message}` };
}

/**
 * A template named on the command line of a command that runs it (local mode, the plan): ROS
 * refuses a body over its limit, and so do they, with no option to raise it.
 */
export function readTemplateArgument(
  cwd: string,
  file: string,
): { ok: true; text: string } | { ok: false; message: string } {
  return readInputText(resolve(cwd, file), file, INPUT_LIMITS.template, "ROS's limit for a template body");
}
