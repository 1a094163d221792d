import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedTypeNames, readIndex } from '../../../schemas/type-cache';
import { BIN, ROOT } from '../../support/cli';
import { type FakeRos, startFakeRos } from './fake-ros';
import { TYPE_NAMES, TYPES } from './fixtures';
import { envFor, tempCache } from './harness';

/** `node bin/ros-sso.js …` without blocking this process, which serves the fake API meanwhile. */
function runBin(args: readonly string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let fake: FakeRos;
beforeAll(async () => {
  fake = await startFakeRos(TYPES);
});
afterAll(() => fake.close());

describe('ros-sso schemas update (child process)', () => {
  it('fetches the selected types through the real CLI and exits 0', async () => {
    const cache = tempCache();
    const r = await runBin(
      ['schemas', 'update', '--types', 'ALIYUN::FC3::*', '--endpoint', fake.endpoint],
      envFor(cache),
    );

    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\[1\/2\] ALIYUN::FC3::\w+\n\[2\/2\] ALIYUN::FC3::\w+\n$/);
    expect(r.stdout).toBe(
      `schemas update: 2 of ${TYPE_NAMES.length} types: 2 fetched, 0 failed\ncache: ${cache} (run unfinished: only some types were selected)\n`,
    );
    expect(cachedTypeNames(cache)).toEqual(['ALIYUN::FC3::Function', 'ALIYUN::FC3::Trigger']);
    expect(readIndex(cache)?.Types).toEqual(TYPE_NAMES);
  });

  it('exits 1 with one line when no access key is set', async () => {
    const r = await runBin(['schemas', 'update', '--endpoint', fake.endpoint], {
      ROS_SSO_SCHEMA_CACHE: tempCache(),
    });

    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ros-sso: schemas update needs an access key: [^\n]+\n$/);
  });

  it('exits 2 on a usage mistake and lists the command in --help', async () => {
    expect((await runBin(['schemas'], {})).code).toBe(2);
    const bad = await runBin(['schemas', 'update', '--bogus'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^ros-sso: schemas update: .*--bogus.* \(see ros-sso schemas update --help\)\n$/,
    );
    expect((await runBin(['--help'], {})).stdout).toContain('schemas update');
    const help = await runBin(['schemas', 'update', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ros-sso schemas update [options]');
  });
});
