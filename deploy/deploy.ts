import { formatBytes } from './code-package';
import { DeployError, FcError } from './errors';
import type { FcApi, FunctionConfig, FunctionInfo } from './fc-client';

/** What to deploy: the full configuration for a create, only what was asked for in an update. */
export interface DeployPlan {
  region: string;
  functionName: string;
  create: FunctionConfig;
  update: FunctionConfig;
  zip: Buffer;
}

export interface DeployResult {
  action: 'created' | 'updated';
  function: FunctionInfo;
  /** For an update: what differs from the function as it was ("timeout 60 → 120 s"). */
  changes: string[];
  elapsedMs: number;
}

/** One line per step on the operator's terminal. */
export interface Progress {
  step(text: string): void;
  note(text: string): void;
}

export interface DeployDeps {
  api: FcApi;
  progress: Progress;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** How long a Pending function or an InProgress update may take before we give up. */
  readyTimeoutMs: number;
  pollMs: number;
}

const isNotFound = (err: unknown) => err instanceof FcError && err.kind === 'notFound';
const isAlreadyThere = (err: unknown) => err instanceof FcError && err.kind === 'alreadyExists';

function describeConfig(config: FunctionConfig, zip: Buffer): string {
  return [
    `${config.runtime}, ${config.handler}`,
    ...(config.memorySize === undefined ? [] : [`${config.memorySize} MB`]),
    ...(config.cpu === undefined ? [] : [`${config.cpu} vCPU`]),
    ...(config.timeout === undefined ? [] : [`${config.timeout} s`]),
    `code ${formatBytes(zip.length)}`,
  ].join(', ');
}

/** The requested settings that differ from the function's current ones, for the progress line. */
export function describeChanges(current: FunctionInfo, wanted: FunctionConfig): string[] {
  const changes: string[] = [];
  const compare = (
    name: string,
    from: string | number | undefined,
    to: string | number | undefined,
    unit = '',
  ) => {
    if (to !== undefined && from !== to)
      changes.push(`${name} ${String(from ?? 'unset')} → ${String(to)}${unit}`);
  };
  compare('runtime', current.runtime, wanted.runtime);
  compare('handler', current.handler, wanted.handler);
  compare('role', current.role, wanted.role);
  compare('memory', current.memorySize, wanted.memorySize, ' MB');
  compare('cpu', current.cpu, wanted.cpu, ' vCPU');
  compare('timeout', current.timeout, wanted.timeout, ' s');
  const log = (l: { project?: string; logstore?: string } | undefined) =>
    l?.project ? `${l.project}/${l.logstore ?? ''}` : undefined;
  compare('logs', log(current.logConfig), log(wanted.logConfig));
  return changes;
}

const isPending = (f: FunctionInfo) => f.state === 'Pending' || f.lastUpdateStatus === 'InProgress';

function failIfBroken(f: FunctionInfo, name: string): void {
  if (f.state === 'Failed' || f.lastUpdateStatus === 'Failed') {
    const reason = f.lastUpdateStatusReason ?? f.stateReason ?? 'no reason given';
    throw new DeployError(
      `FC could not make ${name} ready (state ${f.state ?? '?'}, last update ${f.lastUpdateStatus ?? '?'}): ${reason}; fix the cause and run again`,
      'function-failed',
    );
  }
}

/**
 * FC 3.0 may answer a create or update before the function can run (state Pending, last update
 * InProgress); a ServiceToken handed to ROS then fails its first invocation, so wait it out.
 */
async function waitUntilReady(name: string, info: FunctionInfo, deps: DeployDeps): Promise<FunctionInfo> {
  failIfBroken(info, name);
  if (!isPending(info)) return info;
  deps.progress.step(
    `waiting for ${name} to become Active (state ${info.state ?? '?'}, update ${info.lastUpdateStatus ?? '?'})`,
  );
  const giveUpAt = deps.now() + deps.readyTimeoutMs;
  let current = info;
  while (isPending(current)) {
    if (deps.now() >= giveUpAt)
      throw new DeployError(
        `${name} is still ${current.state ?? '?'} (update ${current.lastUpdateStatus ?? '?'}) after ` +
          `${Math.round(deps.readyTimeoutMs / 1000)} s; check it in the FC console, then run again`,
        'function-not-ready',
      );
    await deps.sleep(deps.pollMs);
    current = { ...current, ...(await deps.api.getFunction(name)) };
    failIfBroken(current, name);
  }
  return current;
}

/**
 * Create-or-update: GetFunction; FunctionNotFound → CreateFunction, else UpdateFunction with the
 * code and the requested settings. A create that finds the function already there (a concurrent
 * run, or a retried create whose first try succeeded) becomes an update, so every run converges.
 */
export async function deployFunction(plan: DeployPlan, deps: DeployDeps): Promise<DeployResult> {
  const { api, progress } = deps;
  const name = plan.functionName;
  const started = deps.now();
  progress.step(`checking function ${name} in ${plan.region}`);
  let current: FunctionInfo | undefined;
  try {
    current = await api.getFunction(name);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }

  let created: FunctionInfo | undefined;
  if (current === undefined) {
    progress.step(`creating ${name} (${describeConfig(plan.create, plan.zip)})`);
    if (plan.create.role === undefined)
      progress.note(
        'no --role: FC gives the function no credentials; the handlers then need ALIBABA_CLOUD_* variables',
      );
    try {
      created = await api.createFunction(plan.create, plan.zip);
    } catch (err) {
      if (!isAlreadyThere(err)) throw err;
      progress.note(`${name} appeared meanwhile; updating it instead`);
      current = await api.getFunction(name);
    }
  }
  if (created !== undefined) {
    const ready = await waitUntilReady(name, created, deps);
    return { action: 'created', function: ready, changes: [], elapsedMs: deps.now() - started };
  }

  const before = current ?? {};
  const changes = describeChanges(before, plan.update);
  const what = changes.length === 0 ? 'settings unchanged' : changes.join(', ');
  progress.step(`updating ${name} (${what}; code ${formatBytes(plan.zip.length)})`);
  const updated = await api.updateFunction(plan.update, plan.zip);
  const ready = await waitUntilReady(name, { ...before, ...updated }, deps);
  return { action: 'updated', function: ready, changes, elapsedMs: deps.now() - started };
}
