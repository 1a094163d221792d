import {
  type ActionContext,
  type ActionTable,
  callerDirectory,
  listBody,
  maxResults,
} from './action-context';
import { ApiError, alreadyExists, invalidParameter } from './api-error';
import { paginate } from './pagination';
import { onMemberAdded, onMemberRemoved } from './provisioning-sync';
import {
  type Directory,
  type DirectoryGroup,
  type DirectoryUser,
  newId,
  requireGroup,
  requireUser,
} from './state';

/** CloudSSO directory, user and group actions (cloud-apis.md §2.2). */

const USER_NAME = /^[A-Za-z0-9@_.-]{1,64}$/;
const GROUP_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

function userBody(user: DirectoryUser): Record<string, unknown> {
  return {
    UserId: user.userId,
    UserName: user.userName,
    DisplayName: user.displayName,
    FirstName: user.firstName,
    LastName: user.lastName,
    Email: user.email,
    Description: user.description,
    Status: user.status,
    ProvisionType: 'Manual',
    CreateTime: user.createTime,
    UpdateTime: user.updateTime,
    Tags: [],
  };
}

function groupBody(group: DirectoryGroup): Record<string, unknown> {
  return {
    GroupId: group.groupId,
    GroupName: group.groupName,
    Description: group.description,
    ProvisionType: 'Manual',
    CreateTime: group.createTime,
    UpdateTime: group.updateTime,
  };
}

function directoryBody(d: Directory): Record<string, unknown> {
  return {
    DirectoryId: d.directoryId,
    DirectoryName: d.directoryName,
    Region: d.region,
    CreateTime: d.createTime,
    UpdateTime: d.updateTime,
  };
}

function getDirectory(ctx: ActionContext) {
  return { Directory: directoryBody(callerDirectory(ctx)) };
}

/** The caller's own directories (fields as GetDirectory's [INFER]; the list is not paged). */
function listDirectories(ctx: ActionContext) {
  const own = ctx.state.directories.filter((d) => d.ownerPk === ctx.accountId);
  return { Directories: own.map(directoryBody) };
}

function createUser(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const p = ctx.params;
  const userName = p.matching('UserName', USER_NAME, 'must be 1-64 letters, digits or @_-.', true);
  if (directory.users.some((u) => u.userName === userName)) throw alreadyExists('User', userName);
  const email = p.optional('Email') ?? '';
  if (email !== '' && directory.users.some((u) => u.email === email))
    throw alreadyExists('User.Email', email);
  const user: DirectoryUser = {
    userId: newId('u'),
    userName,
    displayName: p.optional('DisplayName') ?? userName,
    firstName: p.optional('FirstName') ?? '',
    lastName: p.optional('LastName') ?? '',
    email,
    description: p.optional('Description') ?? '',
    status: p.oneOf('Status', ['Enabled', 'Disabled'] as const, false) ?? 'Enabled',
    createTime: ctx.now,
    updateTime: ctx.now,
  };
  directory.users.push(user);
  return { User: userBody(user) };
}

function getUser(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  return { User: userBody(requireUser(directory, ctx.params.required('UserId'))) };
}

/**
 * `Filter` is `UserName eq <v>` or `UserName sw <v>` (only that attribute and those operators),
 * compared case-insensitively (SDK TS-SSO); the value is taken as written, quotes included.
 */
function userNameFilter(ctx: ActionContext): ((user: DirectoryUser) => boolean) | undefined {
  const filter = ctx.params.optional('Filter');
  if (filter === undefined || filter === '') return undefined;
  const match = /^UserName (eq|sw) (.+)$/.exec(filter);
  if (match === null)
    throw invalidParameter('Filter', `"${filter}" is not "UserName eq <name>" or "UserName sw <prefix>"`);
  const [, operator, raw = ''] = match;
  const value = raw.toLowerCase();
  return operator === 'eq'
    ? (u) => u.userName.toLowerCase() === value
    : (u) => u.userName.toLowerCase().startsWith(value);
}

/** Users carry no tags and none came by SCIM here: a `Tags` filter or `ProvisionType=Synchronized` matches nobody. */
function listUsers(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const p = ctx.params;
  const byName = userNameFilter(ctx);
  const provisionType = p.oneOf('ProvisionType', ['Manual', 'Synchronized'] as const, false);
  const status = p.oneOf('Status', ['Enabled', 'Disabled'] as const, false);
  const tagged = p.hasList('Tags');
  const matching = directory.users.filter(
    (u) =>
      (byName === undefined || byName(u)) &&
      provisionType !== 'Synchronized' &&
      !tagged &&
      (status === undefined || u.status === status),
  );
  const size = maxResults(ctx);
  const scope = [directory.directoryId, p.optional('Filter'), provisionType, status, tagged].join('|');
  const page = paginate(matching, p.optional('NextToken'), size, 'NextToken', scope);
  return listBody('Users', page.items.map(userBody), matching.length, size, page.nextToken);
}

function createGroup(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const groupName = ctx.params.matching(
    'GroupName',
    GROUP_NAME,
    'must be 1-128 letters, digits or _-.',
    true,
  );
  if (directory.groups.some((g) => g.groupName === groupName)) throw alreadyExists('Group', groupName);
  const group: DirectoryGroup = {
    groupId: newId('g'),
    groupName,
    description: ctx.params.optional('Description') ?? '',
    createTime: ctx.now,
    updateTime: ctx.now,
    members: [],
  };
  directory.groups.push(group);
  return { Group: groupBody(group) };
}

function getGroup(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  return { Group: groupBody(requireGroup(directory, ctx.params.required('GroupId'))) };
}

function listGroups(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const size = maxResults(ctx);
  const page = paginate(
    directory.groups,
    ctx.params.optional('NextToken'),
    size,
    'NextToken',
    directory.directoryId,
  );
  return listBody('Groups', page.items.map(groupBody), directory.groups.length, size, page.nextToken);
}

function listGroupMembers(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const group = requireGroup(directory, ctx.params.required('GroupId'));
  const size = maxResults(ctx);
  const page = paginate(group.members, ctx.params.optional('NextToken'), size, 'NextToken', group.groupId);
  // The SDK model has no DirectoryId in a member (TS-SSO).
  const members = page.items.map((m) => {
    const user = requireUser(directory, m.userId);
    return {
      GroupId: group.groupId,
      UserId: user.userId,
      UserName: user.userName,
      DisplayName: user.displayName,
      Email: user.email,
      Description: user.description,
      Status: user.status,
      ProvisionType: 'Manual',
      JoinTime: m.joinTime,
    };
  });
  return listBody('GroupMembers', members, group.members.length, size, page.nextToken);
}

/** The groups a user belongs to (META ListJoinedGroupsForUser). */
function listJoinedGroupsForUser(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const user = requireUser(directory, ctx.params.required('UserId'));
  const joined = directory.groups.flatMap((g) => {
    const membership = g.members.find((m) => m.userId === user.userId);
    return membership === undefined ? [] : [{ group: g, joinTime: membership.joinTime }];
  });
  const size = maxResults(ctx);
  const page = paginate(joined, ctx.params.optional('NextToken'), size, 'NextToken', user.userId);
  const items = page.items.map(({ group, joinTime }) => ({
    GroupId: group.groupId,
    GroupName: group.groupName,
    Description: group.description,
    UserId: user.userId,
    ProvisionType: 'Manual',
    JoinTime: joinTime,
  }));
  return listBody('JoinedGroups', items, joined.length, size, page.nextToken);
}

function memberCall(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const group = requireGroup(directory, ctx.params.required('GroupId'));
  const user = requireUser(directory, ctx.params.required('UserId'));
  return { group, user };
}

/** Membership changes are provisioning event sources (§4): members added later are synced too. */
function addUserToGroup(ctx: ActionContext) {
  const { group, user } = memberCall(ctx);
  if (group.members.some((m) => m.userId === user.userId)) throw alreadyExists('GroupMember', user.userId);
  group.members.push({ userId: user.userId, joinTime: ctx.now });
  onMemberAdded(ctx, group, user);
  return {};
}

function removeUserFromGroup(ctx: ActionContext) {
  const { group, user } = memberCall(ctx);
  if (!group.members.some((m) => m.userId === user.userId)) {
    throw new ApiError(
      'EntityNotExists.GroupMember',
      404,
      `The user "${user.userId}" is not a member of the group.`,
    );
  }
  group.members = group.members.filter((m) => m.userId !== user.userId);
  onMemberRemoved(ctx, group, user.userId);
  return {};
}

export const cloudSsoDirectoryActions: ActionTable = {
  GetDirectory: getDirectory,
  ListDirectories: listDirectories,
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  ListGroupMembers: listGroupMembers,
  ListJoinedGroupsForUser: listJoinedGroupsForUser,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
};
