import { expect } from 'vitest';
import type { RunningEmulator } from '../../../local/emulator';
import { CLOUDSSO, callSdk, IMS, RAM, STS, type SdkResponse, type SdkTarget } from './sdk';

/** Seeded names → IDs, read from the live state (IDs are random per run). */
export function userIdOf(emulator: RunningEmulator, userName: string): string {
  const user = emulator.state.directories[0]?.users.find((u) => u.userName === userName);
  if (user === undefined) throw new Error(`no seeded user ${userName}`);
  return user.userId;
}

export function groupIdOf(emulator: RunningEmulator, groupName: string): string {
  const group = emulator.state.directories[0]?.groups.find((g) => g.groupName === groupName);
  if (group === undefined) throw new Error(`no seeded group ${groupName}`);
  return group.groupId;
}

export function accountIdOf(emulator: RunningEmulator, name: string): string {
  const account = emulator.state.accounts.find((a) => a.displayName === name);
  if (account === undefined) throw new Error(`no seeded account ${name}`);
  return account.accountId;
}

/** The emulator's key for an account, to make IMS calls as that account. */
export function keyFor(emulator: RunningEmulator, accountId: string): SdkTarget {
  const credential = emulator.credentials.find((c) => c.accountId === accountId);
  if (credential === undefined) throw new Error(`no key for ${accountId}`);
  return { host: emulator.host, ...credential };
}

export function ramUserNames(emulator: RunningEmulator, accountId: string): string[] {
  return (emulator.state.accounts.find((a) => a.accountId === accountId)?.ramUsers ?? []).map(
    (u) => u.userName,
  );
}

export function cloudSso(emulator: RunningEmulator, action: string, params: Record<string, unknown> = {}) {
  return callSdk(emulator, CLOUDSSO, action, { DirectoryId: emulator.directoryId, ...params });
}

export function ims(
  target: SdkTarget,
  action: string,
  params: Record<string, unknown> = {},
): Promise<SdkResponse> {
  return callSdk(target, IMS, action, params);
}

export function ram(target: SdkTarget, action: string, params: Record<string, unknown> = {}) {
  return callSdk(target, RAM, action, params);
}

export function sts(target: SdkTarget, action: string, params: Record<string, unknown> = {}) {
  return callSdk(target, STS, action, params);
}

/** The emulator's key of a seeded RAM user (`accessKey: true`). */
export function userKey(emulator: RunningEmulator, accountId: string, userName: string): SdkTarget {
  const credential = emulator.credentials.find((c) => c.accountId === accountId && c.ramUser === userName);
  if (credential === undefined) throw new Error(`no key for RAM user ${userName} of ${accountId}`);
  return { host: emulator.host, ...credential };
}

/** AssumeRole as `caller`; returns the session as an SDK target (the token rides as x-acs-security-token). */
export async function assumeRole(
  emulator: RunningEmulator,
  caller: SdkTarget,
  roleArn: string,
  extra: Record<string, unknown> = {},
): Promise<SdkTarget> {
  const response = await sts(caller, 'AssumeRole', {
    RoleArn: roleArn,
    RoleSessionName: 'ros-sso-test',
    ...extra,
  });
  const credentials = response.body.Credentials as Record<string, string>;
  return {
    host: emulator.host,
    accessKeyId: credentials.AccessKeyId ?? '',
    accessKeySecret: credentials.AccessKeySecret ?? '',
    securityToken: credentials.SecurityToken ?? '',
  };
}

export const roleArnOf = (accountId: string, roleName: string) => `acs:ram::${accountId}:role/${roleName}`;

export interface ProvisioningRequest {
  principal: { userName: string } | { groupName: string };
  target: string;
  duplication?: 'KeepBoth' | 'TakeOver';
  deletion?: 'Delete' | 'Keep';
}

/** CreateUserProvisioning by seeded names; returns the new `up-…` ID. */
export async function createProvisioning(
  emulator: RunningEmulator,
  request: ProvisioningRequest,
): Promise<string> {
  const principal =
    'userName' in request.principal
      ? { PrincipalId: userIdOf(emulator, request.principal.userName), PrincipalType: 'User' }
      : { PrincipalId: groupIdOf(emulator, request.principal.groupName), PrincipalType: 'Group' };
  const response = await cloudSso(emulator, 'CreateUserProvisioning', {
    ...principal,
    TargetId: accountIdOf(emulator, request.target),
    TargetType: 'RD-Account',
    DuplicationStrategy: request.duplication ?? 'KeepBoth',
    DeletionStrategy: request.deletion ?? 'Delete',
  });
  const provisioning = response.body.UserProvisioning as { UserProvisioningId: string };
  return provisioning.UserProvisioningId;
}

/** Follows a list to its end, sending `tokenName` back unchanged with the same filters. */
export async function allPages(
  call: (token: unknown) => Promise<SdkResponse>,
  tokenName: 'NextToken' | 'Marker',
  items: (body: Record<string, unknown>) => unknown[],
): Promise<{ items: unknown[]; pages: number }> {
  const collected: unknown[] = [];
  let token: unknown;
  let pages = 0;
  do {
    const { body } = await call(token);
    collected.push(...items(body));
    token = body[tokenName];
    expect(body.IsTruncated).toBe(token !== undefined);
    pages += 1;
  } while (token !== undefined && pages < 500);
  return { items: collected, pages };
}
