import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEV,
  expectPlanHeld,
  MGMT,
  planThenApply,
  PROD,
  TEMPLATES,
  TOKEN,
  truthWorld,
  type TruthWorld,
} from './truth-world';

// Issue 14's truth test: for each scenario, `ros-sso local plan` (a child process), then the same
// operation with `local deploy|update|delete`, then the plan compared with what the emulator's
// state file shows changed. Equal, or the test fails.

const NATIVE = join(TEMPLATES, 'cloudsso-user-provision.yaml');
const CUSTOM = join(TEMPLATES, 'custom-user-provision.yaml');
const OIDC = join(TEMPLATES, 'oidc-client-id.yaml');

const trust = (aud: string) => ({
  Version: '1',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Principal: { Federated: [`acs:ram::${MGMT}:oidc-provider/github`] },
      Condition: { StringEquals: { 'oidc:aud': aud } },
    },
  ],
});

const SEED = {
  managementAccount: {
    id: MGMT,
    name: 'management',
    roles: [
      { name: 'github-deploy', trustPolicy: trust('ros-sso-ci') },
      { name: 'github-other', trustPolicy: trust('another-audience') },
    ],
  },
  accounts: [
    { id: DEV, name: 'dev' },
    { id: PROD, name: 'prod', ramUsers: ['bob'] },
  ],
  directories: [
    {
      name: 'example-directory',
      id: 'd-0123456789abcd',
      users: ['alice', 'bob', 'carol'],
      groups: [{ name: 'engineers', members: ['alice', 'bob'] }],
    },
  ],
  oidcProviders: [
    {
      name: 'github',
      issuerUrl: 'https://token.actions.githubusercontent.com',
      clientIds: ['sts.aliyuncs.com'],
      fingerprints: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    },
  ],
};

const groupArgs = (w: TruthWorld, target: string, strategy: string) => [
  '-p',
  `DirectoryId=${w.directoryId}`,
  '-p',
  `PrincipalId=${w.group('engineers')}`,
  '-p',
  `TargetId=${target}`,
  '-p',
  `DeletionStrategy=${strategy}`,
];

const userArgs = (w: TruthWorld, user: string, target: string, extra: string[] = []) => [
  '-p',
  TOKEN,
  '-p',
  `DirectoryId=${w.directoryId}`,
  '-p',
  `UserId=${w.user(user)}`,
  '-p',
  `TargetId=${target}`,
  ...extra,
];

const effects = (plan: { resources: Array<{ identities: Array<{ ramUser: string; action: string }> }> }) =>
  plan.resources.flatMap((r) => r.identities.map((i) => `${i.action} ${i.ramUser}`)).sort();

describe('plan = what local mode does', () => {
  it('a group with a name clash under KeepBoth, then its delete with DeletionStrategy Delete', () => {
    const w = truthWorld(SEED);
    const deploy = [NATIVE, '--stack', 'g', ...groupArgs(w, PROD, 'Delete')];
    const created = planThenApply(w, deploy, ['deploy', ...deploy]);
    expect(effects(created.plan)).toEqual(['create alice', 'create-renamed bob_sso']);
    expect(created.plan.summary).toEqual({ create: 1, createRenamed: 1, takeOver: 0, delete: 0, keep: 0 });
    const deleted = planThenApply(w, ['--delete', 'g'], ['delete', 'g']);
    expect(effects(deleted.plan)).toEqual(['delete alice', 'delete bob_sso']);
    // The pre-existing bob is not the provisioning's: untouched.
    expect(
      w
        .state()
        .accounts.find((a) => a.accountId === PROD)
        ?.ramUsers.map((u) => u.userName),
    ).toEqual(['bob']);
  });

  it('TakeOver of an existing RAM user, then Delete deletes the taken-over user', () => {
    const w = truthWorld(SEED);
    const deploy = [
      CUSTOM,
      '--stack',
      't',
      ...userArgs(w, 'bob', PROD, ['-p', 'DuplicationStrategy=TakeOver', '-p', 'KeepUsersOnDelete=false']),
    ];
    const created = planThenApply(w, deploy, ['deploy', ...deploy]);
    expect(effects(created.plan)).toEqual(['take-over bob']);
    const deleted = planThenApply(w, ['--delete', 't'], ['delete', 't']);
    expect(effects(deleted.plan)).toEqual(['delete bob']);
  });

  it('Keep: the delete leaves the RAM user', () => {
    const w = truthWorld(SEED);
    const deploy = [CUSTOM, '--stack', 'k', ...userArgs(w, 'alice', DEV)];
    expect(effects(planThenApply(w, deploy, ['deploy', ...deploy]).plan)).toEqual(['create alice']);
    const deleted = planThenApply(w, ['--delete', 'k'], ['delete', 'k']);
    expect(effects(deleted.plan)).toEqual(['keep alice']);
    expect(deleted.plan.summary.keep).toBe(1);
  });

  it('a member added to the group after the plan: the plan names the members it saw and is stale by exactly the new one', () => {
    const w = truthWorld(SEED);
    const deploy = [NATIVE, '--stack', 'm', ...groupArgs(w, DEV, 'Delete')];
    const plan = w.plan(...deploy);
    expect(plan.resources[0].principal).toEqual({
      type: 'Group',
      id: w.group('engineers'),
      name: 'engineers',
      members: 2,
    });
    w.edit((s) => {
      const carol = s.directories[0].users.find((u) => u.userName === 'carol')?.userId ?? '';
      s.directories[0].groups[0].members.push({ userId: carol, joinTime: '2026-01-01T00:00:00Z' });
    });
    const before = w.state();
    w.apply('deploy', ...deploy);
    const after = w.state();
    // What the plan promised happened; the one difference is the member it did not see.
    expect(() => expectPlanHeld(plan, before, after)).toThrow();
    const withCarol = {
      ...plan,
      resources: [
        {
          ...plan.resources[0],
          identities: [
            ...plan.resources[0].identities,
            { accountId: DEV, user: 'carol', ramUser: 'carol', action: 'create' as const },
          ],
        },
      ],
    };
    expectPlanHeld(withCarol, before, after);
    // A plan made now sees three members.
    expect(w.plan('--delete', 'm').resources[0].identities).toHaveLength(3);
  });

  it('a TargetId change with replacement: deleted in the old account, created in the new one', () => {
    const w = truthWorld(SEED);
    const deploy = [NATIVE, '--stack', 'r', ...groupArgs(w, DEV, 'Delete')];
    planThenApply(w, deploy, ['deploy', ...deploy]);
    const update = [NATIVE, '--stack', 'r', '-p', `TargetId=${PROD}`, '--replacement'];
    const { plan } = planThenApply(w, update, ['update', ...update]);
    expect(plan.resources[0]).toMatchObject({ action: 'replace', replaceBecause: 'TargetId' });
    expect(plan.resources[0].identities.map((i) => `${i.accountId} ${i.action} ${i.ramUser}`)).toEqual([
      `${DEV} delete alice`,
      `${DEV} delete bob`,
      `${PROD} create alice`,
      `${PROD} create-renamed bob_sso`,
    ]);
    // Without --replacement ROS refuses: the plan says so and promises nothing.
    const refused = w.plan(NATIVE, '--stack', 'r', '-p', `TargetId=${DEV}`);
    expect(refused.refused).toMatch(/TargetId cannot be updated/);
    expect(effects(refused)).toEqual([]);
  });

  it('an adopted provisioning is released, not deleted', () => {
    const w = truthWorld(SEED);
    const first = [
      CUSTOM,
      '--stack',
      'owner',
      ...userArgs(w, 'alice', DEV, ['-p', 'KeepUsersOnDelete=false']),
    ];
    planThenApply(w, first, ['deploy', ...first]);
    const second = [
      CUSTOM,
      '--stack',
      'adopter',
      ...userArgs(w, 'alice', DEV, ['-p', 'KeepUsersOnDelete=false']),
    ];
    const adopted = planThenApply(w, second, ['deploy', ...second]);
    expect(effects(adopted.plan)).toEqual([]);
    expect(adopted.plan.unknown.map((u) => u.reason).join('\n')).toMatch(/adopts the existing provisioning/);
    const released = planThenApply(w, ['--delete', 'adopter'], ['delete', 'adopter']);
    expect(effects(released.plan)).toEqual(['keep alice']);
    // The owner's delete still deletes.
    expect(effects(planThenApply(w, ['--delete', 'owner'], ['delete', 'owner']).plan)).toEqual([
      'delete alice',
    ]);
  });

  it('a client ID delete names the role that trusts that audience', () => {
    const w = truthWorld(SEED);
    const deploy = [OIDC, '--stack', 'o', '-p', TOKEN, '-p', 'ClientId=ros-sso-ci'];
    const added = planThenApply(w, deploy, ['deploy', ...deploy]);
    expect(added.plan.resources[0].clientIds).toEqual([
      { provider: 'github', clientId: 'ros-sso-ci', action: 'add', trustingRoles: ['github-deploy'] },
    ]);
    const { plan } = planThenApply(w, ['--delete', 'o'], ['delete', 'o']);
    expect(plan.resources[0].clientIds).toEqual([
      { provider: 'github', clientId: 'ros-sso-ci', action: 'remove', trustingRoles: ['github-deploy'] },
    ]);
  });

  it('a user in two provisionings of one account: the second meets the first one’s RAM user', () => {
    const w = truthWorld(SEED);
    const direct = [CUSTOM, '--stack', 'direct', ...userArgs(w, 'alice', DEV)];
    planThenApply(w, direct, ['deploy', ...direct]);
    const viaGroup = [NATIVE, '--stack', 'group', ...groupArgs(w, DEV, 'Delete')];
    const { plan } = planThenApply(w, viaGroup, ['deploy', ...viaGroup]);
    expect(effects(plan)).toEqual(['create bob', 'create-renamed alice_sso']);
    expect(plan.unknown.map((u) => u.reason).join('\n')).toMatch(
      /alice already has a CloudSSO-provisioned RAM user/,
    );
    // Deleting the group's provisioning deletes its own two, not the direct one's alice.
    const deleted = planThenApply(w, ['--delete', 'group'], ['delete', 'group']);
    expect(effects(deleted.plan)).toEqual(['delete alice_sso', 'delete bob']);
  });

  it('a resource with DeletionPolicy Retain that leaves the template is kept, as the plan says', () => {
    const w = truthWorld(SEED);
    const retained = readFileSync(NATIVE, 'utf8').replace(
      '    Type: ALIYUN::CloudSSO::UserProvision\n',
      '    Type: ALIYUN::CloudSSO::UserProvision\n    DeletionPolicy: Retain\n',
    );
    // The same parameters, and the provisioning gone from Resources: it leaves the stack on update.
    const without = `${retained.slice(0, retained.indexOf('Resources:'))}  ServiceToken: { Type: String }
Resources:
  OIDCClientId:
    Type: Custom::RAMOIDCClientId
    Properties:
      ServiceToken: { Ref: ServiceToken }
      Parameters: { OIDCProviderName: github, ClientId: ros-sso-ci }
`;
    writeFileSync(join(w.dir, 'retained.yaml'), retained);
    writeFileSync(join(w.dir, 'without.yaml'), without);
    const deploy = ['retained.yaml', '--stack', 'keep', ...groupArgs(w, PROD, 'Delete')];
    planThenApply(w, deploy, ['deploy', ...deploy]);
    const update = ['without.yaml', '--stack', 'keep', '-p', TOKEN];
    const { plan } = planThenApply(w, update, ['update', ...update]);
    expect(plan.resources.map((r) => `${r.logicalId} ${r.action}`)).toEqual([
      'OIDCClientId create',
      'UserProvision delete',
    ]);
    expect(effects(plan)).toEqual(['keep alice', 'keep bob_sso']);
  });
});
