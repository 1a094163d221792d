import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../local/main';
import { ROOT, runCli, workspace } from '../support/cli';

// `ros-sso local plan` conventions, and the plan that local deploy|update|delete print first on a terminal.

const NATIVE = join(ROOT, 'templates', 'cloudsso-user-provision.yaml');

function world() {
  const dir = workspace({});
  const cli = (...args: string[]) => runCli(['local', ...args, '--state-dir', dir], dir);
  const state = JSON.parse(cli('state', '--format', 'json').stdout) as {
    directories: Array<{ directoryId: string; groups: Array<{ groupId: string }> }>;
  };
  const d = state.directories[0];
  const params = [
    '-p',
    `DirectoryId=${d?.directoryId}`,
    '-p',
    `PrincipalId=${d?.groups[0]?.groupId}`,
    '-p',
    'TargetId=1000000000000002',
    '-p',
    'DeletionStrategy=Delete',
  ];
  return { dir, cli, params };
}

describe('ros-sso local plan', () => {
  it('markdown for a pull request, and --fail-on delete exits 1 only when a delete is planned', () => {
    const w = world();
    const create = w.cli(
      'plan',
      NATIVE,
      '--stack',
      's',
      ...w.params,
      '--format',
      'markdown',
      '--fail-on',
      'delete',
    );
    expect(create.code, create.stderr).toBe(0);
    expect(create.stdout).toContain(
      '**this change creates the renamed bob_sso in account prod (1000000000000002); creates alice in account prod (1000000000000002)**',
    );
    expect(w.cli('deploy', NATIVE, '--stack', 's', ...w.params).code).toBe(0);
    const gone = w.cli('plan', '--delete', 's', '--fail-on', 'take-over,delete');
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain(
      'Plan: this change deletes alice and bob_sso from account prod (1000000000000002)',
    );
  });

  it('usage errors are one line with exit 2', () => {
    const w = world();
    for (const args of [
      ['plan'],
      ['plan', '--delete', 'nope'],
      ['plan', NATIVE, '--stack', 's', '--format', 'yaml'],
      ['plan', NATIVE, '--stack', 's', '-p', 'Nope=1'],
    ]) {
      const r = w.cli(...args);
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(w.cli('plan', '--help').stdout).toContain('Usage: ros-sso local plan');
  });

  it('a mapping parameter value is compared with AllowedValues as JSON, not as [object Object]', () => {
    const dir = workspace({
      't.yaml': `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  Settings: {Type: Json, Default: {mode: fast}, AllowedValues: [{mode: slow}]}
Resources:
  Handle: {Type: ALIYUN::ROS::WaitConditionHandle}
`,
    });
    const r = runCli(['local', 'plan', join(dir, 't.yaml'), '--stack', 's', '--state-dir', dir], dir);
    expect(r.code, r.stdout).toBe(2);
    expect(r.stderr.trim()).toBe(
      'ros-sso: parameter Settings: {"mode":"fast"} is not one of {"mode":"slow"}',
    );
  });

  it('local deploy and delete print the plan first on a terminal, not in a pipe', async () => {
    const w = world();
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: () => {}, cwd: w.dir, env: {}, isTTY: true };
    expect(
      await main(['local', 'deploy', NATIVE, '--stack', 's', ...w.params, '--state-dir', w.dir], io),
    ).toBe(0);
    expect(out.join('')).toMatch(/^Plan: this change creates the renamed bob_sso/);
    out.length = 0;
    expect(await main(['local', 'delete', 's', '--state-dir', w.dir], io)).toBe(0);
    expect(out.join('')).toMatch(/^Plan: this change deletes alice and bob_sso/);
    const piped = w.cli('deploy', NATIVE, '--stack', 't', ...w.params);
    expect(piped.stdout).not.toContain('Plan:');
  });
});
