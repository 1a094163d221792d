import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOUDSSO, callSdk, IMS, RAM, STS, type SdkTarget } from './sdk';

const TEMPLATES = join(__dirname, '..', '..', '..', 'templates');

/** A checked-in policy document with its `${Name}` placeholders filled in, as JSON text. */
export function policyDocument(file: string, values: Record<string, string>): string {
  const text = readFileSync(join(TEMPLATES, file), 'utf8').replace(/\$\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${file}: no value for \${${name}}`);
    return value;
  });
  return JSON.stringify(JSON.parse(text));
}

/** One API call: which API (by version), which action, with what. */
export interface Call {
  version: string;
  action: string;
  params: Record<string, unknown>;
}

export const call = (target: SdkTarget, c: Call) => callSdk(target, c.version, c.action, c.params);

/** What the management side of `ros-sso plan` reads (issue 14; README, "Permissions"). */
export function managementReads(ids: {
  directoryId: string;
  userId: string;
  groupId: string;
  provisioningId: string;
  eventId: string;
  memberId: string;
  userPrincipalName: string;
}): Call[] {
  const d = { DirectoryId: ids.directoryId };
  const sso = (action: string, params: Record<string, unknown> = {}): Call => ({
    version: CLOUDSSO,
    action,
    params: { ...d, ...params },
  });
  return [
    { version: CLOUDSSO, action: 'ListDirectories', params: {} },
    sso('GetDirectory'),
    sso('ListUserProvisionings', { TargetId: ids.memberId }),
    sso('GetUserProvisioning', { UserProvisioningId: ids.provisioningId }),
    sso('GetUserProvisioningStatistics', { UserProvisioningId: ids.provisioningId }),
    sso('GetUserProvisioningRdAccountStatistics', { RdMemberId: ids.memberId }),
    sso('ListUserProvisioningEvents', { UserProvisioningId: ids.provisioningId }),
    sso('ListUserProvisioningEvents'),
    sso('GetUserProvisioningEvent', { EventId: ids.eventId }),
    sso('ListUsers', { Filter: 'UserName eq alice' }),
    sso('GetUser', { UserId: ids.userId }),
    sso('GetGroup', { GroupId: ids.groupId }),
    sso('ListGroupMembers', { GroupId: ids.groupId }),
    sso('ListJoinedGroupsForUser', { UserId: ids.userId }),
    { version: IMS, action: 'ListOIDCProviders', params: {} },
    { version: IMS, action: 'GetOIDCProvider', params: { OIDCProviderName: 'github' } },
    { version: IMS, action: 'ListUsers', params: { Status: 'active,freeze' } },
    { version: IMS, action: 'GetUser', params: { UserPrincipalName: ids.userPrincipalName } },
    { version: RAM, action: 'ListRoles', params: {} },
    { version: RAM, action: 'GetRole', params: { RoleName: 'ros-sso-plan' } },
    { version: STS, action: 'GetCallerIdentity', params: {} },
  ];
}

/** What the plan reads in each target account once it holds that account's STS token. */
export function memberReads(userPrincipalName: string): Call[] {
  return [
    { version: IMS, action: 'ListUsers', params: { Status: 'active,freeze', MaxItems: 1000 } },
    { version: IMS, action: 'GetUser', params: { UserPrincipalName: userPrincipalName } },
    { version: IMS, action: 'ListOIDCProviders', params: {} },
    { version: IMS, action: 'GetOIDCProvider', params: { OIDCProviderName: 'gitlab' } },
    { version: RAM, action: 'ListRoles', params: {} },
    { version: RAM, action: 'GetRole', params: { RoleName: 'ResourceDirectoryAccountAccessRole' } },
    { version: RAM, action: 'ListUsers', params: {} },
    { version: RAM, action: 'GetUser', params: { UserName: 'bob' } },
  ];
}

/** Writes a read-only plan identity must never be able to make, in the management account. */
export function managementWrites(ids: {
  directoryId: string;
  userId: string;
  groupId: string;
  provisioningId: string;
  memberId: string;
}): Call[] {
  const sso = (action: string, params: Record<string, unknown>): Call => ({
    version: CLOUDSSO,
    action,
    params: { DirectoryId: ids.directoryId, ...params },
  });
  return [
    sso('CreateUser', { UserName: 'mallory' }),
    sso('AddUserToGroup', { GroupId: ids.groupId, UserId: ids.userId }),
    sso('CreateUserProvisioning', {
      PrincipalId: ids.userId,
      PrincipalType: 'User',
      TargetId: ids.memberId,
      TargetType: 'RD-Account',
      DuplicationStrategy: 'TakeOver',
      DeletionStrategy: 'Delete',
    }),
    sso('UpdateUserProvisioning', { UserProvisioningId: ids.provisioningId, NewDeletionStrategy: 'Delete' }),
    sso('DeleteUserProvisioning', { UserProvisioningId: ids.provisioningId }),
    {
      version: IMS,
      action: 'AddClientIdToOIDCProvider',
      params: { OIDCProviderName: 'github', ClientId: 'evil' },
    },
    { version: IMS, action: 'DeleteOIDCProvider', params: { OIDCProviderName: 'github' } },
  ];
}

/** Writes in a member account. */
export function memberWrites(): Call[] {
  return [
    {
      version: IMS,
      action: 'CreateOIDCProvider',
      params: { OIDCProviderName: 'x', IssuerUrl: 'https://x.example.com' },
    },
    {
      version: IMS,
      action: 'RemoveClientIdFromOIDCProvider',
      params: { OIDCProviderName: 'gitlab', ClientId: 'ci' },
    },
    { version: IMS, action: 'DeleteOIDCProvider', params: { OIDCProviderName: 'gitlab' } },
  ];
}
