import {
  type CacheIndex,
  isCacheableType,
  readCachedType,
  readIndex,
  writeCachedType,
  writeIndex,
} from '../../schemas/type-cache';
import type { RetryPolicy } from '../../sdk/retry';
import { type Clock, type RetryContext, ThrottleGate, withBackoff } from './backoff';
import type { RosTypesClient, TypeDefinition } from './client';
import { toCachedType } from './definition';
import { describeFailure, type RosCallError, toRosCallError } from './errors';
import type { Progress } from './progress';

export interface UpdateOptions {
  /** The cache directory (`cacheDir(env)`). */
  dir: string;
  region: string;
  /** Which listed types to fetch; only a run that selects every listed type can complete the index. */
  matches(type: string): boolean;
  force: boolean;
  concurrency: number;
  policy: RetryPolicy;
}

export interface UpdateDeps {
  client: RosTypesClient;
  clock: Clock;
  progress: Progress;
}

export interface UpdateResult {
  /** Names ListResourceTypes returned. */
  listed: number;
  /** Of those, the ones --types selected. */
  selected: number;
  fetched: number;
  /** Already fetched by the unfinished run this one resumed. */
  skipped: number;
  failed: { type: string; reason: string }[];
  /** Selected types never tried because the run stopped. */
  notAttempted: number;
  /** StartedAt of the run this one resumed. */
  resumed?: string;
  /** Why the run stopped early, or could not start; the summary's first line. */
  stopped?: string;
  /** Whether index.json now records a completed run. */
  completed: boolean;
}

/** An unfinished run older than this is not resumed: its files are no fresher than the cache's. */
export const RESUME_WINDOW_MS = 24 * 3600_000;
/** This many failures in a row (after retries) mean the service, not the types, is failing. */
export const MAX_CONSECUTIVE_FAILURES = 5;

type Retry = Omit<RetryContext, 'onRetry'>;

/**
 * ListResourceTypes, then GetResourceType for each selected type with a few workers, saving each
 * answer as it arrives; types a recent unfinished run already fetched are skipped unless forced.
 */
export async function updateSchemas(options: UpdateOptions, deps: UpdateDeps): Promise<UpdateResult> {
  const { dir, region } = options;
  const result: UpdateResult = {
    listed: 0,
    selected: 0,
    fetched: 0,
    skipped: 0,
    failed: [],
    notAttempted: 0,
    completed: false,
  };
  const retry: Retry = { policy: options.policy, clock: deps.clock, gate: new ThrottleGate(deps.clock) };

  const listed = await listTypes(deps, retry);
  if (!Array.isArray(listed)) return { ...result, stopped: listed.stopped };
  const selected = listed.filter((type) => options.matches(type));
  Object.assign(result, { listed: listed.length, selected: selected.length });
  if (selected.length === 0)
    return { ...result, stopped: `no listed resource type matches --types (${listed.length} listed)` };

  const { startedAt, todo, resumable } = resumeOrStart(options, selected, deps.clock.now());
  result.skipped = selected.length - todo.length;
  if (resumable) result.resumed = startedAt;
  const index: CacheIndex = { Region: region, StartedAt: startedAt, Types: listed };
  try {
    writeIndex(dir, index);
  } catch (err) {
    return { ...result, stopped: `cannot write the cache in ${dir}: ${errorText(err)}` };
  }
  if (resumable && result.skipped > 0)
    deps.progress.note(
      `resuming the run started ${startedAt}: ${result.skipped} of ${selected.length} types already fetched (--force refetches them)`,
    );

  result.notAttempted = todo.length - (await new FetchRun(options, deps, retry, result, todo).run());
  // Only a run that fetched every listed type records the cache as complete.
  if (result.stopped === undefined && result.failed.length === 0 && selected.length === listed.length)
    completeIndex(dir, index, deps.clock, result);
  return result;
}

function completeIndex(dir: string, index: CacheIndex, clock: Clock, result: UpdateResult): void {
  try {
    writeIndex(dir, { ...index, CompletedAt: new Date(clock.now()).toISOString() });
    result.completed = true;
  } catch (err) {
    result.stopped = `cannot write the cache in ${dir}: ${errorText(err)}`;
  }
}

/** Every type name the service lists, or why the run cannot start. */
async function listTypes(deps: UpdateDeps, retry: Retry): Promise<string[] | { stopped: string }> {
  try {
    return await withBackoff('ListResourceTypes', () => deps.client.listResourceTypes(), {
      ...retry,
      onRetry: (err, _retry, delayMs) => deps.progress.retrying('ListResourceTypes', err.code, delayMs),
    });
  } catch (err) {
    return { stopped: fatalLine(toRosCallError(err, 'ListResourceTypes')) };
  }
}

/**
 * Resumes a recent unfinished run of the same region (its start stays the run's, and the types it
 * fetched since are left out), unless forced; otherwise a run starts now with every selected type.
 */
function resumeOrStart(
  options: UpdateOptions,
  selected: readonly string[],
  now: number,
): { startedAt: string; todo: readonly string[]; resumable: boolean } {
  const previous = readIndex(options.dir);
  const resumable =
    !options.force &&
    previous !== undefined &&
    previous.CompletedAt === undefined &&
    previous.Region === options.region &&
    now - Date.parse(previous.StartedAt) < RESUME_WINDOW_MS;
  if (!resumable) return { startedAt: new Date(now).toISOString(), todo: selected, resumable };
  const startedAt = previous.StartedAt;
  const isCurrent = (type: string) => {
    const cached = readCachedType(options.dir, type);
    return cached !== undefined && Date.parse(cached.FetchedAt) >= Date.parse(startedAt);
  };
  return { startedAt, todo: selected.filter((type) => !isCurrent(type)), resumable };
}

/** The GetResourceType workers of one run, and what they share: the queue, the result, the failure streak. */
class FetchRun {
  private next = 0;
  private done = 0;
  private failuresInARow = 0;

  constructor(
    private readonly options: UpdateOptions,
    private readonly deps: UpdateDeps,
    private readonly retry: Retry,
    private readonly result: UpdateResult,
    private readonly todo: readonly string[],
  ) {}

  /** Runs the workers until the queue is empty or the run stops; returns how many types were tried. */
  async run(): Promise<number> {
    const worker = async () => {
      while (this.result.stopped === undefined && this.next < this.todo.length) {
        const type = this.todo[this.next++] ?? '';
        await this.fetchAndSave(type);
        this.deps.progress.advance(++this.done, this.todo.length, type);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, this.todo.length) }, worker));
    this.deps.progress.finish();
    return this.next;
  }

  private stop(reason: string): void {
    this.result.stopped ??= reason;
  }

  private fail(type: string, reason: string): void {
    this.result.failed.push({ type, reason });
    this.deps.progress.failed(type, reason);
  }

  private async fetchAndSave(type: string): Promise<void> {
    if (!isCacheableType(type))
      return this.fail(type, 'the name cannot be stored in the cache (expected A::B[::C])');
    let definition: TypeDefinition;
    try {
      definition = await withBackoff('GetResourceType', () => this.deps.client.getResourceType(type), {
        ...this.retry,
        onRetry: (err, _retry, delayMs) => this.deps.progress.retrying(type, err.code, delayMs),
      });
    } catch (raw) {
      return this.failed(type, toRosCallError(raw, 'GetResourceType'));
    }
    const { dir, region } = this.options;
    try {
      writeCachedType(
        dir,
        toCachedType(type, definition, region, new Date(this.deps.clock.now()).toISOString()),
      );
    } catch (err) {
      this.result.failed.push({ type, reason: `cannot write the cache: ${errorText(err)}` });
      return this.stop(`cannot write the cache in ${dir}: ${errorText(err)}`);
    }
    this.result.fetched++;
    this.failuresInARow = 0;
  }

  /** A type the service did not give: the run stops when the key is refused or the service seems down. */
  private failed(type: string, err: RosCallError): void {
    const reason = describeFailure(err.code, err.httpStatus, err.detail, err.requestId);
    if (err.kind === 'denied' || err.kind === 'credentials') {
      this.result.failed.push({ type, reason });
      return this.stop(fatalLine(err));
    }
    this.fail(type, reason);
    // "Not found" or "invalid" shows the service works; a 5xx or silence does not.
    this.failuresInARow = err.kind === 'rejected' ? 0 : this.failuresInARow + 1;
    if (this.failuresInARow >= MAX_CONSECUTIVE_FAILURES)
      this.stop(`stopped after ${this.failuresInARow} types in a row failed; the last: ${reason}`);
  }
}

/** The one line a run-ending failure prints: what was refused and what to do about it. */
function fatalLine(err: RosCallError): string {
  const what = `${err.code}${err.httpStatus === 0 ? '' : `, HTTP ${err.httpStatus}`}`;
  switch (err.kind) {
    case 'denied':
      return `ros:${err.action} denied (${what}): ${err.detail} — the access key needs ros:ListResourceTypes and ros:GetResourceType (e.g. the AliyunROSReadOnlyAccess policy)`;
    case 'credentials':
      return `the access key was refused (${what}): ${err.detail} — check ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN`;
    default:
      return `${err.message}`;
  }
}

function errorText(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}
