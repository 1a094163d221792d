import type { CloudSsoUserView, DirectoryView, ProvisioningView, RamUserView, Read } from './directory-view';
import type { Unknown } from './model';

/** A provisioning as the plan tracks it while it walks the stack operation step by step. */
export interface WorkingProvisioning extends Omit<ProvisioningView, 'syncedUsers'> {
  /** Known synchronised users; undefined when they can only be guessed (live path). */
  syncedUsers?: Array<{ userId: string; ramUserName: string }>;
}

/**
 * The RAM users of one account as the plan changes them, by name (RAM user names are unique in an
 * account), so that a plan over thousands of users stays linear.
 */
export class WorkingAccount {
  private readonly byName = new Map<string, RamUserView>();

  constructor(
    users: readonly RamUserView[],
    readonly ownershipKnown: boolean,
  ) {
    for (const user of users) this.byName.set(user.userName, { ...user });
  }

  named(userName: string): RamUserView | undefined {
    return this.byName.get(userName);
  }

  add(user: RamUserView): void {
    this.byName.set(user.userName, user);
  }

  remove(userName: string): void {
    this.byName.delete(userName);
  }
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
  private readonly userNames = new Map<string, Map<string, string>>();
  private readonly noted = new Set<string>();
  readonly unknown: Unknown[] = [];

  constructor(readonly view: DirectoryView) {}

  /** Records what the plan could not know, once per resource, account and reason. */
  note(entry: Unknown): void {
    const key = JSON.stringify([entry.logicalId, entry.accountId, entry.reason]);
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.unknown.push(entry);
  }

  provisionings(directoryId: string): Read<WorkingProvisioning[]> {
    return copyOnRead(this.provisioningsByDirectory, directoryId, () => this.view.provisionings(directoryId));
  }

  account(accountId: string): Read<WorkingAccount> {
    let found = this.accounts.get(accountId);
    if (found === undefined) {
      const seen = this.view.ramUsers(accountId);
      found = seen.ok
        ? { ok: true, value: new WorkingAccount(seen.value.users, seen.value.ownershipKnown) }
        : seen;
      this.accounts.set(accountId, found);
    }
    return found;
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

  /** A CloudSSO user's name, or its ID when the directory's users could not be read. */
  userName(directoryId: string, userId: string): string {
    let names = this.userNames.get(directoryId);
    if (names === undefined) {
      const users = this.view.users(directoryId);
      names = new Map(users.ok ? users.value.map((u) => [u.userId, u.userName]) : []);
      this.userNames.set(directoryId, names);
    }
    return names.get(userId) ?? userId;
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
