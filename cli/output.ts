import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** An I/O problem the CLI reports in one line with exit code 2. */
export class FileError extends Error {}

/** Writes a report or generated file; a path that cannot be written is a one-line FileError (exit 2). */
export function writeOutput(cwd: string, path: string, text: string): void {
  try {
    writeFileSync(resolve(cwd, path), text);
  } catch (err) {
    throw new FileError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}
