import {
  type ActionContext,
  type ActionTable,
  callerDirectory,
  listBody,
  maxResults,
} from './action-context';
import { ApiError, alreadyExists } from './api-error';
import { paginate } from './pagination';
import { onMemberAdded, onMemberRemoved } from './provisioning-sync';
import { type DirectoryGroup, type DirectoryUser, newId, requireGroup, requireUser } from './state';

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

function getDirectory(ctx: ActionContext) {
  const d = callerDirectory(ctx);
  return {
    Directory: {
      DirectoryId: d.directoryId,
      DirectoryName: d.directoryName,
      Region: d.region,
      CreateTime: d.createTime,
      UpdateTime: d.updateTime,
    },
  };
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

function listUsers(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const size = maxResults(ctx);
  const page = paginate(directory.users, ctx.params.optional('NextToken'), size, 'NextToken');
  return listBody('Users', page.items.map(userBody), directory.users.length, size, page.nextToken);
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
  const page = paginate(directory.groups, ctx.params.optional('NextToken'), size, 'NextToken');
  return listBody('Groups', page.items.map(groupBody), directory.groups.length, size, page.nextToken);
}

function listGroupMembers(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const group = requireGroup(directory, ctx.params.required('GroupId'));
  const size = maxResults(ctx);
  const page = paginate(group.members, ctx.params.optional('NextToken'), size, 'NextToken');
  const members = page.items.map((m) => {
    const user = requireUser(directory, m.userId);
    return {
      DirectoryId: directory.directoryId,
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
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  ListGroupMembers: listGroupMembers,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
};
