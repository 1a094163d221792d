import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, type SeedObject, startEmulator } from '../../../local/emulator';
import { assumeRole, createProvisioning, groupIdOf, keyFor, roleArnOf, userIdOf, userKey } from './helpers';
import {
  type Call,
  call,
  managementReads,
  managementWrites,
  memberReads,
  memberWrites,
  policyDocument,
} from './plan-reads';
import { type SdkTarget, sdkError } from './sdk';

const MGMT = '1000000000000000';
const PROD = '1000000000000002';
const DIRECTORY = 'd-0123456789abcd';
const OTHER_DIRECTORY = 'd-0000000000ffff';
const RD_ROLE = 'ResourceDirectoryAccountAccessRole';
const READER = 'ros-sso-plan-reader';

/** The management policy for the dedicated-reader setup, attached to the RAM user plan-bot. */
const botPolicy = policyDocument('plan-readonly-policy.json', {
  ManagementAccountId: MGMT,
  DirectoryId: DIRECTORY,
  MemberReadRoleName: READER,
});

const SEED: SeedObject = {
  managementAccount: {
    id: MGMT,
    ramUsers: [
      { name: 'planner', accessKey: true },
      { name: 'plan-bot', accessKey: true, policy: botPolicy },
    ],
    roles: [
      {
        name: 'ros-sso-plan',
        trustPolicy: {
          Version: '1',
          Statement: [
            { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: `acs:ram::${MGMT}:root` } },
          ],
        },
      },
    ],
  },
  accounts: [
    { id: '1000000000000001', name: 'dev' },
    {
      id: PROD,
      name: 'prod',
      ramUsers: ['bob'],
      roles: [
        {
          name: READER,
          policy: policyDocument('plan-member-read-policy.json', {}),
          trustPolicy: policyDocument('plan-member-read-trust-policy.json', {
            PlanIdentityArn: `acs:ram::${MGMT}:user/plan-bot`,
          }),
        },
      ],
    },
  ],
  directories: [
    {
      id: DIRECTORY,
      name: 'example-directory',
      users: ['alice', 'bob', 'carol'],
      groups: [{ name: 'engineers', members: ['alice', 'bob'] }],
    },
    { id: OTHER_DIRECTORY, name: 'other', users: ['zed'] },
  ],
  oidcProviders: [
    {
      name: 'github',
      issuerUrl: 'https://token.actions.githubusercontent.com',
      clientIds: ['sts.aliyuncs.com'],
    },
    { account: 'prod', name: 'gitlab', issuerUrl: 'https://gitlab.example.com', clientIds: ['ci'] },
  ],
};

async function expectAllowed(target: SdkTarget, calls: Call[]): Promise<void> {
  for (const c of calls) {
    const response = await call(target, c);
    expect(response.statusCode, `${c.version} ${c.action}`).toBe(200);
  }
}

async function expectDenied(target: SdkTarget, calls: Call[], emulator: RunningEmulator): Promise<void> {
  const before = emulator.snapshot();
  for (const c of calls) {
    const err = await sdkError(call(target, c));
    expect([err.code, err.statusCode], `${c.version} ${c.action}`).toEqual(['NoPermission', 403]);
  }
  expect(emulator.snapshot()).toEqual(before);
}

describe('the read-only plan policies (templates/plan-*.json) against the emulator', () => {
  let emulator: RunningEmulator;
  let ids: Parameters<typeof managementReads>[0] & { groupId: string };
  beforeEach(async () => {
    emulator = await startEmulator({ seed: SEED, faults: 'sync-fail=carol' });
    const provisioningId = await createProvisioning(emulator, {
      principal: { groupName: 'engineers' },
      target: 'prod',
    });
    await createProvisioning(emulator, { principal: { userName: 'carol' }, target: 'prod' });
    ids = {
      directoryId: DIRECTORY,
      userId: userIdOf(emulator, 'alice'),
      groupId: groupIdOf(emulator, 'engineers'),
      provisioningId,
      eventId: emulator.state.events[0]?.eventId ?? '',
      memberId: PROD,
      userPrincipalName: `planner@${MGMT}.onaliyun.com`,
    };
    expect(ids.eventId).toMatch(/^upe-/);
  });
  afterEach(() => emulator.close());

  it('as session policies on the RD access role: every plan read passes, every write is refused', async () => {
    const managementPolicy = policyDocument('plan-readonly-policy.json', {
      ManagementAccountId: MGMT,
      DirectoryId: DIRECTORY,
      MemberReadRoleName: RD_ROLE,
    });
    const memberPolicy = policyDocument('plan-member-read-policy.json', {});
    // Both must fit AssumeRole's 2048-character Policy (SDK-STS).
    expect(managementPolicy.length).toBeLessThanOrEqual(2048);
    const planner = userKey(emulator, MGMT, 'planner');
    const plan = await assumeRole(emulator, planner, roleArnOf(MGMT, 'ros-sso-plan'), {
      Policy: managementPolicy,
    });
    await expectAllowed(plan, managementReads(ids));
    await expectDenied(plan, managementWrites(ids), emulator);
    // Another directory of the same account is outside the policy's resources.
    const other = await sdkError(
      call(plan, { ...managementReads(ids)[9], params: { DirectoryId: OTHER_DIRECTORY } }),
    );
    expect(other.code).toBe('NoPermission');

    const member = await assumeRole(emulator, plan, roleArnOf(PROD, RD_ROLE), { Policy: memberPolicy });
    await expectAllowed(member, memberReads(`bob@${PROD}.onaliyun.com`));
    await expectDenied(member, memberWrites(), emulator);
    // The management policy lets it assume only the role it names.
    const reader = await sdkError(assumeRole(emulator, plan, roleArnOf(PROD, READER)));
    expect(reader.code).toBe('NoPermission');
  });

  it('as the policies of a plan RAM user and a dedicated member read role: the same, and nothing else', async () => {
    const bot = userKey(emulator, MGMT, 'plan-bot');
    await expectAllowed(bot, managementReads(ids));
    await expectDenied(bot, managementWrites(ids), emulator);
    const member = await assumeRole(emulator, bot, roleArnOf(PROD, READER));
    await expectAllowed(member, memberReads(`bob@${PROD}.onaliyun.com`));
    await expectDenied(member, memberWrites(), emulator);
    const write = await sdkError(call(member, memberWrites()[0]));
    expect(write.data.AccessDeniedDetail).toMatchObject({
      PolicyType: 'AccountLevelIdentityBasedPolicy',
      AuthAction: 'ram:CreateOIDCProvider',
    });
    // Its policy names only the reader role; the reader trusts only plan-bot.
    const admin = await sdkError(assumeRole(emulator, bot, roleArnOf(PROD, RD_ROLE)));
    expect(admin.code).toBe('NoPermission');
    const stranger = await sdkError(
      assumeRole(emulator, userKey(emulator, MGMT, 'planner'), roleArnOf(PROD, READER)),
    );
    expect(stranger.code).toBe('NoPermission');
    // The root key is not bound by any policy, but may not assume roles at all.
    const root = await sdkError(assumeRole(emulator, keyFor(emulator, MGMT), roleArnOf(PROD, READER)));
    expect(root.message).toContain('root accounts');
  });
});
