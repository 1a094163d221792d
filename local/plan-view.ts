import { known, StaticDirectoryView } from '../plan/directory-view';
import type { StateSnapshot } from './emulator/state';

/**
 * The plan's read-only view of the local emulator's state: everything is readable, and which
 * provisioning owns which RAM user is known (the emulator records it; the cloud does not say).
 */
export function emulatorDirectoryView(state: StateSnapshot): StaticDirectoryView {
  const view = new StaticDirectoryView();
  for (const directory of state.directories) {
    const id = directory.directoryId;
    const users = directory.users.map((u) => ({ userId: u.userId, userName: u.userName }));
    view.userReads.set(id, known(users));
    for (const group of directory.groups) {
      const members = group.members
        .map((m) => users.find((u) => u.userId === m.userId))
        .filter((u) => u !== undefined);
      view.groupReads.set(
        `${id}/${group.groupId}`,
        known({ groupId: group.groupId, groupName: group.groupName, members }),
      );
    }
    view.provisioningReads.set(
      id,
      known(
        state.provisionings
          .filter((p) => p.directoryId === id)
          .map((p) => ({
            userProvisioningId: p.userProvisioningId,
            directoryId: p.directoryId,
            principalType: p.principalType,
            principalId: p.principalId,
            targetId: p.targetId,
            duplicationStrategy: p.duplicationStrategy,
            deletionStrategy: p.deletionStrategy,
            syncedUsers: p.syncedUsers.map((s) => ({ ...s })),
          })),
      ),
    );
  }
  for (const account of state.accounts) {
    view.ramUserReads.set(
      account.accountId,
      known({
        ownershipKnown: true,
        users: account.ramUsers.map((u) => ({
          userName: u.userName,
          provisionType: u.provisionType,
          ...(u.provisionedBy === undefined ? {} : { owner: u.provisionedBy }),
        })),
      }),
    );
    view.roleReads.set(
      account.accountId,
      known(account.roles.map((r) => ({ roleName: r.roleName, trustPolicy: r.assumeRolePolicyDocument }))),
    );
    for (const provider of account.oidcProviders)
      view.providerReads.set(
        `${account.accountId}/${provider.name}`,
        known({
          arn: `acs:ram::${account.accountId}:oidc-provider/${provider.name}`,
          clientIds: [...provider.clientIds],
        }),
      );
  }
  return view;
}
