/**
 * What the plan reads, and nothing else: a read-only view of the CloudSSO directory and the RAM
 * entities of the accounts concerned. Every read may be unknown, with the reason (an account the
 * plan identity may not enter, a call that failed); the plan then says what that leaves open.
 */

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

export const known = <T>(value: T): Read<T> => ({ ok: true, value });
export const notRead = <T>(reason: string): Read<T> => ({ ok: false, reason });

export interface CloudSsoUserView {
  userId: string;
  userName: string;
}

export interface GroupView {
  groupId: string;
  groupName?: string;
  members: CloudSsoUserView[];
}

/** What a provisioning is: asked for by a template (specs.ts) or found in the directory. */
export interface ProvisioningSettings {
  directoryId: string;
  principalType: string;
  principalId: string;
  targetId: string;
  duplicationStrategy: string;
  deletionStrategy: string;
}

export interface ProvisioningView extends ProvisioningSettings {
  userProvisioningId: string;
  /**
   * The RAM users it synchronised. No API lists them (identity-effects.md §1.1): known in local mode (the
   * emulator's record), absent on the live path, where the plan guesses from names.
   */
  syncedUsers?: Array<{ userId: string; ramUserName: string }>;
}

export interface RamUserView {
  userName: string;
  /** IMS ProvisionType: `Manual`, `SCIM` or `CloudSSO`. */
  provisionType: string;
  /** The provisioning that owns it; only local mode knows (no API field says so, identity-effects.md §2.2). */
  owner?: string;
}

export interface RamUsersView {
  users: RamUserView[];
  /** Whether `owner` is known (local mode) or only guessable from ProvisionType (live). */
  ownershipKnown: boolean;
}

export interface RoleView {
  roleName: string;
  /** The trust policy as GetRole answers it: JSON text. */
  trustPolicy: string;
}

export interface OidcProviderView {
  arn: string;
  clientIds: string[];
}

export interface DirectoryView {
  provisionings(directoryId: string): Read<ProvisioningView[]>;
  users(directoryId: string): Read<CloudSsoUserView[]>;
  group(directoryId: string, groupId: string): Read<GroupView>;
  ramUsers(accountId: string): Read<RamUsersView>;
  roles(accountId: string): Read<RoleView[]>;
  oidcProvider(accountId: string, name: string): Read<OidcProviderView>;
}

/** Reads gathered up front (by local/plan-view.ts or plan/live/reader.ts), answered from maps. */
export class StaticDirectoryView implements DirectoryView {
  readonly provisioningReads = new Map<string, Read<ProvisioningView[]>>();
  readonly userReads = new Map<string, Read<CloudSsoUserView[]>>();
  readonly groupReads = new Map<string, Read<GroupView>>();
  readonly ramUserReads = new Map<string, Read<RamUsersView>>();
  readonly roleReads = new Map<string, Read<RoleView[]>>();
  readonly providerReads = new Map<string, Read<OidcProviderView>>();

  private static answer<T>(map: Map<string, Read<T>>, key: string, what: string): Read<T> {
    return map.get(key) ?? notRead(`${what} was not read`);
  }

  provisionings(directoryId: string) {
    return StaticDirectoryView.answer(
      this.provisioningReads,
      directoryId,
      `the provisionings of ${directoryId}`,
    );
  }
  users(directoryId: string) {
    return StaticDirectoryView.answer(this.userReads, directoryId, `the users of ${directoryId}`);
  }
  group(directoryId: string, groupId: string) {
    return StaticDirectoryView.answer(this.groupReads, `${directoryId}/${groupId}`, `group ${groupId}`);
  }
  ramUsers(accountId: string) {
    return StaticDirectoryView.answer(this.ramUserReads, accountId, `the RAM users of ${accountId}`);
  }
  roles(accountId: string) {
    return StaticDirectoryView.answer(this.roleReads, accountId, `the RAM roles of ${accountId}`);
  }
  oidcProvider(accountId: string, name: string) {
    return StaticDirectoryView.answer(this.providerReads, `${accountId}/${name}`, `OIDC provider ${name}`);
  }
}
