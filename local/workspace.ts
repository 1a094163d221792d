import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StateSnapshot } from './emulator/state';
import type { StackEvent } from './stack-events';

export const DEFAULT_WORKSPACE = '.ros-sso-local';

export interface ResourceRecord {
  type: string;
  physicalId: string;
  /** Evaluated properties as last applied. */
  properties: Record<string, unknown>;
  /** What `Fn::GetAtt` reads: a custom resource's Data, a native resource's attributes. */
  attributes: Record<string, unknown>;
}

export interface StackRecord {
  name: string;
  id: string;
  status: string;
  templateFile: string;
  template: Record<string, unknown>;
  parameters: Record<string, string>;
  resources: Record<string, ResourceRecord>;
  outputs: Record<string, unknown>;
  events: StackEvent[];
}

/** Writes whole files through a rename, so an interrupted command never leaves half a file. */
function writeJson(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
}

/** Local-mode state on disk: the emulator's state and one record per local stack. */
export class Workspace {
  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'stacks'), { recursive: true });
  }

  loadEmulator(): StateSnapshot | undefined {
    return readJson<StateSnapshot>(join(this.dir, 'emulator.json'));
  }

  saveEmulator(state: StateSnapshot): void {
    writeJson(join(this.dir, 'emulator.json'), state);
  }

  private stackPath(name: string): string {
    return join(this.dir, 'stacks', `${name}.json`);
  }

  loadStack(name: string): StackRecord | undefined {
    return readJson<StackRecord>(this.stackPath(name));
  }

  saveStack(record: StackRecord): void {
    writeJson(this.stackPath(record.name), record);
  }

  removeStack(name: string): void {
    rmSync(this.stackPath(name), { force: true });
  }

  listStacks(): StackRecord[] {
    return readdirSync(join(this.dir, 'stacks'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => this.loadStack(f.slice(0, -5)))
      .filter((r): r is StackRecord => r !== undefined);
  }
}
