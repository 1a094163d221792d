import type { SeedAccount, SeedDocument } from './seed';
import {
  type Directory,
  type DirectoryGroup,
  type DirectoryUser,
  type EmulatorState,
  isoNow,
  newId,
  newRamUserId,
  type RamRole,
  type RdAccount,
} from './state';

/** The role Resource Directory creates in every member it creates, trusted by the management account (D-RD-ROLE). */
export const RD_ACCESS_ROLE = 'ResourceDirectoryAccountAccessRole';

/** The AccessKey ID the emulator gives a seeded RAM user with `accessKey: true`; the secret follows from it. */
export function ramUserAccessKeyId(accountId: string, userName: string): string {
  return `LTAIemulator${accountId}-${userName}`;
}

export function ramUserAccessKeySecret(accessKeyId: string): string {
  return `emulator-secret-${accessKeyId.slice('LTAIemulator'.length)}`;
}

/** The trust policy that lets any RAM user or role of `trustedAccountId` assume a role (the `:root` form). */
export function accountTrustPolicy(trustedAccountId: string): string {
  return JSON.stringify({
    Statement: [
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { RAM: [`acs:ram::${trustedAccountId}:root`] },
      },
    ],
    Version: '1',
  });
}

function rdAccessRole(managementAccountId: string, now: string): RamRole {
  return {
    roleId: newRamUserId(),
    roleName: RD_ACCESS_ROLE,
    description: 'Access from the Resource Directory management account',
    assumeRolePolicyDocument: accountTrustPolicy(managementAccountId),
    maxSessionDuration: 3600,
    createDate: now,
    updateDate: now,
  };
}

export function createState(seed: SeedDocument): EmulatorState {
  const now = isoNow();
  const resourceDirectoryId = newId('rd');
  const rootFolderId = newId('r');
  const account = (a: SeedAccount, isManagement: boolean): RdAccount => {
    const roles = a.roles.map((r): RamRole => ({
      roleId: newRamUserId(),
      roleName: r.name,
      description: r.description,
      assumeRolePolicyDocument: r.trustPolicy,
      maxSessionDuration: r.maxSessionDuration,
      createDate: now,
      updateDate: now,
      ...(r.policy === undefined ? {} : { policyDocument: r.policy }),
    }));
    // A seed that lists the access role itself (another trust policy, say) replaces the default one.
    if (a.rdAccessRole && !roles.some((r) => r.roleName === RD_ACCESS_ROLE))
      roles.unshift(rdAccessRole(seed.managementAccount.id, now));
    return {
      accountId: a.id,
      displayName: a.name,
      isManagement,
      path: `${resourceDirectoryId}/${rootFolderId}/${a.id}`,
      ramUsers: a.ramUsers.map((u) => ({
        userId: newRamUserId(),
        userName: u.name,
        displayName: u.displayName,
        comments: '',
        createDate: now,
        updateDate: now,
        provisionType: u.provisionType,
        status: u.status,
        ...(u.accessKey ? { accessKeyId: ramUserAccessKeyId(a.id, u.name) } : {}),
        ...(u.policy === undefined ? {} : { policyDocument: u.policy }),
      })),
      roles,
      oidcProviders: [],
    };
  };
  const accounts = [account(seed.managementAccount, true), ...seed.accounts.map((a) => account(a, false))];
  for (const provider of seed.oidcProviders) {
    const owner = accounts.find((a) => a.accountId === provider.accountId);
    owner?.oidcProviders.push({
      name: provider.name,
      issuerUrl: provider.issuerUrl,
      clientIds: [...provider.clientIds],
      fingerprints: [...provider.fingerprints],
      description: provider.description,
      issuanceLimitTime: provider.issuanceLimitTime,
      createDate: now,
      updateDate: now,
    });
  }
  const directories = seed.directories.map((d): Directory => {
    const users = d.users.map((u): DirectoryUser => ({
      userId: newId('u'),
      userName: u.name,
      displayName: u.displayName,
      firstName: '',
      lastName: '',
      email: u.email,
      description: '',
      status: u.status,
      createTime: now,
      updateTime: now,
    }));
    const groups = d.groups.map((g): DirectoryGroup => ({
      groupId: newId('g'),
      groupName: g.name,
      description: g.description,
      createTime: now,
      updateTime: now,
      members: g.members.map((name) => ({
        userId: users.find((u) => u.userName === name)?.userId ?? '',
        joinTime: now,
      })),
    }));
    return {
      directoryId: d.id ?? newId('d'),
      directoryName: d.name,
      region: d.region,
      ownerPk: seed.managementAccount.id,
      createTime: now,
      updateTime: now,
      users,
      groups,
    };
  });
  return {
    resourceDirectoryId,
    managementAccountId: seed.managementAccount.id,
    accounts,
    directories,
    provisionings: [],
    events: [],
  };
}

/**
 * State saved by local mode before RAM users had `ProvisionType`/`Status` and accounts had roles:
 * fills what is missing the way a fresh seed would (members get the access role).
 */
export function upgradeState(state: EmulatorState): EmulatorState {
  const now = isoNow();
  for (const account of state.accounts) {
    const legacy = account as Partial<RdAccount>;
    if (legacy.roles === undefined) {
      account.roles = account.isManagement ? [] : [rdAccessRole(state.managementAccountId, now)];
    }
    for (const user of account.ramUsers) {
      user.provisionType ??= user.provisionedBy === undefined ? 'Manual' : 'CloudSSO';
      user.status ??= 'active';
    }
  }
  return state;
}
