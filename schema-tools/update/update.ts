import {
  type CacheIndex,
  isCacheableType,
  readCachedType,
  readIndex,
  writeCachedType,
  writeIndex,
} from '../../schemas/type-cache';
import type { RetryPolicy } from '../../sdk/retry';
import { type Clock, ThrottleGate, withBackoff } from './backoff';
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

/**
 * ListResourceTypes, then GetResourceType for each selected type with a few workers, saving each
 * answer as it arrives; types a recent unfinished run already fetched are skipped unless forced.
 */
export async function updateSchemas(options: UpdateOptions, deps: UpdateDeps): Promise<UpdateResult> {
  const { dir, region } = options;
  const { client, clock, progress } = deps;
  const result: UpdateResult = {
    listed: 0,
    selected: 0,
    fetched: 0,
    skipped: 0,
    failed: [],
    notAttempted: 0,
    completed: false,
  };
  const gate = new ThrottleGate(clock);
  const retry = { policy: options.policy, clock, gate };

  let listed: string[];
  try {
    listed = await withBackoff('ListResourceTypes', () => client.listResourceTypes(), {
      ...retry,
      onRetry: (err, _retry, delayMs) => progress.retrying('ListResourceTypes', err.code, delayMs),
    });
  } catch (err) {
    return { ...result, stopped: fatalLine(toRosCallError(err, 'ListResourceTypes')) };
  }
  const selected = listed.filter((type) => options.matches(type));
  Object.assign(result, { listed: listed.length, selected: selected.length });
  if (selected.length === 0)
    return { ...result, stopped: `no listed resource type matches --types (${listed.length} listed)` };

  const previous = readIndex(dir);
  const now = clock.now();
  const resumable =
    !options.force &&
    previous !== undefined &&
    previous.CompletedAt === undefined &&
    previous.Region === region &&
    now - Date.parse(previous.StartedAt) < RESUME_WINDOW_MS;
  const startedAt = resumable ? previous.StartedAt : new Date(now).toISOString();
  const isCurrent = (type: string) => {
    const cached = readCachedType(dir, type);
    return cached !== undefined && Date.parse(cached.FetchedAt) >= Date.parse(startedAt);
  };
  const todo = resumable ? selected.filter((type) => !isCurrent(type)) : selected;
  result.skipped = selected.length - todo.length;
  if (resumable) result.resumed = startedAt;

  const index: CacheIndex = { Region: region, StartedAt: startedAt, Types: listed };
  try {
    writeIndex(dir, index);
  } catch (err) {
    return { ...result, stopped: `cannot write the cache in ${dir}: ${errorText(err)}` };
  }
  if (resumable && result.skipped > 0)
    progress.note(
      `resuming the run started ${startedAt}: ${result.skipped} of ${selected.length} types already fetched (--force refetches them)`,
    );

  let next = 0;
  let done = 0;
  let failuresInARow = 0;
  const stop = (reason: string) => {
    result.stopped ??= reason;
  };

  const fail = (type: string, reason: string) => {
    result.failed.push({ type, reason });
    progress.failed(type, reason);
  };

  const fetchAndSave = async (type: string): Promise<void> => {
    if (!isCacheableType(type))
      return fail(type, 'the name cannot be stored in the cache (expected A::B[::C])');
    let definition: TypeDefinition;
    try {
      definition = await withBackoff('GetResourceType', () => client.getResourceType(type), {
        ...retry,
        onRetry: (err, _retry, delayMs) => progress.retrying(type, err.code, delayMs),
      });
    } catch (raw) {
      const err = toRosCallError(raw, 'GetResourceType');
      const reason = describeFailure(err.code, err.httpStatus, err.detail, err.requestId);
      if (err.kind === 'denied' || err.kind === 'credentials') {
        result.failed.push({ type, reason });
        return stop(fatalLine(err));
      }
      fail(type, reason);
      // "Not found" or "invalid" shows the service works; a 5xx or silence does not.
      failuresInARow = err.kind === 'rejected' ? 0 : failuresInARow + 1;
      if (failuresInARow >= MAX_CONSECUTIVE_FAILURES)
        stop(`stopped after ${failuresInARow} types in a row failed; the last: ${reason}`);
      return;
    }
    try {
      writeCachedType(dir, toCachedType(type, definition, region, new Date(clock.now()).toISOString()));
    } catch (err) {
      result.failed.push({ type, reason: `cannot write the cache: ${errorText(err)}` });
      return stop(`cannot write the cache in ${dir}: ${errorText(err)}`);
    }
    result.fetched++;
    failuresInARow = 0;
  };

  const worker = async () => {
    while (result.stopped === undefined && next < todo.length) {
      const type = todo[next++] ?? '';
      await fetchAndSave(type);
      progress.advance(++done, todo.length, type);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, todo.length) }, worker));
  progress.finish();

  result.notAttempted = todo.length - next;
  if (result.stopped === undefined && result.failed.length === 0 && selected.length === listed.length) {
    try {
      writeIndex(dir, { ...index, CompletedAt: new Date(clock.now()).toISOString() });
      result.completed = true;
    } catch (err) {
      result.stopped = `cannot write the cache in ${dir}: ${errorText(err)}`;
    }
  }
  return result;
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
