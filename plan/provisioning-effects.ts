import type { CloudSsoUserView } from './directory-view';
import type { IdentityEffect, PrincipalSeen } from './model';
import type { ProvisionSpec } from './specs';
import type { WorkingAccount, WorkingProvisioning, WorkingState } from './working-state';

/**
 * The identity effects of creating and deleting one provisioning, following the documented
 * KeepBoth / TakeOver / Keep / Delete semantics and, where the docs are silent, the emulator's
 * choices (local/emulator/provisioning-sync.ts; plan/README.md "Rules" lists which is which).
 */

/** RAM user names: 1–64 letters, digits, `.`, `-`, `_` (SDK-RAM; identity-effects.md §2.2). */
const RAM_NAME = /^[A-Za-z0-9._-]{1,64}$/;

export interface CreateOutcome {
  identities: IdentityEffect[];
  principal?: PrincipalSeen;
  /** The create itself fails (the stack operation stops and rolls back). */
  refused?: string;
  /** The resource adopts an existing provisioning (custom type): no synchronisation happens. */
  adopted?: WorkingProvisioning;
}

const sameKey = (p: WorkingProvisioning, spec: ProvisionSpec) =>
  p.directoryId === spec.directoryId &&
  p.principalId === spec.principalId &&
  p.targetId === spec.targetId &&
  p.principalType.toLowerCase() === spec.principalType.toLowerCase();

export function findProvisioning(
  ws: WorkingState,
  spec: ProvisionSpec,
  id: string | undefined,
): WorkingProvisioning | undefined {
  const all = ws.provisionings(spec.directoryId);
  if (!all.ok) return undefined;
  return all.value.find((p) => (id !== undefined ? p.userProvisioningId === id : sameKey(p, spec)));
}

function principalSeen(spec: ProvisionSpec, name: string | undefined, members: number): PrincipalSeen {
  return { type: spec.principalType, id: spec.principalId, ...(name ? { name } : {}), members };
}

/** Creates a provisioning for `spec` as the service (and the custom type's adoption) would. */
export function createProvisioning(
  ws: WorkingState,
  logicalId: string,
  spec: ProvisionSpec,
  custom: boolean,
): CreateOutcome {
  const existing = ws.provisionings(spec.directoryId);
  const found = existing.ok ? existing.value.find((p) => sameKey(p, spec)) : undefined;
  if (!existing.ok)
    ws.note({
      logicalId,
      reason: `provisionings of ${spec.directoryId} not read (${existing.reason}); whether one for this principal and target exists (adopted by the custom type, refused for the native one) is unknown`,
    });
  if (found !== undefined) {
    if (!custom)
      return {
        identities: [],
        refused: `a provisioning for this directory, principal and target exists (${found.userProvisioningId}): CreateUserProvisioning is refused (the emulator's answer; the service's is not documented)`,
      };
    if (spec.takeOwnership) {
      found.duplicationStrategy = spec.duplicationStrategy;
      found.deletionStrategy = spec.deletionStrategy;
    }
    return { identities: [], adopted: found };
  }
  const covered = ws.principalUsers(spec.directoryId, spec.principalType, spec.principalId);
  if (!covered.ok) {
    ws.note({
      logicalId,
      reason: `the users of ${spec.principalType} ${spec.principalId} not read (${covered.reason}): no identity effect predicted`,
    });
    return { identities: [], principal: principalSeen(spec, undefined, 0) };
  }
  const provisioning: WorkingProvisioning = {
    userProvisioningId: `planned:${logicalId}`,
    directoryId: spec.directoryId,
    principalType: spec.principalType,
    principalId: spec.principalId,
    targetId: spec.targetId,
    duplicationStrategy: spec.duplicationStrategy,
    deletionStrategy: spec.deletionStrategy,
    syncedUsers: [],
  };
  if (existing.ok) existing.value.push(provisioning);
  const identities = covered.value.users.map((user) => syncUser(ws, logicalId, provisioning, user));
  return {
    identities,
    principal: principalSeen(spec, covered.value.name, covered.value.users.length),
  };
}

function syncUser(
  ws: WorkingState,
  logicalId: string,
  p: WorkingProvisioning,
  user: CloudSsoUserView,
): IdentityEffect {
  const accountId = p.targetId;
  const effect = (ramUser: string, action: IdentityEffect['action']): IdentityEffect => ({
    accountId,
    user: user.userName,
    ramUser,
    action,
  });
  if (!RAM_NAME.test(user.userName))
    ws.note({
      logicalId,
      accountId,
      reason: `${user.userName}: RAM user names allow only letters, digits, ".", "-" and "_"; how the service maps this name is not documented`,
    });
  const read = ws.account(accountId);
  if (!read.ok) {
    ws.note({
      logicalId,
      accountId,
      reason: `RAM users of ${accountId} not read (${read.reason}); clashes, take-overs and _sso names there are predicted from names only`,
    });
    return effect(user.userName, 'create');
  }
  const account = read.value;
  const existing = account.named(user.userName);
  if (existing === undefined)
    return created(account, p, user, user.userName, effect(user.userName, 'create'));
  if (existing.owner !== undefined || (!account.ownershipKnown && existing.provisionType === 'CloudSSO'))
    ws.note({
      logicalId,
      accountId,
      reason: `${user.userName} already has a CloudSSO-provisioned RAM user in ${accountId} (another provisioning covers the user?): what the service does with a user in two provisionings is not documented; the effect shown treats it as a clash (the emulator's choice)`,
    });
  if (p.duplicationStrategy === 'TakeOver') {
    existing.owner = p.userProvisioningId;
    existing.provisionType = 'CloudSSO';
    p.syncedUsers?.push({ userId: user.userId, ramUserName: existing.userName });
    ws.note({
      logicalId,
      accountId,
      reason: `take-over of ${existing.userName}: what happens to its AccessKeys, MFA, policies and groups is not documented; its RAM password logon stops (CloudSSO users sign in through CloudSSO only)`,
    });
    return effect(existing.userName, 'take-over');
  }
  const alternative = `${user.userName}_sso`;
  if (alternative.length > 64)
    ws.note({
      logicalId,
      accountId,
      reason: `${alternative} is longer than RAM's 64 characters; what KeepBoth does then is not documented`,
    });
  if (account.named(alternative) !== undefined) {
    ws.note({
      logicalId,
      accountId,
      reason: `${user.userName} and ${alternative} both exist in ${accountId}: the synchronisation is expected to fail (a failed event; guessed, the docs say KeepBoth only "tries" the _sso name)`,
    });
    return effect(alternative, 'fail');
  }
  return created(account, p, user, alternative, effect(alternative, 'create-renamed'));
}

function created(
  account: WorkingAccount,
  p: WorkingProvisioning,
  user: CloudSsoUserView,
  ramUserName: string,
  effect: IdentityEffect,
): IdentityEffect {
  account.add({ userName: ramUserName, provisionType: 'CloudSSO', owner: p.userProvisioningId });
  p.syncedUsers?.push({ userId: user.userId, ramUserName });
  return effect;
}

/**
 * The RAM users a provisioning synchronised: its record when known; else (live path) guessed from
 * the principal's current users and the CloudSSO ProvisionType of `<name>` or `<name>_sso`.
 */
function syncedUsersOf(
  ws: WorkingState,
  logicalId: string,
  p: WorkingProvisioning,
): Array<{ userId: string; ramUserName: string }> {
  if (p.syncedUsers !== undefined) return p.syncedUsers;
  const covered = ws.principalUsers(p.directoryId, p.principalType, p.principalId);
  const account = ws.account(p.targetId);
  if (!covered.ok || !account.ok) {
    ws.note({
      logicalId,
      accountId: p.targetId,
      reason: `which RAM users ${p.userProvisioningId} synchronised could not be read (${covered.ok ? '' : covered.reason}${account.ok ? '' : ` ${account.reason}`}): its delete's effects are unknown`,
    });
    return [];
  }
  ws.note({
    logicalId,
    accountId: p.targetId,
    reason: `no API lists the RAM users a provisioning made: the ones shown are guessed from the principal's users now and ProvisionType CloudSSO (members removed since, or RAM users made by another provisioning, are not told apart)`,
  });
  const guessed: Array<{ userId: string; ramUserName: string }> = [];
  for (const user of covered.value.users) {
    const ours = (name: string) => account.value.named(name)?.provisionType === 'CloudSSO';
    const name = ours(`${user.userName}_sso`) ? `${user.userName}_sso` : user.userName;
    if (ours(name)) guessed.push({ userId: user.userId, ramUserName: name });
  }
  return guessed;
}

/** The users stay: a Retain policy, an adopted provisioning released, or `Keep` below. */
export function keptUsers(ws: WorkingState, logicalId: string, p: WorkingProvisioning): IdentityEffect[] {
  return syncedUsersOf(ws, logicalId, p).map((s) => ({
    accountId: p.targetId,
    user: ws.userName(p.directoryId, s.userId),
    ramUser: s.ramUserName,
    action: 'keep' as const,
  }));
}

/** DeleteUserProvisioning with `strategy`: `Delete` removes what it owns, `Keep` lets go of it. */
export function deleteProvisioning(
  ws: WorkingState,
  logicalId: string,
  p: WorkingProvisioning,
  strategy: string,
): IdentityEffect[] {
  const read = ws.account(p.targetId);
  const effects: IdentityEffect[] = [];
  for (const synced of syncedUsersOf(ws, logicalId, p)) {
    const named = read.ok ? read.value.named(synced.ramUserName) : undefined;
    const ramUser =
      read.ok && read.value.ownershipKnown && named?.owner !== p.userProvisioningId ? undefined : named;
    if (read.ok && ramUser === undefined) continue;
    const user = ws.userName(p.directoryId, synced.userId);
    const action = strategy === 'Delete' ? 'delete' : 'keep';
    effects.push({ accountId: p.targetId, user, ramUser: synced.ramUserName, action });
    if (!read.ok || ramUser === undefined) continue;
    if (action === 'delete') read.value.remove(ramUser.userName);
    else delete ramUser.owner;
  }
  const all = ws.provisionings(p.directoryId);
  const at = all.ok ? all.value.indexOf(p) : -1;
  if (all.ok && at >= 0) all.value.splice(at, 1);
  return effects;
}
