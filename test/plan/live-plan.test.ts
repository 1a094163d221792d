import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, type SeedObject, startEmulator } from '../../local/emulator';
import type { PlanResult } from '../../plan/model';
import { runCliAsync } from '../deploy/support';
import { readFileSync, writeFileSync } from 'node:fs';
import { ROOT, workspace } from '../support/cli';
import { git, repository } from '../support/git';
import { createProvisioning, groupIdOf } from '../local/emulator/helpers';
import { policyDocument } from '../local/emulator/plan-reads';

// `ros-sso plan` (dist/plan.js as a child process) against the emulator over loopback: the
// official SDK core, a plan RAM user holding exactly templates/plan-readonly-policy.json, STS
// AssumeRole into the RD access role of each target account with the member read session policy.

const MGMT = '1000000000000000';
const DEV = '1000000000000001';
const PROD = '1000000000000002';
const INVITED = '1000000000000003';
const DIRECTORY = 'd-0123456789abcd';
const NATIVE = join(ROOT, 'templates', 'cloudsso-user-provision.yaml');
const OIDC = join(ROOT, 'templates', 'oidc-client-id.yaml');
const TOKEN = `ServiceToken=acs:fc:cn-shanghai:${MGMT}:functions/ros-sso`;

const SEED: SeedObject = {
  managementAccount: {
    id: MGMT,
    ramUsers: [
      {
        name: 'plan-bot',
        accessKey: true,
        policy: policyDocument('plan-readonly-policy.json', {
          ManagementAccountId: MGMT,
          DirectoryId: DIRECTORY,
          MemberReadRoleName: 'ResourceDirectoryAccountAccessRole',
        }),
      },
    ],
    roles: [
      {
        name: 'github-deploy',
        trustPolicy: {
          Version: '1',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Principal: { Federated: `acs:ram::${MGMT}:oidc-provider/github` },
              Condition: { StringLike: { 'oidc:aud': 'ros-sso-*' } },
            },
          ],
        },
      },
    ],
  },
  accounts: [
    { id: DEV, name: 'dev' },
    { id: PROD, name: 'prod', ramUsers: ['bob', { name: 'old', status: 'freeze' }] },
    { id: INVITED, name: 'invited', rdAccessRole: false },
  ],
  directories: [
    {
      name: 'example-directory',
      id: DIRECTORY,
      users: ['alice', 'bob', 'carol', 'old'],
      groups: [{ name: 'engineers', members: ['alice', 'bob', 'old'] }],
    },
  ],
  oidcProviders: [
    {
      name: 'github',
      issuerUrl: 'https://token.actions.githubusercontent.com',
      clientIds: ['sts.aliyuncs.com', 'ros-sso-ci'],
      fingerprints: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    },
  ],
};

const running: RunningEmulator[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.close();
});

async function livePlan(args: string[], key = 'plan-bot', cwd = workspace({})) {
  const emulator = running[0] ?? (await startEmulator({ seed: SEED }));
  if (running.length === 0) running.push(emulator);
  const credential = emulator.credentials.find((c) =>
    key === 'root' ? c.ramUser === undefined && c.accountId === MGMT : c.ramUser === key,
  );
  const env = {
    PATH: process.env.PATH ?? '',
    ALIBABA_CLOUD_ACCESS_KEY_ID: credential?.accessKeyId ?? '',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: credential?.accessKeySecret ?? '',
    ...Object.fromEntries(
      ['CLOUDSSO', 'IMS', 'RAM', 'STS'].map((s) => [`ROS_SSO_${s}_ENDPOINT`, emulator.endpoint]),
    ),
  };
  const result = await runCliAsync(['plan', ...args], cwd, env);
  // Whatever the outcome, the plan never prints the caller's secret or an STS session's credentials.
  const printed = result.stdout + result.stderr;
  if (credential) expect(printed).not.toContain(credential.accessKeySecret);
  expect(printed).not.toMatch(/AccessKeySecret|SecurityToken/);
  return { emulator, ...result };
}

const group = (target: string) => [
  '-p',
  `DirectoryId=${DIRECTORY}`,
  '-p',
  `PrincipalId=${groupIdOf(running[0], 'engineers')}`,
  '-p',
  `TargetId=${target}`,
  '-p',
  'DeletionStrategy=Delete',
];

const effects = (plan: PlanResult) =>
  plan.resources.flatMap((r) => r.identities.map((i) => `${i.accountId} ${i.action} ${i.ramUser}`)).sort();

describe('ros-sso plan against the live APIs (the emulator)', () => {
  it('reads members and the target account with read-only calls and predicts the KeepBoth clash, a frozen user included', async () => {
    running.push(await startEmulator({ seed: SEED }));
    const r = await livePlan([NATIVE, ...group(PROD), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as PlanResult;
    // `old` is frozen in prod: only Status=active,freeze sees it, so it becomes old_sso.
    expect(effects(plan)).toEqual([
      `${PROD} create alice`,
      `${PROD} create-renamed bob_sso`,
      `${PROD} create-renamed old_sso`,
    ]);
    const actions = new Set(r.emulator.requests.map((q) => q.action));
    expect([...actions].sort()).toEqual([
      'AssumeRole',
      'ListGroupMembers',
      'ListUserProvisionings',
      'ListUsers',
    ]);
    expect(r.emulator.requests.every((q) => q.status === 200)).toBe(true);
    expect(r.emulator.requests.find((q) => q.action === 'AssumeRole')?.params.Policy).toBeDefined();
  });

  it('a stack delete: the RAM users are guessed from names and ProvisionType, and says so; --fail-on delete exits 1', async () => {
    const emulator = await startEmulator({ seed: SEED });
    running.push(emulator);
    await createProvisioning(emulator, { principal: { groupName: 'engineers' }, target: 'prod' });
    const setup = emulator.requests.length;
    const r = await livePlan(['--delete', NATIVE, ...group(PROD), '--format', 'json', '--fail-on', 'delete']);
    expect(r.code, r.stderr).toBe(1);
    const plan = JSON.parse(r.stdout) as PlanResult;
    expect(effects(plan)).toEqual([
      `${PROD} delete alice`,
      `${PROD} delete bob_sso`,
      `${PROD} delete old_sso`,
    ]);
    expect(plan.unknown.map((u) => u.reason).join('\n')).toMatch(
      /guessed from the principal's users now and ProvisionType CloudSSO/,
    );
    expect(
      r.emulator.requests.slice(setup).some((q) => /^(Create|Update|Delete|Add|Remove|Retry)/.test(q.action)),
    ).toBe(false);
  });

  it('an account the plan cannot enter is named with the code, and its effects are marked as names-only', async () => {
    running.push(await startEmulator({ seed: SEED }));
    const r = await livePlan([NATIVE, ...group(INVITED), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as PlanResult;
    const reasons = plan.unknown.filter((u) => u.accountId === INVITED).map((u) => u.reason);
    expect(reasons.join('\n')).toMatch(
      /RAM users of 1000000000000003 not read \(STS\.AssumeRole: EntityNotExist\.Role \(HTTP 404\)\); clashes, take-overs and _sso names there are predicted from names only/,
    );
  });

  it('a root key cannot assume roles: every target account is unknown, said plainly', async () => {
    running.push(await startEmulator({ seed: SEED }));
    const r = await livePlan([NATIVE, ...group(DEV)], 'root');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /RAM users of 1000000000000001 not read \(STS\.AssumeRole: NoPermission \(HTTP 403\)\)/,
    );
  });

  it('removing a client ID names the role whose StringLike audience matches, in markdown', async () => {
    running.push(await startEmulator({ seed: SEED }));
    const r = await livePlan([
      '--delete',
      OIDC,
      '-p',
      TOKEN,
      '-p',
      'ClientId=ros-sso-ci',
      '--format',
      'markdown',
      '--fail-on',
      'take-over',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '**this change removes client ID ros-sso-ci from github (trusted by github-deploy)**',
    );
    expect(r.stdout).toContain(
      'whether this stack added or adopted the client ID is recorded only in its physical ID',
    );
  });

  it('usage errors are one line, exit 2', async () => {
    running.push(await startEmulator({ seed: SEED }));
    for (const args of [
      [],
      [NATIVE, '--format', 'yaml'],
      [NATIVE, '--fail-on', 'create'],
      [NATIVE, '--old', NATIVE, '--since', 'HEAD'],
    ]) {
      const r = await livePlan(args);
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--since REV plans against the template as committed: a new file is a create, an unchanged one does nothing', async () => {
    running.push(await startEmulator({ seed: SEED }));
    const repo = repository({ 'README.md': 'stacks\n' });
    writeFileSync(join(repo, 'stack.yaml'), readFileSync(NATIVE, 'utf8'));
    const added = await livePlan(
      ['stack.yaml', '--since', 'HEAD', ...group(PROD), '--format', 'json'],
      'plan-bot',
      repo,
    );
    expect(added.code, added.stderr).toBe(0);
    const created = JSON.parse(added.stdout) as PlanResult;
    expect(created.resources.map((r) => r.action)).toEqual(['create']);
    expect(effects(created)).toContain(`${PROD} create-renamed bob_sso`);

    git(repo, 'add', 'stack.yaml');
    git(repo, 'commit', '--quiet', '-m', 'stack');
    const same = await livePlan(
      ['stack.yaml', '--since', 'HEAD', ...group(PROD), '--format', 'json'],
      'plan-bot',
      repo,
    );
    expect(same.code, same.stderr).toBe(0);
    const unchanged = JSON.parse(same.stdout) as PlanResult;
    expect(unchanged.resources.map((r) => [r.action, r.identities.length])).toEqual([['none', 0]]);

    const bad = await livePlan(['stack.yaml', '--since', 'no-such-rev', ...group(PROD)], 'plan-bot', repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ros-sso: --since: unknown revision no-such-rev/);
  });
});
