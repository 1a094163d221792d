import type { CloudSsoUserView, DirectoryView, ProvisioningView, RamUserView, Read } from './directory-view';
import type { Unknown } from './model';

/** A provisioning as the plan tracks it while it walks the stack operation step by step. */
export interface WorkingProvisioning extends Omit<ProvisioningView, 'syncedUsers'> {
  /** Known synchronised users; undefined when they can only be guessed (live path). */
  syncedUsers?: Array<{ userId: string; ramUserName: string }>;
}

export interface WorkingAccount {
  users: RamUserView[];
  ownershipKnown: boolean;
}

/**
 * A copy-on-read of the view that the plan changes as the runner would change the cloud, so that
 * later steps see earlier ones (a second provisioning of the same user meets the first one's RAM
 * user; a replacement's create meets what its delete left).
 */
export class WorkingState {
  private readonly provisioningsByDirectory = new Map<string, Read<WorkingProvisioning[]>>();
  private readonly accounts = new Map<string, Read<WorkingAccount>>();
  private readonly clientIds = new Map<string, Read<{ arn: string; clientIds: string[] }>>();
  readonly unknown: Unknown[] = [];

  constructor(readonly view: DirectoryView) {}

  note(entry: Unknown): void {
    const same = (u: Unknown) =>
      u.reason === entry.reason && u.logicalId === entry.logicalId && u.accountId === entry.accountId;
    if (!this.unknown.some(same)) this.unknown.push(entry);
  }

  provisionings(directoryId: string): Read<WorkingProvisioning[]> {
    return copyOnRead(this.provisioningsByDirectory, directoryId, () => this.view.provisionings(directoryId));
  }

  account(accountId: string): Read<WorkingAccount> {
    return copyOnRead(this.accounts, accountId, () => this.view.ramUsers(accountId));
  }

  provider(accountId: string, name: string): Read<{ arn: string; clientIds: string[] }> {
    return copyOnRead(this.clientIds, `${accountId}/${name}`, () => this.view.oidcProvider(accountId, name));
  }

  /** The CloudSSO users a principal covers now: the user itself, or the group's members. */
  principalUsers(
    directoryId: string,
    principalType: string,
    principalId: string,
  ): Read<{ users: CloudSsoUserView[]; name?: string }> {
    if (principalType === 'Group') {
      const group = this.view.group(directoryId, principalId);
      if (!group.ok) return group;
      return { ok: true, value: { users: group.value.members, name: group.value.groupName } };
    }
    const users = this.view.users(directoryId);
    if (!users.ok) return users;
    const user = users.value.find((u) => u.userId === principalId);
    // A user that does not exist: the service refuses the create (EntityNotExists.User).
    if (user === undefined) return { ok: false, reason: `CloudSSO user ${principalId} does not exist` };
    return { ok: true, value: { users: [user], name: user.userName } };
  }

  userName(directoryId: string, userId: string): string {
    const users = this.view.users(directoryId);
    return (users.ok ? users.value.find((u) => u.userId === userId)?.userName : undefined) ?? userId;
  }
}

/** The first read of `key` is copied, so the plan's changes never reach the view. */
function copyOnRead<T>(cache: Map<string, Read<T>>, key: string, read: () => Read<T>): Read<T> {
  let found = cache.get(key);
  if (found === undefined) {
    const seen = read();
    found = seen.ok ? { ok: true, value: structuredClone(seen.value) } : seen;
    cache.set(key, found);
  }
  return found;
}
