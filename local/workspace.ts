import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { StateSnapshot } from './emulator/state';
import type { StackRecord } from './stack-record';
import { EMULATOR_STATE_SHAPE, STACK_RECORD_SHAPE } from './state-file-shapes';
import { acquireStateLock } from './state-lock';
import { checkShape, type Shape } from './state-shape';

export type { ResourceRecord, StackRecord } from './stack-record';

export const DEFAULT_WORKSPACE = '.ros-sso-local';
/** How long a command waits for another one using the same state directory. */
export const DEFAULT_LOCK_WAIT_MS = 60_000;

/** A state file that cannot be read, parsed or trusted: one line naming it and the way out, exit 1. */
export class StateFileError extends Error {}

function errno(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

/**
 * Writes a whole file through a temporary file and a rename, so that a reader, or a command that
 * is interrupted, sees the old file or the new one, never half of one.
 */
function writeJson(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new StateFileError(`cannot write ${path} (${errno(err)})`);
  }
}

/** The file's JSON checked against `shape`; undefined when there is no such file. */
function readJson<T>(path: string, shape: Shape, recovery: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (errno(err) === 'ENOENT') return undefined;
    throw new StateFileError(`${path}: cannot read it (${errno(err)}); ${recovery}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new StateFileError(`${path}: not valid JSON (${(err as Error).message}); ${recovery}`);
  }
  const problem = checkShape(value, shape);
  if (problem !== undefined) throw new StateFileError(`${path}: ${problem}; ${recovery}`);
  return value as T;
}

export interface WorkspaceOptions {
  /** Where lock messages go (waiting, took over a stale lock); whole lines. */
  notify?(line: string): void;
  lockWaitMs?: number;
}

/** Local-mode state on disk: the emulator's state and one record per local stack, under one lock. */
export class Workspace {
  constructor(
    readonly dir: string,
    private readonly options: WorkspaceOptions = {},
  ) {
    try {
      mkdirSync(join(dir, 'stacks'), { recursive: true });
    } catch (err) {
      throw new StateFileError(`cannot create the state directory ${dir} (${errno(err)})`);
    }
  }

  /** Runs `work` holding the state directory's lock (see state-lock.ts); `command` names it to others. */
  async exclusive<T>(command: string, work: () => Promise<T>): Promise<T> {
    const lock = await acquireStateLock(this.dir, {
      command,
      waitMs: this.options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
      notify: this.options.notify ?? (() => {}),
    });
    try {
      return await work();
    } finally {
      lock.release();
    }
  }

  private get emulatorPath(): string {
    return join(this.dir, 'emulator.json');
  }

  loadEmulator(): StateSnapshot | undefined {
    const state = readJson<StateSnapshot>(
      this.emulatorPath,
      EMULATOR_STATE_SHAPE,
      `fix or restore it, or delete ${this.dir} to start again from a fresh emulator (its local stacks are forgotten)`,
    );
    if (state === undefined) return undefined;
    if (!state.accounts.some((a) => a.accountId === state.managementAccountId && a.isManagement)) {
      throw new StateFileError(
        `${this.emulatorPath}: managementAccountId ${state.managementAccountId} is not one of its management accounts; fix or restore it, or delete ${this.dir} to start again`,
      );
    }
    // State written before the creation-time strategy was recorded: the stored one is all there is.
    for (const p of state.provisionings) p.deletionStrategyAtCreation ??= p.deletionStrategy;
    return state;
  }

  saveEmulator(state: StateSnapshot): void {
    writeJson(this.emulatorPath, state);
  }

  private stackPath(name: string): string {
    return join(this.dir, 'stacks', `${name}.json`);
  }

  loadStack(name: string): StackRecord | undefined {
    const path = this.stackPath(name);
    const recovery = `fix or restore it, or delete it to forget stack ${name} (what it created stays in the emulator)`;
    const record = readJson<StackRecord>(path, STACK_RECORD_SHAPE, recovery);
    if (record !== undefined && record.name !== name)
      throw new StateFileError(
        `${path}: holds stack ${JSON.stringify(record.name)}, not ${name}; ${recovery}`,
      );
    return record;
  }

  saveStack(record: StackRecord): void {
    writeJson(this.stackPath(record.name), record);
  }

  removeStack(name: string): void {
    rmSync(this.stackPath(name), { force: true });
  }

  listStacks(): StackRecord[] {
    let names: string[];
    try {
      names = readdirSync(join(this.dir, 'stacks'));
    } catch (err) {
      throw new StateFileError(`cannot list ${join(this.dir, 'stacks')} (${errno(err)})`);
    }
    return names
      .filter((f) => f.endsWith('.json'))
      .map((f) => this.loadStack(f.slice(0, -5)))
      .filter((r): r is StackRecord => r !== undefined);
  }
}
