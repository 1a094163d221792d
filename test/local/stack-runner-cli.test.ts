import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, workspace } from '../support/cli';

// Issue 11 through `ros-sso local` as a child process: the stack runner, the real handler bundle and
// the emulator, with state persisted between commands as a user would run them.

const TEMPLATES = join(ROOT, 'templates');
const TOKEN = 'ServiceToken=acs:fc:cn-shanghai:1000000000000000:functions/ros-sso';

interface State {
  directories: Array<{ directoryId: string; users: Array<{ userId: string; userName: string }> }>;
  provisionings: Array<{ userProvisioningId: string; principal: string; target: string }>;
  accounts: Array<{
    name: string;
    accountId: string;
    ramUsers: string[];
    oidcProviders: Array<{ clientIds: string[] }>;
  }>;
  stacks: Array<{ name: string; status: string }>;
}

function localWorld(files: Record<string, string> = {}) {
  const dir = workspace(files);
  const cli = (...args: string[]) => runCli(['local', ...args, '--state-dir', dir], dir);
  const state = (): State => JSON.parse(cli('state', '--format', 'json').stdout);
  const seeded = state();
  const directory = seeded.directories[0];
  const account = (name: string) => seeded.accounts.find((a) => a.name === name)?.accountId ?? '';
  const user = (name: string) => directory?.users.find((u) => u.userName === name)?.userId ?? '';
  const clientIds = () => state().accounts.find((a) => a.name === 'management')?.oidcProviders[0]?.clientIds;
  const ramUsers = (name: string) => state().accounts.find((a) => a.name === name)?.ramUsers;
  return { dir, cli, state, directoryId: directory?.directoryId ?? '', account, user, clientIds, ramUsers };
}

type LocalWorld = ReturnType<typeof localWorld>;

function deployAliceToDev(
  w: LocalWorld,
  stack: string,
  template = join(TEMPLATES, 'custom-user-provision.yaml'),
  ...extra: string[]
) {
  return w.cli(
    'deploy',
    template,
    '--stack',
    stack,
    ...extra,
    '-p',
    TOKEN,
    '-p',
    `DirectoryId=${w.directoryId}`,
    '-p',
    `UserId=${w.user('alice')}`,
    '-p',
    `TargetId=${w.account('dev')}`,
    '-p',
    'KeepUsersOnDelete=false',
  );
}

function deployClientId(w: LocalWorld, stack: string, clientId: string) {
  const template = join(TEMPLATES, 'oidc-client-id.yaml');
  return w.cli('deploy', template, '--stack', stack, '-p', TOKEN, '-p', `ClientId=${clientId}`);
}

describe('ros-sso local: two stacks with equal inputs', () => {
  it('share one provisioning, and deleting either leaves the other its provisioning', () => {
    const w = localWorld();
    expect(deployAliceToDev(w, 'first').code).toBe(0);
    const second = deployAliceToDev(w, 'second');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /CREATE_COMPLETE\s+UserProvision\s+Custom::CloudSSOUserProvision\s+adopted:/,
    );
    expect(w.state().provisionings).toHaveLength(1);
    expect(w.cli('delete', 'second').code).toBe(0);
    expect(w.state().provisionings).toHaveLength(1);
    expect(w.ramUsers('dev')).toHaveLength(1);
    expect(w.cli('delete', 'first').code).toBe(0);
    expect(w.state().provisionings).toEqual([]);
    expect(w.ramUsers('dev')).toEqual([]);
  });

  it('share one client ID: the adopter never removes it, its creator does', () => {
    const w = localWorld();
    const deploy = (stack: string) => deployClientId(w, stack, 'shared-ci');
    expect(deploy('web').code).toBe(0);
    expect(deploy('api').stdout).toContain('Output Ownership = "Adopted"');
    expect(w.cli('delete', 'web').code).toBe(0);
    // `web` created it, so its delete removes it; `api` only used it, and its delete leaves the rest.
    expect(w.clientIds()).toEqual(['sts.aliyuncs.com']);
    expect(w.cli('delete', 'api').code).toBe(0);
    expect(w.clientIds()).toEqual(['sts.aliyuncs.com']);
  });

  it('in the other order: deleting the adopter first keeps the client ID for its creator', () => {
    const w = localWorld();
    const deploy = (stack: string) => deployClientId(w, stack, 'shared-ci');
    expect(deploy('web').code).toBe(0);
    expect(deploy('api').code).toBe(0);
    expect(w.cli('delete', 'api').code).toBe(0);
    expect(w.clientIds()).toEqual(['sts.aliyuncs.com', 'shared-ci']);
    expect(w.cli('delete', 'web').code).toBe(0);
    expect(w.clientIds()).toEqual(['sts.aliyuncs.com']);
  });
});

describe('ros-sso local: what existed before the stack survives its delete', () => {
  it('the client ID sts.aliyuncs.com that the provider already had', () => {
    const w = localWorld();
    const deploy = deployClientId(w, 'oidc', 'sts.aliyuncs.com');
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toContain('Output Ownership = "Adopted"');
    // The resource is not named like the ClientId parameter, and both outputs still read it.
    expect(deploy.stdout).toMatch(/CREATE_COMPLETE\s+OIDCClientId\s+Custom::RAMOIDCClientId\s+adopted:/);
    expect(deploy.stdout).toMatch(/Output ProviderArn = "acs:ram::\d+:oidc-provider\/github"/);
    expect(w.cli('delete', 'oidc').code).toBe(0);
    expect(w.clientIds()).toEqual(['sts.aliyuncs.com']);
  });

  it('a provisioning made outside the stack (here by a native ALIYUN::CloudSSO::UserProvision stack)', () => {
    const native = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Parameters:',
      '  DirectoryId: {Type: String}',
      '  UserId: {Type: String}',
      '  TargetId: {Type: String}',
      // Taken by the custom template; unused here.
      '  ServiceToken: {Type: String}',
      '  KeepUsersOnDelete: {Type: String}',
      'Resources:',
      '  UserProvision:',
      '    Type: ALIYUN::CloudSSO::UserProvision',
      '    Properties:',
      '      DirectoryId: !Ref DirectoryId',
      '      PrincipalId: !Ref UserId',
      '      PrincipalType: User',
      '      TargetId: !Ref TargetId',
      '      TargetType: RD-Account',
      '      DuplicationStrategy: KeepBoth',
      '      DeletionStrategy: Delete',
      '',
    ].join('\n');
    const w = localWorld({ 'native.yaml': native });
    expect(deployAliceToDev(w, 'by-hand', 'native.yaml').code).toBe(0);
    const before = w.state().provisionings;
    expect(deployAliceToDev(w, 'custom').code).toBe(0);
    expect(w.cli('delete', 'custom').code).toBe(0);
    expect(w.state().provisionings).toEqual(before);
    expect(w.ramUsers('dev')).toHaveLength(1);
  });
});

describe('ros-sso local: a Create that outlives the ROS wait', () => {
  it('rolls back, and the invocation ROS gave up on deletes what it created once it finishes', () => {
    // Timeout 1 s, every API call at least 1 s: ROS stops waiting during the first calls, the
    // function runs on (it is not stopped), creates the provisioning, and its late SUCCESS is refused.
    const template = readFileSync(join(TEMPLATES, 'custom-user-provision.yaml'), 'utf8').replace(
      'Timeout: 120',
      'Timeout: 1',
    );
    const w = localWorld({ 'slow.yaml': template });
    // KeepUsersOnDelete=false: the undo deletes with the template's DeletionStrategy, as a rollback would.
    const deploy = deployAliceToDev(w, 'slow', 'slow.yaml', '--faults', 'latency=1000');
    expect(deploy.code).toBe(1);
    expect(deploy.stdout).toMatch(
      /CREATE_FAILED\s+UserProvision .*did not answer within the resource Timeout \(1 s\)/,
    );
    expect(deploy.stdout).toMatch(/ROLLBACK_COMPLETE/);
    expect(w.state().provisionings).toEqual([]);
    expect(w.ramUsers('dev')).toEqual([]);
    const log = readFileSync(join(w.dir, 'handler.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(log.some((l) => l.action === 'CloudSSO.CreateUserProvisioning' && l.outcome === 'ok')).toBe(true);
    expect(log.find((l) => l.step === 'undo' && l.outcome === 'start')?.why).toBe(
      'the SUCCESS answer did not reach ROS',
    );
    expect(log.some((l) => l.step === 'undo' && l.outcome === 'ok')).toBe(true);
    // The rollback Delete carried no physical ID and made no call.
    expect(log.some((l) => l.requestType === 'Delete' && l.step === 'delete' && l.note === 'not ours')).toBe(
      true,
    );
    // The next stack operation finds nothing left behind.
    expect(w.cli('delete', 'slow').code).toBe(0);
    expect(w.state().stacks).toEqual([]);
  });
});
