import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DeployError } from './errors';

export interface CodePackage {
  /** As given on the command line, for messages. */
  path: string;
  bytes: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const ZIP64_MARK = 0xffffffff;
const HINT = 'run npm run package first, or pass --zip PATH';

/** Names of the entries in a zip's central directory, or undefined when it is not a zip. */
export function zipEntryNames(bytes: Buffer): string[] | undefined {
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65535.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= floor; at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  // A zip64 archive keeps the real offset elsewhere; its listing is not needed to deploy it.
  if (offset === ZIP64_MARK) return [];
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_ENTRY) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * Reads the code package and checks what FC would only report at the first invocation: that it
 * is a zip with `index.js` at its root (the `index.handler` entry point).
 */
export function readCodePackage(path: string, cwd: string): CodePackage {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DeployError(`no code package at ${path}; ${HINT}`, 'code-package');
    throw new DeployError(
      `cannot read code package ${path} (${code ?? String(err)}); ${HINT}`,
      'code-package',
    );
  }
  if (bytes.length === 0) throw new DeployError(`code package ${path} is empty; ${HINT}`, 'code-package');
  const names = zipEntryNames(bytes);
  if (names === undefined)
    throw new DeployError(`code package ${path} is not a zip archive; ${HINT}`, 'code-package');
  // An empty listing is a zip64 archive (not listed) unless the archive is only its 22-byte end record.
  const unlisted = names.length === 0 && bytes.length > 22;
  if (!unlisted && !names.includes('index.js'))
    throw new DeployError(
      `code package ${path} has no index.js at its root (the handler is index.handler); ${HINT}`,
      'code-package',
    );
  return { path, bytes };
}

/** 1536 → "1.5 KB"; for progress lines. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
