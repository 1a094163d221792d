import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * One writer at a time per state directory. The lock is the file `<dir>/lock`, created atomically
 * (a complete temporary file hard-linked into place, which fails if the name exists) and naming its
 * holder: pid, host, and on Linux the boot id and the process's start time, so that a lock left by
 * a process that died, or whose pid now belongs to another process, is recognised as stale and
 * taken over. A live holder is waited for, up to a bound, then the command fails with one line.
 */
export const LOCK_FILE = 'lock';

export interface LockHolder {
  pid: number;
  host: string;
  /** `<boot id>:<start time in clock ticks>` from /proc on Linux; '' where that cannot be read. */
  started: string;
  /** What holds it, for people: `local deploy --stack a`. */
  command: string;
  /** ISO time it was taken. */
  since: string;
  /** Tells this acquisition from any other by the same process. */
  token: string;
}

/** The lock could not be had: one line for the user, exit 1. */
export class StateLockError extends Error {}

export interface LockOptions {
  command: string;
  /** How long to wait for a live holder; 0 fails at once. */
  waitMs: number;
  /** Receives whole lines (waiting, recovered a stale lock). */
  notify(line: string): void;
}

export interface StateLock {
  release(): void;
}

/** The identity of a running process that survives pid reuse and reboots; undefined where /proc is absent. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); counting from the field after "(comm)", which may itself hold spaces.
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    if (ticks === undefined || !/^\d+$/.test(ticks)) return undefined;
    let boot = '';
    try {
      boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      // Without a boot id the start time alone still tells a reused pid apart.
    }
    return `${boot}:${ticks}`;
  } catch {
    return undefined;
  }
}

function errno(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

/** Creates `path` holding `content` only if it does not exist; false if it does. */
function createExclusive(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, content);
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if (errno(err) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(errno(err))) throw err;
    // A file system without hard links: exclusive create, whose content appears a moment later.
    try {
      writeFileSync(path, content, { flag: 'wx' });
      return true;
    } catch (inner) {
      if (errno(inner) === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
}

type Read = LockHolder | 'absent' | 'unreadable';

function readHolder(path: string): Read {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return errno(err) === 'ENOENT' ? 'absent' : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    const ok =
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.started === 'string' &&
      typeof value.command === 'string' &&
      typeof value.since === 'string' &&
      typeof value.token === 'string';
    return ok ? (value as LockHolder) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** 'elsewhere': another host's process, which this one cannot see. */
function holderState(holder: LockHolder): 'alive' | 'dead' | 'elsewhere' {
  if (holder.host !== hostname()) return 'elsewhere';
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    if (errno(err) === 'ESRCH') return 'dead';
  }
  if (holder.started === '') return 'alive';
  const now = processStart(holder.pid);
  return now !== undefined && now !== holder.started ? 'dead' : 'alive';
}

function removeIfStill(path: string, token: string): boolean {
  const current = readHolder(path);
  if (typeof current !== 'object' || current.token !== token) return false;
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock. Two processes may judge the same lock stale at once; without care the
 * slower one would delete the lock the faster one has just taken. So the removal happens under a
 * second, short-lived lock (`lock.break`), and only if `lock` still holds the very holder judged
 * dead. A `lock.break` whose own holder died (a crash within those few microseconds) is removed.
 */
function breakStale(path: string, stale: LockHolder, me: LockHolder): boolean {
  const guard = `${path}.break`;
  if (!createExclusive(guard, JSON.stringify(me))) {
    const other = readHolder(guard);
    if (typeof other === 'object' && holderState(other) === 'dead') removeIfStill(guard, other.token);
    return false;
  }
  try {
    return removeIfStill(path, stale.token);
  } finally {
    removeIfStill(guard, me.token);
  }
}

function describe(holder: LockHolder): string {
  const host = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return `pid ${holder.pid}${host} (${holder.command}, since ${holder.since})`;
}

/** Takes the lock of `dir`, waiting for a live holder up to `options.waitMs`. */
export async function acquireStateLock(dir: string, options: LockOptions): Promise<StateLock> {
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started: processStart(process.pid) ?? '',
    command: options.command,
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    try {
      if (createExclusive(path, JSON.stringify(me))) return heldLock(path, me);
    } catch (err) {
      throw new StateLockError(`cannot create ${path} (${errno(err)})`);
    }
    const holder = readHolder(path);
    if (holder === 'absent') continue;
    const state = typeof holder === 'object' ? holderState(holder) : undefined;
    if (typeof holder === 'object' && state === 'dead' && breakStale(path, holder, me)) {
      options.notify(`ros-sso: took over the lock of ${describe(holder)}, which is no longer running\n`);
      continue;
    }
    if (holder === 'unreadable' && Date.now() - mtime(path) > 5_000) {
      throw new StateLockError(
        `${path} is not a lock ros-sso can read; if no ros-sso local command is using ${dir}, delete it`,
      );
    }
    if (Date.now() >= deadline) throw new StateLockError(busyMessage(dir, path, holder, state, options));
    if (!told && typeof holder === 'object' && state !== 'dead') {
      options.notify(
        `ros-sso: waiting for ${dir}, in use by ${describe(holder)}; up to ${Math.round(options.waitMs / 1000)} s\n`,
      );
      told = true;
    }
    await sleep(50 + Math.floor(Math.random() * 100));
  }
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

function busyMessage(
  dir: string,
  path: string,
  holder: LockHolder | 'unreadable',
  state: ReturnType<typeof holderState> | undefined,
  options: LockOptions,
): string {
  const who = typeof holder === 'object' ? describe(holder) : 'a command that is writing its lock';
  // Only where the holder's identity could not be checked is deleting the lock worth suggesting.
  const unsure =
    state === 'elsewhere' || (typeof holder === 'object' && holder.started === '')
      ? `; if that command is no longer running, delete ${path}`
      : '';
  return `${dir} is in use by ${who}; gave up after ${Math.round(options.waitMs / 1000)} s (ROS_SSO_LOCAL_LOCK_WAIT sets the wait)${unsure}`;
}

function heldLock(path: string, me: LockHolder): StateLock {
  // A process that ends without releasing (process.exit) still removes its lock; a killed one
  // leaves it behind, and the next command recognises it as stale.
  const onExit = () => removeIfStill(path, me.token);
  process.once('exit', onExit);
  return {
    release() {
      process.off('exit', onExit);
      removeIfStill(path, me.token);
    },
  };
}
