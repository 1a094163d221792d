import type { FaultInjector } from './faults';
import {
  type DeletionStrategy,
  type Directory,
  type DirectoryGroup,
  type DirectoryUser,
  type DuplicationStrategy,
  type EmulatorState,
  newId,
  newRamUserId,
  type ProvisioningEventSource,
  type RdAccount,
  type UserProvisioning,
  type UserProvisioningEvent,
} from './state';

/**
 * RAM user provisioning as the emulator performs it: synchronously, as a side effect of the
 * CloudSSO call, with failures kept as events (cloud-apis.md §3, §4).
 */
export interface SyncContext {
  state: EmulatorState;
  faults: FaultInjector;
  now: string;
}

/** `ErrorInfo` of a name clash that KeepBoth cannot resolve (text from the API docs, §2.3). */
export const IMS_USER_EXISTS = 'OperationConflict.UserProvisioning.Process.fail.ImsUserExists';
/** `ErrorInfo` of a failure injected with `failSyncFor`; not a documented service text. */
export const INJECTED_SYNC_FAILURE = 'OperationFailed.UserProvisioning.Process.fail.InjectedFault';

/** The CloudSSO users a provisioning covers right now: its user, or its group's members. */
export function principalUsers(directory: Directory, provisioning: UserProvisioning): DirectoryUser[] {
  if (provisioning.principalType === 'User') {
    return directory.users.filter((u) => u.userId === provisioning.principalId);
  }
  const group = directory.groups.find((g) => g.groupId === provisioning.principalId);
  const memberIds = new Set(group?.members.map((m) => m.userId) ?? []);
  return directory.users.filter((u) => memberIds.has(u.userId));
}

export function startProvisioning(
  ctx: SyncContext,
  directory: Directory,
  provisioning: UserProvisioning,
): void {
  for (const user of principalUsers(directory, provisioning)) {
    syncUser(ctx, provisioning, user, 'StartProvisioning', provisioning.duplicationStrategy);
  }
  provisioning.latestAsyncTime = ctx.now;
}

/** Mirrors one user into the target account; returns false (and records an event) when it cannot. */
export function syncUser(
  ctx: SyncContext,
  provisioning: UserProvisioning,
  user: DirectoryUser,
  source: ProvisioningEventSource,
  strategy: DuplicationStrategy,
): boolean {
  provisioning.latestAsyncTime = ctx.now;
  if (provisioning.syncedUsers.some((s) => s.userId === user.userId)) return true;
  const account = targetAccount(ctx.state, provisioning);
  if (ctx.faults.shouldFailSync(user.userName)) {
    recordFailure(ctx, provisioning, user, source, INJECTED_SYNC_FAILURE);
    return false;
  }
  const ramUserName = claimRamUser(ctx, account, provisioning, user, strategy);
  if (ramUserName === undefined) {
    recordFailure(ctx, provisioning, user, source, IMS_USER_EXISTS);
    return false;
  }
  provisioning.syncedUsers.push({ userId: user.userId, ramUserName });
  ctx.state.events = ctx.state.events.filter(
    (e) => !(e.userProvisioningId === provisioning.userProvisioningId && e.userId === user.userId),
  );
  return true;
}

/** Picks (creating or taking over) the RAM user for `user`; undefined when every candidate name is taken. */
function claimRamUser(
  ctx: SyncContext,
  account: RdAccount,
  provisioning: UserProvisioning,
  user: DirectoryUser,
  strategy: DuplicationStrategy,
): string | undefined {
  const id = provisioning.userProvisioningId;
  const existing = account.ramUsers.find((r) => r.userName === user.userName);
  if (existing === undefined) return createRamUser(ctx, account, user.userName, user, id);
  if (existing.provisionedBy === id) return existing.userName;
  if (strategy === 'TakeOver') {
    existing.provisionedBy = id;
    existing.provisionType = 'CloudSSO';
    existing.updateDate = ctx.now;
    return existing.userName;
  }
  const alternative = `${user.userName}_sso`;
  const taken = account.ramUsers.find((r) => r.userName === alternative);
  if (taken === undefined) return createRamUser(ctx, account, alternative, user, id);
  return taken.provisionedBy === id ? taken.userName : undefined;
}

function createRamUser(
  ctx: SyncContext,
  account: RdAccount,
  userName: string,
  user: DirectoryUser,
  provisioningId: string,
): string {
  account.ramUsers.push({
    userId: newRamUserId(),
    userName,
    displayName: user.displayName,
    comments: `Provisioned by CloudSSO (${provisioningId})`,
    createDate: ctx.now,
    updateDate: ctx.now,
    provisionedBy: provisioningId,
    provisionType: 'CloudSSO',
    status: 'active',
  });
  return userName;
}

function recordFailure(
  ctx: SyncContext,
  provisioning: UserProvisioning,
  user: DirectoryUser,
  source: ProvisioningEventSource,
  errorInfo: string,
): UserProvisioningEvent {
  const existing = ctx.state.events.find(
    (e) => e.userProvisioningId === provisioning.userProvisioningId && e.userId === user.userId,
  );
  if (existing !== undefined) {
    existing.errorCount += 1;
    existing.errorInfo = errorInfo;
    existing.latestAsyncTime = ctx.now;
    existing.updateTime = ctx.now;
    return existing;
  }
  const event: UserProvisioningEvent = {
    eventId: newId('upe'),
    userProvisioningId: provisioning.userProvisioningId,
    directoryId: provisioning.directoryId,
    userId: user.userId,
    sourceType: source,
    errorCount: 1,
    errorInfo,
    latestAsyncTime: ctx.now,
    createTime: ctx.now,
    updateTime: ctx.now,
  };
  ctx.state.events.push(event);
  return event;
}

/** Undoes one user's synchronisation: `Delete` removes the RAM user, `Keep` only lets go of it. */
export function deprovisionUser(
  ctx: SyncContext,
  provisioning: UserProvisioning,
  userId: string,
  strategy: DeletionStrategy,
): void {
  const id = provisioning.userProvisioningId;
  const account = targetAccount(ctx.state, provisioning);
  for (const synced of provisioning.syncedUsers.filter((s) => s.userId === userId)) {
    const ramUser = account.ramUsers.find((r) => r.userName === synced.ramUserName && r.provisionedBy === id);
    if (ramUser === undefined) continue;
    if (strategy === 'Delete') {
      account.ramUsers = account.ramUsers.filter((r) => r !== ramUser);
    } else {
      delete ramUser.provisionedBy;
      ramUser.updateDate = ctx.now;
    }
  }
  provisioning.syncedUsers = provisioning.syncedUsers.filter((s) => s.userId !== userId);
  ctx.state.events = ctx.state.events.filter((e) => !(e.userProvisioningId === id && e.userId === userId));
  provisioning.latestAsyncTime = ctx.now;
}

export function deleteProvisioning(
  ctx: SyncContext,
  provisioning: UserProvisioning,
  strategy: DeletionStrategy,
): void {
  for (const synced of [...provisioning.syncedUsers])
    deprovisionUser(ctx, provisioning, synced.userId, strategy);
  const id = provisioning.userProvisioningId;
  ctx.state.provisionings = ctx.state.provisionings.filter((p) => p !== provisioning);
  ctx.state.events = ctx.state.events.filter((e) => e.userProvisioningId !== id);
}

/** Group membership changes propagate to every provisioning of that group. */
export function onMemberAdded(ctx: SyncContext, group: DirectoryGroup, user: DirectoryUser): void {
  for (const provisioning of groupProvisionings(ctx.state, group)) {
    syncUser(ctx, provisioning, user, 'AddUserToGroup', provisioning.duplicationStrategy);
  }
}

export function onMemberRemoved(ctx: SyncContext, group: DirectoryGroup, userId: string): void {
  for (const provisioning of groupProvisionings(ctx.state, group)) {
    deprovisionUser(ctx, provisioning, userId, provisioning.deletionStrategy);
  }
}

/** Re-runs a failed event's synchronisation; on success the event is gone. */
export function retryEvent(
  ctx: SyncContext,
  directory: Directory,
  event: UserProvisioningEvent,
  strategy: DuplicationStrategy,
): boolean {
  const provisioning = ctx.state.provisionings.find((p) => p.userProvisioningId === event.userProvisioningId);
  const user = directory.users.find((u) => u.userId === event.userId);
  if (provisioning === undefined || user === undefined) {
    ctx.state.events = ctx.state.events.filter((e) => e !== event);
    return true;
  }
  return syncUser(ctx, provisioning, user, event.sourceType, strategy);
}

function groupProvisionings(state: EmulatorState, group: DirectoryGroup): UserProvisioning[] {
  return state.provisionings.filter((p) => p.principalType === 'Group' && p.principalId === group.groupId);
}

function targetAccount(state: EmulatorState, provisioning: UserProvisioning): RdAccount {
  const account = state.accounts.find((a) => a.accountId === provisioning.targetId);
  if (account === undefined)
    throw new Error(`provisioning ${provisioning.userProvisioningId} targets a missing account`);
  return account;
}
