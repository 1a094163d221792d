import { randomBytes, randomInt } from 'node:crypto';
import { cloudSsoNotFound } from './api-error';

export type PrincipalType = 'User' | 'Group';
export type DuplicationStrategy = 'KeepBoth' | 'TakeOver';
export type DeletionStrategy = 'Delete' | 'Keep';
export type ProvisioningEventSource =
  | 'StartProvisioning'
  | 'DeleteProvisioning'
  | 'AddUserToGroup'
  | 'RemoveUserFromGroup'
  | 'UserProvisioningDeletionClearing';

export interface DirectoryUser {
  userId: string;
  userName: string;
  displayName: string;
  firstName: string;
  lastName: string;
  email: string;
  description: string;
  status: 'Enabled' | 'Disabled';
  createTime: string;
  updateTime: string;
}

export interface GroupMember {
  userId: string;
  joinTime: string;
}

export interface DirectoryGroup {
  groupId: string;
  groupName: string;
  description: string;
  createTime: string;
  updateTime: string;
  members: GroupMember[];
}

export interface Directory {
  directoryId: string;
  directoryName: string;
  region: string;
  ownerPk: string;
  createTime: string;
  updateTime: string;
  users: DirectoryUser[];
  groups: DirectoryGroup[];
}

/** IMS `ProvisionType` of a RAM user (SDK-IMS): who made it. */
export type RamProvisionType = 'Manual' | 'SCIM' | 'CloudSSO';
/** IMS `Status` of a RAM user: `freeze` users are hidden by ListUsers unless asked for. */
export type RamUserStatus = 'active' | 'freeze';

export interface RamUser {
  userId: string;
  userName: string;
  displayName: string;
  comments: string;
  createDate: string;
  updateDate: string;
  /** The `up-…` provisioning that created or took over this user; absent for users made by people. */
  provisionedBy?: string;
  /** `CloudSSO` once a provisioning created or took the user over; it stays after a Keep release (guessed). */
  provisionType: RamProvisionType;
  status: RamUserStatus;
  /** The user's AccessKey ID when the seed gave it one; the secret is derived from it (README, "Keys"). */
  accessKeyId?: string;
  /** The user's permission policy (JSON text); without one a RAM-user key may call everything. */
  policyDocument?: string;
}

/** A RAM role of an account (RAM 2015-05-01 `GetRole`, SDK-RAM). */
export interface RamRole {
  roleId: string;
  roleName: string;
  description: string;
  /** The trust policy, kept as the JSON text GetRole answers with. */
  assumeRolePolicyDocument: string;
  /** Seconds, 3600–43200; caps AssumeRole's `DurationSeconds`. */
  maxSessionDuration: number;
  createDate: string;
  updateDate: string;
  /** The role's permission policy (JSON text); without one the role may do everything (PEER-RDAR). */
  policyDocument?: string;
}

export interface OidcProvider {
  name: string;
  issuerUrl: string;
  clientIds: string[];
  fingerprints: string[];
  description: string;
  issuanceLimitTime: number;
  createDate: string;
  updateDate: string;
}

/** A Resource Directory account (management or member), with the RAM entities that live in it. */
export interface RdAccount {
  accountId: string;
  displayName: string;
  isManagement: boolean;
  /** RD path `rd-…/r-…/<accountId>`, reported as a provisioning's `TargetPath`. */
  path: string;
  ramUsers: RamUser[];
  roles: RamRole[];
  oidcProviders: OidcProvider[];
}

/** A CloudSSO user that a provisioning has mirrored into the target account as `ramUserName`. */
export interface SyncedUser {
  userId: string;
  ramUserName: string;
}

export interface UserProvisioning {
  userProvisioningId: string;
  directoryId: string;
  ownerPk: string;
  principalId: string;
  principalType: PrincipalType;
  principalName: string;
  targetId: string;
  targetType: 'RD-Account';
  targetName: string;
  targetPath: string;
  duplicationStrategy: DuplicationStrategy;
  deletionStrategy: DeletionStrategy;
  /** What a Delete without `DeletionStrategy` applies: the value given at creation (§2.2, §4). */
  deletionStrategyAtCreation: DeletionStrategy;
  description: string;
  status: 'Enabled';
  createTime: string;
  updateTime: string;
  latestAsyncTime?: string;
  syncedUsers: SyncedUser[];
}

/** A failed synchronisation, kept until retried successfully or deleted (cloud-apis.md §3). */
export interface UserProvisioningEvent {
  eventId: string;
  userProvisioningId: string;
  directoryId: string;
  /** The CloudSSO user whose synchronisation failed. */
  userId: string;
  sourceType: ProvisioningEventSource;
  errorCount: number;
  errorInfo: string;
  latestAsyncTime: string;
  createTime: string;
  updateTime: string;
}

export interface EmulatorState {
  resourceDirectoryId: string;
  managementAccountId: string;
  accounts: RdAccount[];
  directories: Directory[];
  provisionings: UserProvisioning[];
  events: UserProvisioningEvent[];
}

/** A deep, JSON-serializable copy of the state. */
export type StateSnapshot = EmulatorState;

export function snapshotState(state: EmulatorState): StateSnapshot {
  return structuredClone(state);
}

/** CloudSSO timestamps are ISO-8601 UTC without milliseconds (`2022-11-28T03:55:42Z`); so are STS's. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoNow(): string {
  return isoAt(Date.now());
}

export function newId(prefix: 'd' | 'u' | 'g' | 'up' | 'upe' | 'rd' | 'r'): string {
  return `${prefix}-${randomBytes(7).toString('hex')}`;
}

/** RAM user IDs are long decimal strings. */
export function newRamUserId(): string {
  return `2${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}

export function requireDirectory(state: EmulatorState, directoryId: string): Directory {
  const directory = state.directories.find((d) => d.directoryId === directoryId);
  if (directory === undefined) throw cloudSsoNotFound('Directory', directoryId);
  return directory;
}

export function requireUser(directory: Directory, userId: string): DirectoryUser {
  const user = directory.users.find((u) => u.userId === userId);
  if (user === undefined) throw cloudSsoNotFound('User', userId);
  return user;
}

export function requireGroup(directory: Directory, groupId: string): DirectoryGroup {
  const group = directory.groups.find((g) => g.groupId === groupId);
  if (group === undefined) throw cloudSsoNotFound('Group', groupId);
  return group;
}

export function requireProvisioning(state: EmulatorState, directoryId: string, id: string): UserProvisioning {
  const found = state.provisionings.find((p) => p.userProvisioningId === id && p.directoryId === directoryId);
  if (found === undefined) throw cloudSsoNotFound('UserProvisioning', id);
  return found;
}

export function requireAccount(state: EmulatorState, accountId: string): RdAccount {
  const account = state.accounts.find((a) => a.accountId === accountId);
  if (account === undefined) throw cloudSsoNotFound('Account', accountId);
  return account;
}
