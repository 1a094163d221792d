import {
  type ActionContext,
  type ActionTable,
  callerRamAccount,
  markerBody,
  maxItems,
} from './action-context';
import { imsNotFound } from './api-error';
import { paginate } from './pagination';
import type { RamRole, RamUser, RdAccount } from './state';

/**
 * RAM 2015-05-01 (SDK-RAM 1.2.1 models; README "RAM 2015-05-01"): the API that has roles, which IMS
 * 2019-08-15 has not. Its `ListUsers`/`GetUser` share names with IMS's and CloudSSO's but not their
 * shapes: items have `UserName`, and no `ProvisionType` or `Status`. Calls act on the caller's account.
 */
export const RAM_VERSION = '2015-05-01';

const USER_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const ROLE_NAME = /^[A-Za-z0-9.-]{1,64}$/;

export function roleArn(account: RdAccount, role: RamRole): string {
  return `acs:ram::${account.accountId}:role/${role.roleName}`;
}

function roleItem(account: RdAccount, r: RamRole): Record<string, unknown> {
  return {
    Arn: roleArn(account, r),
    RoleId: r.roleId,
    RoleName: r.roleName,
    Description: r.description,
    MaxSessionDuration: r.maxSessionDuration,
    CreateDate: r.createDate,
    UpdateDate: r.updateDate,
  };
}

function userItem(u: RamUser): Record<string, unknown> {
  return {
    UserId: u.userId,
    UserName: u.userName,
    DisplayName: u.displayName,
    Comments: u.comments,
    CreateDate: u.createDate,
    UpdateDate: u.updateDate,
  };
}

/** A `Tag` filter matches nothing: roles carry no tags here. The list has no trust policies (GetRole has). */
function listRoles(ctx: ActionContext) {
  const account = callerRamAccount(ctx);
  const tagged = ctx.params.hasList('Tag');
  const roles = tagged ? [] : account.roles;
  const page = paginate(roles, ctx.params.optional('Marker'), maxItems(ctx, 100), 'Marker', String(tagged));
  const items = page.items.map((r) => roleItem(account, r));
  return markerBody('Roles', 'Role', items, page.nextToken);
}

/** `AssumeRolePolicyDocument` is the trust policy as a JSON string, to be parsed by the caller. */
function getRole(ctx: ActionContext) {
  const account = callerRamAccount(ctx);
  const name = ctx.params.matching('RoleName', ROLE_NAME, 'must be 1-64 letters, digits or .-', true);
  const role = account.roles.find((r) => r.roleName === name);
  if (role === undefined) throw imsNotFound('Role', name);
  return { Role: { ...roleItem(account, role), AssumeRolePolicyDocument: role.assumeRolePolicyDocument } };
}

/** Every RAM user, frozen or not: this API has no status filter. */
function listUsers(ctx: ActionContext) {
  const account = callerRamAccount(ctx);
  const page = paginate(account.ramUsers, ctx.params.optional('Marker'), maxItems(ctx, 100), 'Marker');
  return markerBody('Users', 'User', page.items.map(userItem), page.nextToken);
}

function getUser(ctx: ActionContext) {
  const account = callerRamAccount(ctx);
  const name = ctx.params.matching('UserName', USER_NAME, 'must be 1-64 letters, digits or ._-', true);
  const user = account.ramUsers.find((u) => u.userName === name);
  if (user === undefined) throw imsNotFound('User', name);
  return { User: userItem(user) };
}

export const ramActions: ActionTable = {
  ListRoles: listRoles,
  GetRole: getRole,
  ListUsers: listUsers,
  GetUser: getUser,
};
