import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, workspace } from '../support/cli';
import { CLOUDSSO, callSdk } from './emulator/sdk';

const TEMPLATES = join(ROOT, 'templates');

describe('ros-sso local (child process)', () => {
  it('persists stacks and emulator state between commands in --state-dir', () => {
    const dir = workspace({});
    const state = () => JSON.parse(runCli(['local', 'state', '--format', 'json', '--state-dir', dir]).stdout);
    const seeded = state();
    const directory = seeded.directories[0];
    const engineers = directory.groups.find(
      (g: { groupName: string }) => g.groupName === 'engineers',
    ).groupId;
    const deploy = runCli([
      'local',
      'deploy',
      join(TEMPLATES, 'cloudsso-user-provision.yaml'),
      '--stack',
      'prod-sso',
      '--state-dir',
      dir,
      '-p',
      `DirectoryId=${directory.directoryId}`,
      '-p',
      `PrincipalId=${engineers}`,
      '-p',
      'TargetId=1000000000000002',
      '-p',
      'DeletionStrategy=Delete',
    ]);
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toMatch(/CREATE_COMPLETE\s+UserProvision\s+ALIYUN::CloudSSO::UserProvision\s+up-/);
    const prod = () => state().accounts.find((a: { name: string }) => a.name === 'prod').ramUsers;
    expect(prod()).toHaveLength(3);
    expect(state().stacks).toEqual([
      expect.objectContaining({ name: 'prod-sso', status: 'CREATE_COMPLETE' }),
    ]);

    const refused = runCli([
      'local',
      'update',
      join(TEMPLATES, 'cloudsso-user-provision.yaml'),
      '--stack',
      'prod-sso',
      '--state-dir',
      dir,
      '-p',
      'TargetId=1000000000000001',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('UPDATE_ROLLBACK_COMPLETE');
    const replaced = runCli([
      'local',
      'update',
      join(TEMPLATES, 'cloudsso-user-provision.yaml'),
      '--stack',
      'prod-sso',
      '--state-dir',
      dir,
      '-p',
      'TargetId=1000000000000001',
      '--replacement',
    ]);
    expect(replaced.code).toBe(0);
    expect(prod()).toEqual(['bob']);
    expect(state().accounts.find((a: { name: string }) => a.name === 'dev').ramUsers).toHaveLength(2);

    const text = runCli(['local', 'state', '--state-dir', dir]).stdout;
    expect(text).toMatch(/Local stacks\n {2}prod-sso +UPDATE_COMPLETE/);
    expect(runCli(['local', 'delete', 'prod-sso', '--state-dir', dir]).code).toBe(0);
    expect(state().stacks).toEqual([]);
  });

  it('exits 2 with a one-line hint on usage errors', () => {
    const dir = workspace({});
    for (const args of [
      ['local', 'deploy', 'x.yaml'],
      ['local', 'delete', 'nope'],
      ['local', 'frob'],
      ['local', 'deploy', 'missing.yaml', '--stack', 's'],
    ]) {
      const r = runCli([...args, '--state-dir', dir]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('serves the emulator for any SDK client and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'local', 'serve'], { cwd: ROOT });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const info = JSON.parse(line);
    expect(Object.keys(info)).toEqual(['endpoint', 'accessKeyId', 'accessKeySecret', 'directoryId']);
    const host = info.endpoint.replace('http://', '');
    const reply = await callSdk(
      { host, accessKeyId: info.accessKeyId, accessKeySecret: info.accessKeySecret },
      CLOUDSSO,
      'GetDirectory',
      { DirectoryId: info.directoryId },
    );
    expect(reply.body.Directory).toMatchObject({ DirectoryId: info.directoryId });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('runs the main job (npm start) end to end and says every step behaved', () => {
    const r = runCli(['local', 'demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dev +1000000000000001: before \[—\] +deployed \[alice\] +after \[alice\]/);
    expect(r.stdout).toMatch(
      /prod +1000000000000002: before \[bob\] +deployed \[bob, alice, bob_sso\] +after \[bob\]/,
    );
    expect(r.stdout).toContain('✔ every step behaved as expected');
  });
});
