import type { ExitCode, Io } from '../cli/io';
import { join, relative, resolve } from 'node:path';
import { parseCommandLine, UsageError } from '../cli/args';
import { readTemplateArgument } from '../lint/input/read-file';
import { ParameterError, parseParameterArgs } from '../template/parameters';
import { planPreamble } from './plan-operation';
import { openSession } from './session';
import { createEventPrinter } from './stack-events';
import { TemplateError } from '../plan/stack-plan';
import { createStack, deleteStack, type StackInput, updateStack } from './stack-runner';
import { renderStateText, stateView } from './state-report';
import { DEFAULT_LOCK_WAIT_MS, DEFAULT_WORKSPACE, type StackRecord, Workspace } from './workspace';

/** A mistake on the command line or in what it names: one line, exit code 2 (no help hint). */
export class LocalUsageError extends UsageError {
  constructor(message: string, help = '') {
    super(message, help);
  }
}

/** `--help` on a local command: main.ts prints that command's usage (local/usage.ts). */
export class HelpRequested extends Error {
  constructor(readonly command: string) {
    super(`help for local ${command}`);
  }
}

/** The options most local commands share; each command lists the ones it honours. */
export const STATE_OPTIONS = { 'state-dir': { type: 'string' }, seed: { type: 'string' } } as const;
export const FAULT_OPTIONS = { faults: { type: 'string' } } as const;

export interface ParsedArgs {
  values: Record<string, string | string[] | boolean | undefined>;
  positionals: string[];
}

/** Parses a local command's arguments against exactly the options it honours (cli/args.ts). */
export function parse(
  command: string,
  argv: readonly string[],
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>,
): ParsedArgs {
  const { values, positionals } = parseCommandLine(
    argv,
    { ...options, help: { type: 'boolean', short: 'h' } },
    { command: `local ${command}` },
  );
  if (values.help) throw new HelpRequested(command);
  return { values, positionals };
}

/** `ROS_SSO_LOCAL_LOCK_WAIT`: seconds to wait for another command using the state directory. */
function lockWaitMs(env: Io['env']): number {
  const raw = env.ROS_SSO_LOCAL_LOCK_WAIT;
  if (raw === undefined || raw === '') return DEFAULT_LOCK_WAIT_MS;
  const seconds = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(seconds))
    throw new LocalUsageError(`ROS_SSO_LOCAL_LOCK_WAIT=${raw}: expected a number of seconds`);
  return seconds * 1000;
}

/** A template named on the command line (lint/input: ROS's size limit, checked text). */
export function readTemplateArg(io: Io, file: string): string {
  const read = readTemplateArgument(io.cwd, file);
  if (!read.ok) throw new LocalUsageError(read.message);
  return read.text;
}

export function workspaceFor(io: Io, dir: unknown): Workspace {
  return new Workspace(
    resolve(io.cwd, typeof dir === 'string' ? dir : (io.env.ROS_SSO_LOCAL_DIR ?? DEFAULT_WORKSPACE)),
    { notify: (line) => io.stderr(line), lockWaitMs: lockWaitMs(io.env) },
  );
}

/** A seed only applies to a state directory without emulator state; say so rather than ignore it silently. */
function seedIgnored(workspace: Workspace, seed: string | undefined, notify: (line: string) => void) {
  if (seed !== undefined)
    notify(`ros-sso: ${workspace.dir} already holds emulator state, so --seed ${seed} is not used\n`);
}

/** The emulator state, seeded first if the workspace has none; the caller holds the lock. */
async function seededState(workspace: Workspace, seed?: string, notify: (line: string) => void = () => {}) {
  const existing = workspace.loadEmulator();
  if (existing) {
    seedIgnored(workspace, seed, notify);
    return existing;
  }
  const session = await openSession({ seed, emit: () => {} });
  const snapshot = session.emulator.snapshot();
  await session.close();
  workspace.saveEmulator(snapshot);
  return snapshot;
}

/** Seeds the workspace's emulator state if it has none yet; returns the state. */
export function ensureEmulatorState(workspace: Workspace, seed?: string) {
  return workspace.exclusive('local state', () => seededState(workspace, seed));
}

const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'DELETE_COMPLETE']);

/** `local deploy|update TEMPLATE --stack NAME`, `local delete NAME`: one stack operation on the persisted emulator. */
export async function runStackCommand(
  kind: 'deploy' | 'update' | 'delete',
  argv: readonly string[],
  io: Io,
): Promise<ExitCode> {
  const { values, positionals } = parse(kind, argv, {
    ...STATE_OPTIONS,
    ...FAULT_OPTIONS,
    ...(kind === 'delete'
      ? {}
      : { stack: { type: 'string' }, parameter: { type: 'string', multiple: true, short: 'p' } }),
    ...(kind === 'update' ? { replacement: { type: 'boolean' } } : {}),
  });
  const workspace = workspaceFor(io, values['state-dir']);
  const name = kind === 'delete' ? positionals[0] : (values.stack as string | undefined);
  if (!name || !/^[A-Za-z][A-Za-z0-9_-]{0,254}$/.test(name)) {
    throw new LocalUsageError(
      kind === 'delete'
        ? 'usage: ros-sso local delete STACK'
        : `usage: ros-sso local ${kind} TEMPLATE --stack NAME [--parameter K=V ...]`,
    );
  }
  let templateText: string | undefined;
  const file = positionals[0];
  let cliParameters: Record<string, string>;
  try {
    cliParameters = parseParameterArgs((values.parameter as string[] | undefined) ?? []);
  } catch (err) {
    throw new LocalUsageError((err as Error).message);
  }
  if (kind !== 'delete') {
    if (!file) throw new LocalUsageError(`usage: ros-sso local ${kind} TEMPLATE --stack NAME`);
    templateText = readTemplateArg(io, file);
  }
  const label = kind === 'delete' ? `local delete ${name}` : `local ${kind} --stack ${name}`;
  return workspace.exclusive(label, async () => {
    const existing = workspace.loadStack(name);
    if (kind === 'deploy' && existing)
      throw new LocalUsageError(
        `stack ${name} exists (${existing.status}); use local update, or local delete first`,
      );
    if (kind !== 'deploy' && !existing)
      throw new LocalUsageError(`no local stack ${name}; see ros-sso local state`);
    let input: StackInput | undefined;
    if (templateText !== undefined && file !== undefined) {
      const given = kind === 'update' && existing ? { ...existing.parameters } : {};
      Object.assign(given, cliParameters);
      input = {
        name,
        templateFile: relative(io.cwd, resolve(io.cwd, file)),
        templateText,
        parameters: given,
        replacement: Boolean(values.replacement),
      };
    }
    return runLocked(kind, existing, input, workspace, values, io);
  });
}

/** The stack operation itself, under the state directory's lock: load, run, save. */
async function runLocked(
  kind: 'deploy' | 'update' | 'delete',
  existing: StackRecord | undefined,
  input: StackInput | undefined,
  workspace: Workspace,
  values: ParsedArgs['values'],
  io: Io,
): Promise<0 | 1> {
  const printer = createEventPrinter(io.stdout, Boolean(io.isTTY));
  const restore = workspace.loadEmulator();
  if (restore) seedIgnored(workspace, values.seed as string | undefined, io.stderr);
  const session = await openSession({
    restore,
    seed: values.seed as string | undefined,
    faults: values.faults as string | undefined,
    handlerLog: join(workspace.dir, 'handler.log'),
    emit: printer.sink,
  });
  // On a terminal, say what will happen to RAM users before it does (issue 14).
  if (io.isTTY) io.stdout(planPreamble(existing, input, session.emulator.snapshot()));
  let record: StackRecord;
  try {
    if (kind === 'deploy') record = await createStack(input as StackInput, session.deps);
    else if (kind === 'update')
      record = await updateStack(existing as StackRecord, input as StackInput, session.deps);
    else record = await deleteStack(existing as StackRecord, session.deps);
  } catch (err) {
    if (err instanceof TemplateError || err instanceof ParameterError) {
      io.stderr(`ros-sso: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    printer.stop();
    try {
      workspace.saveEmulator(session.emulator.snapshot());
    } finally {
      await session.close();
    }
  }
  if (record.status === 'DELETE_COMPLETE') workspace.removeStack(record.name);
  else {
    workspace.saveStack(record);
    for (const [key, value] of Object.entries(record.outputs))
      io.stdout(`Output ${key} = ${JSON.stringify(value)}\n`);
  }
  return SUCCESS.has(record.status) ? 0 : 1;
}

/** `local state [--stack NAME] [--format text|json]` */
export async function runState(argv: readonly string[], io: Io): Promise<0 | 2> {
  const { values } = parse('state', argv, {
    ...STATE_OPTIONS,
    stack: { type: 'string' },
    format: { type: 'string', short: 'f' },
  });
  if (values.format !== undefined && values.format !== 'text' && values.format !== 'json')
    throw new LocalUsageError('--format takes text or json');
  const workspace = workspaceFor(io, values['state-dir']);
  // Under the lock, so that the emulator and the stacks shown are from the same moment.
  const { snapshot, stacks } = await workspace.exclusive('local state', async () => ({
    snapshot: await seededState(workspace, values.seed as string | undefined, io.stderr),
    stacks: workspace.listStacks().filter((s) => !values.stack || s.name === values.stack),
  }));
  if (values.stack && !stacks.length) throw new LocalUsageError(`no local stack ${String(values.stack)}`);
  const view = stateView(snapshot, stacks);
  if (values.format === 'json')
    io.stdout(`${JSON.stringify(values.stack ? { stacks: view.stacks } : view, null, 2)}\n`);
  else io.stdout(renderStateText(view));
  return 0;
}
