import { spawn } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, type CliResult, ROOT, runCli } from '../support/cli';
import { provisionTemplate } from './local-fixture';
import { tempDir } from '../support/temp';

/**
 * `node bin/ros-sso.js …` as a child that runs alongside others (runCli waits for each in turn);
 * `watch` sees its output so far whenever more arrives.
 */
export function runCliAsync(
  args: readonly string[],
  env: Record<string, string> = {},
  watch: (output: { stdout: string; stderr: string }) => void = () => {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      watch({ stdout, stderr });
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      watch({ stdout, stderr });
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface SeededState {
  /** A state directory holding only a freshly seeded emulator.json. */
  dir: string;
  directoryId: string;
  aliceId: string;
  engineersId: string;
  /** The two templates the tests deploy: the real handler (custom) and the native type. */
  customTemplate: string;
  nativeTemplate: string;
}

/** Seeds one state directory through the CLI and writes the test templates beside it. */
export function seedStateDir(): SeededState {
  const dir = tempDir('ros-sso-state-');
  const shown = runCli(['local', 'state', '--format', 'json', '--state-dir', dir]);
  if (shown.code !== 0) throw new Error(`local state failed: ${shown.stderr}`);
  const view = JSON.parse(shown.stdout);
  const directory = view.directories[0];
  const files = tempDir('ros-sso-templates-');
  const customTemplate = join(files, 'custom.yaml');
  const nativeTemplate = join(files, 'native.yaml');
  writeFileSync(customTemplate, provisionTemplate({ custom: true }));
  writeFileSync(nativeTemplate, provisionTemplate({ custom: false }));
  return {
    dir,
    directoryId: directory.directoryId,
    aliceId: directory.users.find((u: { userName: string }) => u.userName === 'alice').userId,
    engineersId: directory.groups.find((g: { groupName: string }) => g.groupName === 'engineers').groupId,
    customTemplate,
    nativeTemplate,
  };
}

/** A new state directory starting from the same emulator state as `seed`. */
export function copyStateDir(seed: SeededState): string {
  const dir = tempDir('ros-sso-state-');
  cpSync(join(seed.dir, 'emulator.json'), join(dir, 'emulator.json'));
  return dir;
}

/**
 * `local deploy` arguments: stack a = alice → dev through the real handler; b = group engineers →
 * prod and c = alice → prod, both native.
 */
export function deployArgs(seed: SeededState, stack: 'a' | 'b' | 'c', dir: string): string[] {
  const target = { a: '1000000000000001', b: '1000000000000002', c: '1000000000000002' }[stack];
  const principal =
    stack === 'b'
      ? ['-p', `PrincipalId=${seed.engineersId}`, '-p', 'PrincipalType=Group']
      : ['-p', `PrincipalId=${seed.aliceId}`];
  const template = stack === 'a' ? seed.customTemplate : seed.nativeTemplate;
  return ['local', 'deploy', template, '--stack', stack, '--state-dir', dir]
    .concat(['-p', `DirectoryId=${seed.directoryId}`, '-p', `TargetId=${target}`])
    .concat(principal);
}

export function stateJson(dir: string) {
  const shown = runCli(['local', 'state', '--format', 'json', '--state-dir', dir]);
  if (shown.code !== 0) throw new Error(`local state failed: ${shown.stderr}`);
  return JSON.parse(shown.stdout);
}
