import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { acquireStateLock, LOCK_FILE, processStart } from '../../local/state-lock';
import { BIN, ROOT, runCli } from '../support/cli';
import { copyStateDir, deployArgs, runCliAsync, seedStateDir, stateJson } from './state-dir-helpers';

const lockOf = (dir: string) => join(dir, LOCK_FILE);

/** A lock file as another ros-sso process would have written it. */
function writeLock(dir: string, holder: { pid: number; started: string; command: string }) {
  const since = new Date().toISOString();
  writeFileSync(lockOf(dir), JSON.stringify({ ...holder, host: hostname(), since, token: 'test' }));
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('one command at a time per state directory (CLI as child processes)', () => {
  const seed = seedStateDir();

  it('keeps both stacks when two local deploy of different stacks run at once, 20 times over', async () => {
    for (let run = 0; run < 20; run++) {
      const dir = copyStateDir(seed);
      const [a, b] = await Promise.all([
        runCliAsync(deployArgs(seed, 'a', dir)),
        runCliAsync(deployArgs(seed, 'b', dir)),
      ]);
      expect([a.code, b.code], `run ${run}: ${a.stderr}${b.stderr}`).toEqual([0, 0]);
      const state = stateJson(dir);
      expect(state.stacks.map((s: { name: string }) => s.name).sort(), `run ${run}`).toEqual(['a', 'b']);
      expect(state.provisionings.map((p: { target: string }) => p.target).sort(), `run ${run}`).toEqual([
        '1000000000000001',
        '1000000000000002',
      ]);
      const prod = state.accounts.find((x: { name: string }) => x.name === 'prod').ramUsers;
      expect(prod, `run ${run}`).toHaveLength(3);
      // Nothing left behind: no lock, no temporary file.
      expect(readdirSync(dir).sort(), `run ${run}`).toEqual(['emulator.json', 'handler.log', 'stacks']);
      expect(readdirSync(join(dir, 'stacks')).sort(), `run ${run}`).toEqual(['a.json', 'b.json']);
    }
  }, 240_000);

  it('makes a second command wait for a live holder, with a message, then go ahead', async () => {
    const dir = copyStateDir(seed);
    const lock = await acquireStateLock(dir, { command: 'test holder', waitMs: 0, notify: () => {} });
    let saidWaiting: () => void = () => {};
    const toldToWait = new Promise<void>((resolve) => (saidWaiting = resolve));
    const waiting = runCliAsync(deployArgs(seed, 'b', dir), { ROS_SSO_LOCAL_LOCK_WAIT: '60' }, (o) => {
      if (o.stderr.includes('waiting for')) saidWaiting();
    });
    await toldToWait;
    await sleep(300);
    expect(existsSync(join(dir, 'stacks', 'b.json'))).toBe(false);
    lock.release();
    const done = await waiting;
    expect(done.code).toBe(0);
    expect(done.stderr).toContain(
      `ros-sso: waiting for ${dir}, in use by pid ${process.pid} (test holder, since`,
    );
    expect(stateJson(dir).stacks).toHaveLength(1);
  }, 60_000);

  it('fails with one line (exit 1) when the holder is still there after the wait, and changes nothing', async () => {
    const dir = copyStateDir(seed);
    const before = readFileSync(join(dir, 'emulator.json'), 'utf8');
    const lock = await acquireStateLock(dir, {
      command: 'local deploy --stack x',
      waitMs: 0,
      notify: () => {},
    });
    try {
      for (const wait of ['0', '0.3']) {
        const r = await runCliAsync(deployArgs(seed, 'a', dir), { ROS_SSO_LOCAL_LOCK_WAIT: wait });
        expect(r.code, `wait ${wait}`).toBe(1);
        const lines = r.stderr.trim().split('\n');
        expect(lines, `wait ${wait}`).toHaveLength(wait === '0' ? 1 : 2);
        expect(lines.at(-1)).toMatch(
          new RegExp(
            `^ros-sso: .* is in use by pid ${process.pid} \\(local deploy --stack x, since .*\\); gave up after \\d+ s`,
          ),
        );
      }
      expect(readFileSync(join(dir, 'emulator.json'), 'utf8')).toBe(before);
      expect(readdirSync(join(dir, 'stacks'))).toEqual([]);
      expect(existsSync(lockOf(dir))).toBe(true);
    } finally {
      lock.release();
    }
    expect(existsSync(lockOf(dir))).toBe(false);
  }, 60_000);

  it('takes over the lock of a process that is gone, and of a pid that now belongs to another process', () => {
    const dir = copyStateDir(seed);
    const pid = deadPid();
    writeLock(dir, { pid, started: processStart(pid) ?? '', command: 'local deploy --stack ghost' });
    const r = runCli(['local', 'state', '--state-dir', dir], ROOT, { ROS_SSO_LOCAL_LOCK_WAIT: '5' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `ros-sso: took over the lock of pid ${pid} (local deploy --stack ghost, since`,
    );
    expect(existsSync(lockOf(dir))).toBe(false);

    // This test's own pid is alive, but recorded with another start time it is somebody else's lock.
    const ownStart = processStart(process.pid);
    writeLock(dir, { pid: process.pid, started: 'another-boot:1', command: 'local delete old' });
    const reused = runCli(['local', 'state', '--state-dir', dir], ROOT, { ROS_SSO_LOCAL_LOCK_WAIT: '0' });
    if (ownStart !== undefined) {
      expect(reused.code).toBe(0);
      expect(reused.stderr).toContain(`took over the lock of pid ${process.pid} (local delete old`);
    } else {
      // Without /proc the start time cannot be checked: a live pid is waited for, never taken over.
      expect(reused.code).toBe(1);
      expect(reused.stderr).toContain('is in use by');
    }
  }, 60_000);

  it('lets exactly one of three concurrent commands take over a stale lock, and all three keep their stacks', async () => {
    const dir = copyStateDir(seed);
    writeLock(dir, { pid: deadPid(), started: '', command: 'local deploy --stack ghost' });
    const results = await Promise.all(
      (['a', 'b', 'c'] as const).map((stack) => runCliAsync(deployArgs(seed, stack, dir))),
    );
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    const takeovers = results.filter((r) => r.stderr.includes('took over the lock of pid'));
    expect(takeovers).toHaveLength(1);
    const state = stateJson(dir);
    expect(state.stacks.map((s: { name: string }) => s.name).sort()).toEqual(['a', 'b', 'c']);
    expect(state.provisionings).toHaveLength(3);
  }, 60_000);

  it('recovers after a command is killed mid-deploy: the lock is taken over, every file still whole', async () => {
    const dir = copyStateDir(seed);
    const child = spawn(process.execPath, [BIN, ...deployArgs(seed, 'a', dir), '--faults', 'latency=3000'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    // Each emulator call now takes 3 s: once the resource is in progress, the deploy is mid-call.
    await new Promise<void>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('CREATE_IN_PROGRESS')) resolve();
      });
    });
    expect(existsSync(lockOf(dir))).toBe(true);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(lockOf(dir))).toBe(true);
    const r = runCli(['local', 'state', '--format', 'json', '--state-dir', dir], ROOT, {
      ROS_SSO_LOCAL_LOCK_WAIT: '5',
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`took over the lock of pid ${child.pid} (local deploy --stack a`);
    expect(JSON.parse(r.stdout).stacks).toEqual([]);
    const deployed = runCli(deployArgs(seed, 'a', dir));
    expect(deployed.code).toBe(0);
  }, 60_000);

  it('refuses a lock file it cannot read with one line naming it, and does not delete it', () => {
    const dir = copyStateDir(seed);
    writeFileSync(lockOf(dir), 'not json');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockOf(dir), old, old);
    const r = runCli(['local', 'state', '--state-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `ros-sso: ${lockOf(dir)} is not a lock ros-sso can read; if no ros-sso local command is using ${dir}, delete it\n`,
    );
    expect(readFileSync(lockOf(dir), 'utf8')).toBe('not json');
  });
});
