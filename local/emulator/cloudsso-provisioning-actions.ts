import {
  type ActionContext,
  type ActionTable,
  callerDirectory,
  listBody,
  maxResults,
} from './action-context';
import { alreadyExists, cloudSsoNotFound } from './api-error';
import { paginate } from './pagination';
import { deleteProvisioning, retryEvent, startProvisioning } from './provisioning-sync';
import {
  type DeletionStrategy,
  type DuplicationStrategy,
  newId,
  type PrincipalType,
  requireAccount,
  requireDirectory,
  requireGroup,
  requireProvisioning,
  requireUser,
  type UserProvisioning,
  type UserProvisioningEvent,
} from './state';

/** CloudSSO RAM-user provisioning actions and their events (cloud-apis.md §2.1–§2.3, §3). */

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['User', 'Group'];
const TARGET_TYPES = ['RD-Account'] as const;
const DUPLICATION: readonly DuplicationStrategy[] = ['KeepBoth', 'TakeOver'];
const DELETION: readonly DeletionStrategy[] = ['Delete', 'Keep'];

function provisioningBody(p: UserProvisioning): Record<string, unknown> {
  return {
    UserProvisioningId: p.userProvisioningId,
    DirectoryId: p.directoryId,
    OwnerPk: p.ownerPk,
    PrincipalId: p.principalId,
    PrincipalType: p.principalType,
    PrincipalName: p.principalName,
    TargetId: p.targetId,
    TargetType: p.targetType,
    TargetName: p.targetName,
    TargetPath: p.targetPath,
    DuplicationStrategy: p.duplicationStrategy,
    DeletionStrategy: p.deletionStrategy,
    Description: p.description,
    Status: p.status,
    CreateTime: p.createTime,
    UpdateTime: p.updateTime,
  };
}

function eventBody(ctx: ActionContext, e: UserProvisioningEvent): Record<string, unknown> {
  const p = ctx.state.provisionings.find(
    (candidate) => candidate.userProvisioningId === e.userProvisioningId,
  );
  return {
    EventId: e.eventId,
    UserProvisioningId: e.userProvisioningId,
    DirectoryId: e.directoryId,
    PrincipalId: p?.principalId,
    PrincipalType: p?.principalType,
    PrincipalName: p?.principalName,
    TargetId: p?.targetId,
    TargetType: p?.targetType,
    TargetName: p?.targetName,
    TargetPath: p?.targetPath,
    DuplicationStrategy: p?.duplicationStrategy,
    DeletionStrategy: p?.deletionStrategy,
    SourceType: e.sourceType,
    ErrorCount: e.errorCount,
    ErrorInfo: e.errorInfo,
    LatestAsyncTime: e.latestAsyncTime,
    CreateTime: e.createTime,
    UpdateTime: e.updateTime,
  };
}

function createUserProvisioning(ctx: ActionContext) {
  const p = ctx.params;
  const directory = callerDirectory(ctx);
  const principalId = p.required('PrincipalId');
  const principalType = p.oneOf('PrincipalType', PRINCIPAL_TYPES, true);
  const targetId = p.required('TargetId');
  const targetType = p.oneOf('TargetType', TARGET_TYPES, true);
  const duplicationStrategy = p.oneOf('DuplicationStrategy', DUPLICATION, true);
  const deletionStrategy = p.oneOf('DeletionStrategy', DELETION, true);
  const principalName =
    principalType === 'User'
      ? requireUser(directory, principalId).userName
      : requireGroup(directory, principalId).groupName;
  const target = requireAccount(ctx.state, targetId);
  const duplicate = ctx.state.provisionings.find(
    (x) =>
      x.directoryId === directory.directoryId && x.principalId === principalId && x.targetId === targetId,
  );
  // One per directory + principal + target is not documented either (cloud-apis.md §4): refused by default.
  if (duplicate !== undefined && ctx.faults.spec.duplicateProvisioning !== 'allow')
    throw alreadyExists('UserProvisioning', duplicate.userProvisioningId);
  const provisioning: UserProvisioning = {
    userProvisioningId: newId('up'),
    directoryId: directory.directoryId,
    ownerPk: directory.ownerPk,
    principalId,
    principalType,
    principalName,
    targetId,
    targetType,
    targetName: target.displayName,
    targetPath: target.path,
    duplicationStrategy,
    deletionStrategy,
    deletionStrategyAtCreation: deletionStrategy,
    description: p.optional('Description') ?? '',
    status: 'Enabled',
    createTime: ctx.now,
    updateTime: ctx.now,
    syncedUsers: [],
  };
  ctx.state.provisionings.push(provisioning);
  startProvisioning(ctx, directory, provisioning);
  return { UserProvisioning: provisioningBody(provisioning) };
}

function provisioningOf(ctx: ActionContext): UserProvisioning {
  const directory = callerDirectory(ctx);
  return requireProvisioning(ctx.state, directory.directoryId, ctx.params.required('UserProvisioningId'));
}

/** Only the strategies and the description change; principal and target are fixed (§4). */
function updateUserProvisioning(ctx: ActionContext) {
  const provisioning = provisioningOf(ctx);
  const p = ctx.params;
  const duplication = p.oneOf('NewDuplicationStrategy', DUPLICATION, false);
  const deletion = p.oneOf('NewDeletionStrategy', DELETION, false);
  const description = p.optional('NewDescription');
  if (duplication !== undefined) provisioning.duplicationStrategy = duplication;
  if (deletion !== undefined) provisioning.deletionStrategy = deletion;
  if (description !== undefined) provisioning.description = description;
  provisioning.updateTime = ctx.now;
  return { UserProvisioning: provisioningBody(provisioning) };
}

/**
 * `DeletionStrategy` is optional here: when omitted, the strategy given at creation applies, not one
 * set later by UpdateUserProvisioning (META's note on the parameter, cloud-apis.md §2.2).
 */
function deleteUserProvisioning(ctx: ActionContext) {
  const provisioning = provisioningOf(ctx);
  const strategy =
    ctx.params.oneOf('DeletionStrategy', DELETION, false) ?? provisioning.deletionStrategyAtCreation;
  deleteProvisioning(ctx, provisioning, strategy);
  return {};
}

function getUserProvisioning(ctx: ActionContext) {
  return { UserProvisioning: provisioningBody(provisioningOf(ctx)) };
}

function listUserProvisionings(ctx: ActionContext) {
  const p = ctx.params;
  const directory = callerDirectory(ctx);
  const principalId = p.optional('PrincipalId');
  const principalType = p.oneOf('PrincipalType', PRINCIPAL_TYPES, false);
  const targetId = p.optional('TargetId');
  const targetType = p.oneOf('TargetType', TARGET_TYPES, false);
  const size = maxResults(ctx);
  const matching = ctx.state.provisionings.filter(
    (x) =>
      x.directoryId === directory.directoryId &&
      (principalId === undefined || x.principalId === principalId) &&
      (principalType === undefined || x.principalType === principalType) &&
      (targetId === undefined || x.targetId === targetId) &&
      (targetType === undefined || x.targetType === targetType),
  );
  const scope = [directory.directoryId, principalId, principalType, targetId, targetType].join('|');
  const page = paginate(matching, p.optional('NextToken'), size, 'NextToken', scope);
  return listBody(
    'UserProvisionings',
    page.items.map(provisioningBody),
    matching.length,
    size,
    page.nextToken,
  );
}

function listUserProvisioningEvents(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const provisioningId = ctx.params.optional('UserProvisioningId');
  if (provisioningId !== undefined && provisioningId !== '') {
    requireProvisioning(ctx.state, directory.directoryId, provisioningId);
  }
  const size = maxResults(ctx);
  const matching = ctx.state.events.filter(
    (e) =>
      e.directoryId === directory.directoryId &&
      (provisioningId === undefined || provisioningId === '' || e.userProvisioningId === provisioningId),
  );
  const scope = `${directory.directoryId}|${provisioningId ?? ''}`;
  const page = paginate(matching, ctx.params.optional('NextToken'), size, 'NextToken', scope);
  const items = page.items.map((e) => eventBody(ctx, e));
  return listBody('UserProvisioningEvents', items, matching.length, size, page.nextToken);
}

function eventOf(ctx: ActionContext): UserProvisioningEvent {
  const directory = callerDirectory(ctx);
  const eventId = ctx.params.required('EventId');
  const event = ctx.state.events.find(
    (e) => e.eventId === eventId && e.directoryId === directory.directoryId,
  );
  if (event === undefined) throw cloudSsoNotFound('UserProvisioningEvent', eventId);
  return event;
}

function getUserProvisioningEvent(ctx: ActionContext) {
  return { UserProvisioningEvent: eventBody(ctx, eventOf(ctx)) };
}

/** A retry that fails again stays an event with a higher `ErrorCount`; the call itself succeeds. */
function retryUserProvisioningEvent(ctx: ActionContext) {
  const event = eventOf(ctx);
  const strategy = ctx.params.oneOf('DuplicationStrategy', DUPLICATION, true);
  retryEvent(ctx, requireDirectory(ctx.state, event.directoryId), event, strategy);
  return {};
}

function deleteUserProvisioningEvent(ctx: ActionContext) {
  const event = eventOf(ctx);
  const provisioningId = ctx.params.required('UserProvisioningId');
  if (event.userProvisioningId !== provisioningId)
    throw cloudSsoNotFound('UserProvisioningEvent', event.eventId);
  ctx.state.events = ctx.state.events.filter((e) => e !== event);
  return {};
}

function getUserProvisioningStatistics(ctx: ActionContext) {
  const provisioning = provisioningOf(ctx);
  const failed = ctx.state.events.filter((e) => e.userProvisioningId === provisioning.userProvisioningId);
  return {
    UserProvisioningStatistics: {
      DirectoryId: provisioning.directoryId,
      EntityId: provisioning.userProvisioningId,
      Type: 'User Provisioning',
      FailedEventCount: failed.length,
      LatestAsyncTime: provisioning.latestAsyncTime,
      OwnerPk: provisioning.ownerPk,
    },
  };
}

function getUserProvisioningRdAccountStatistics(ctx: ActionContext) {
  const directory = callerDirectory(ctx);
  const account = requireAccount(ctx.state, ctx.params.required('RdMemberId'));
  const provisionings = ctx.state.provisionings.filter(
    (p) => p.directoryId === directory.directoryId && p.targetId === account.accountId,
  );
  const ids = new Set(provisionings.map((p) => p.userProvisioningId));
  const times = provisionings
    .flatMap((p) => (p.latestAsyncTime === undefined ? [] : [p.latestAsyncTime]))
    .sort();
  return {
    UserProvisioningStatistics: {
      DirectoryId: directory.directoryId,
      EntityId: account.accountId,
      Type: 'RD Account',
      FailedEventCount: ctx.state.events.filter((e) => ids.has(e.userProvisioningId)).length,
      LatestAsyncTime: times.at(-1),
      OwnerPk: directory.ownerPk,
    },
  };
}

export const cloudSsoProvisioningActions: ActionTable = {
  CreateUserProvisioning: createUserProvisioning,
  UpdateUserProvisioning: updateUserProvisioning,
  DeleteUserProvisioning: deleteUserProvisioning,
  GetUserProvisioning: getUserProvisioning,
  ListUserProvisionings: listUserProvisionings,
  ListUserProvisioningEvents: listUserProvisioningEvents,
  GetUserProvisioningEvent: getUserProvisioningEvent,
  RetryUserProvisioningEvent: retryUserProvisioningEvent,
  DeleteUserProvisioningEvent: deleteUserProvisioningEvent,
  GetUserProvisioningStatistics: getUserProvisioningStatistics,
  GetUserProvisioningRdAccountStatistics: getUserProvisioningRdAccountStatistics,
};
