import {
  type ActionContext,
  type ActionTable,
  callerRamAccount,
  markerBody,
  maxItems,
} from './action-context';
import { imsNotFound, invalidParameter } from './api-error';
import { paginate } from './pagination';
import type { RamUser, RamUserStatus, RdAccount } from './state';

/**
 * IMS 2019-08-15 RAM-user reads (SDK-IMS 2.3.2 models). The list item has no
 * `UserName`: the name is the part of `UserPrincipalName` before `@`.
 */

const STATUS_FILTERS: Readonly<Record<string, readonly RamUserStatus[]>> = {
  active: ['active'],
  freeze: ['freeze'],
  'active,freeze': ['active', 'freeze'],
  'freeze,active': ['active', 'freeze'],
};

export function userPrincipalName(account: RdAccount, user: RamUser): string {
  return `${user.userName}@${account.accountId}.onaliyun.com`;
}

function listItem(account: RdAccount, u: RamUser): Record<string, unknown> {
  return {
    UserId: u.userId,
    UserPrincipalName: userPrincipalName(account, u),
    DisplayName: u.displayName,
    Comments: u.comments,
    Status: u.status,
    ProvisionType: u.provisionType,
    CreateDate: u.createDate,
    UpdateDate: u.updateDate,
  };
}

/** GetUser's `User`: the list fields less `Status` (not in its model), plus `UserName`. */
function userBody(account: RdAccount, u: RamUser): Record<string, unknown> {
  const { Status: _status, ...fields } = listItem(account, u);
  return { ...fields, UserName: u.userName };
}

/** Looks a RAM user up by `UserPrincipalName`, `UserId` or `UserAccessKeyId` (the first one given). */
function getUser(ctx: ActionContext) {
  const account = callerRamAccount(ctx);
  const p = ctx.params;
  const principalName = p.optional('UserPrincipalName');
  const userId = p.optional('UserId');
  const accessKeyId = p.optional('UserAccessKeyId');
  let user: RamUser | undefined;
  if (principalName !== undefined) {
    user = account.ramUsers.find((u) => userPrincipalName(account, u) === principalName);
  } else if (userId !== undefined) {
    user = account.ramUsers.find((u) => u.userId === userId);
  } else if (accessKeyId !== undefined) {
    const key = ctx.credentials.longTermKey(accessKeyId);
    user =
      key?.accountId === account.accountId
        ? account.ramUsers.find((u) => u.userName === key.ramUser)
        : undefined;
  } else {
    p.required('UserPrincipalName');
  }
  if (user === undefined) throw imsNotFound('User', principalName ?? userId ?? accessKeyId ?? '');
  return { User: userBody(account, user) };
}

/**
 * `Status` empty means `active` only, so a frozen user is missed unless asked for; with a `Tag`
 * filter both states are listed (SDK-IMS). Users carry no tags here, so a `Tag` filter matches none.
 */
function listUsers(ctx: ActionContext) {
  const account = callerRamAccount(ctx);
  const size = maxItems(ctx, 1000);
  const tagged = ctx.params.hasList('Tag');
  const statusText = ctx.params.optional('Status') ?? '';
  const statuses =
    statusText === ''
      ? tagged
        ? STATUS_FILTERS['active,freeze']
        : STATUS_FILTERS.active
      : STATUS_FILTERS[statusText];
  if (statuses === undefined)
    throw invalidParameter('Status', `"${statusText}" is not active, freeze or active,freeze`);
  const matching = account.ramUsers.filter((u) => !tagged && statuses.includes(u.status));
  const page = paginate(
    matching,
    ctx.params.optional('Marker'),
    size,
    'Marker',
    `${statuses.join()}|${tagged}`,
  );
  return markerBody(
    'Users',
    'User',
    page.items.map((u) => listItem(account, u)),
    page.nextToken,
  );
}

export const imsUserActions: ActionTable = {
  GetUser: getUser,
  ListUsers: listUsers,
};
