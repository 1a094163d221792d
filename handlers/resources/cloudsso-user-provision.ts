import type { ProvisioningChanges, ProvisioningKey, UserProvisioning } from '../clients/cloudsso';
import { ignoreGone, isAlreadyExists, isOutcomeUnknown } from '../clients/error-codes';
import { parameterFacts, pickAttributes } from '../properties';
import {
  type CloudSSOUserProvisionProps as UserProvisionProps,
  CUSTOM_RESOURCE_SCHEMA_IDS,
} from './props.generated';
import { defineResourceHandler, type ResourceDeps } from './resource-handler';

const RESOURCE_TYPE = 'Custom::CloudSSOUserProvision';
const facts = parameterFacts(CUSTOM_RESOURCE_SCHEMA_IDS[RESOURCE_TYPE]);
const PROVISIONING_ID = /^up-[A-Za-z0-9]+$/;

function keyOf(props: UserProvisionProps): ProvisioningKey {
  return {
    DirectoryId: props.DirectoryId,
    PrincipalId: props.PrincipalId,
    PrincipalType: props.PrincipalType,
    TargetId: props.TargetId,
    TargetType: props.TargetType,
  };
}

const sameText = (a: string | undefined, b: string | undefined) =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** The editable settings that differ between `from` and the wanted `props`, as UpdateUserProvisioning's New* params. */
function changesBetween(
  from: Pick<UserProvisioning, 'DuplicationStrategy' | 'DeletionStrategy' | 'Description'>,
  props: UserProvisionProps,
): ProvisioningChanges {
  const changes: ProvisioningChanges = {};
  // The service may echo `Takeover` for `TakeOver` (cloud-apis.md §4), so strategies compare case-insensitively.
  if (!sameText(from.DuplicationStrategy, props.DuplicationStrategy))
    changes.NewDuplicationStrategy = props.DuplicationStrategy;
  if (!sameText(from.DeletionStrategy, props.DeletionStrategy))
    changes.NewDeletionStrategy = props.DeletionStrategy;
  if ((from.Description ?? '') !== (props.Description ?? ''))
    changes.NewDescription = props.Description ?? '';
  return changes;
}

function dataOf(p: UserProvisioning, failedEventCount: number | undefined): Record<string, unknown> {
  return pickAttributes(facts, {
    UserProvisionId: p.UserProvisioningId,
    DirectoryId: p.DirectoryId,
    PrincipalId: p.PrincipalId,
    PrincipalType: p.PrincipalType,
    TargetId: p.TargetId,
    TargetType: p.TargetType,
    DuplicationStrategy: p.DuplicationStrategy,
    DeletionStrategy: p.DeletionStrategy,
    Status: p.Status,
    FailedEventCount: failedEventCount,
  });
}

/** The provisioning of exactly this directory + principal + target, if one exists. */
async function findExisting(
  props: UserProvisionProps,
  deps: ResourceDeps,
): Promise<UserProvisioning | undefined> {
  const all = await deps.cloudsso.listUserProvisionings(keyOf(props));
  // Filters are server-side; re-check so a lax filter can never make us adopt someone else's.
  return all.find(
    (p) =>
      p.DirectoryId === props.DirectoryId &&
      p.PrincipalId === props.PrincipalId &&
      p.TargetId === props.TargetId &&
      sameText(p.PrincipalType, props.PrincipalType),
  );
}

/** Brings an existing provisioning's editable settings to the template's (only when the stack owns it). */
async function alignSettings(existing: UserProvisioning, props: UserProvisionProps, deps: ResourceDeps) {
  const changes = changesBetween(existing, props);
  if (Object.keys(changes).length === 0) return existing;
  return deps.cloudsso.updateUserProvisioning(props.DirectoryId, existing.UserProvisioningId, changes);
}

/** Uses a provisioning that existed before this Create: as found, unless the template takes it over. */
async function useExisting(
  existing: UserProvisioning,
  props: UserProvisionProps,
  deps: ResourceDeps,
  takeOwnership: boolean,
  note?: string,
): Promise<UserProvisioning> {
  const differs = Object.keys(changesBetween(existing, props));
  deps.log.log({
    step: 'adopt',
    outcome: 'ok',
    resourceId: existing.UserProvisioningId,
    takeOwnership,
    ...(differs.length > 0 ? { [takeOwnership ? 'changes' : 'leftAsFound']: differs } : {}),
    ...(note === undefined ? {} : { note }),
  });
  return takeOwnership ? alignSettings(existing, props, deps) : existing;
}

/** Tries of CreateUserProvisioning that reached nothing (an unknown outcome, and nothing found after it). */
const CREATE_TRIES = 3;

const UNKNOWN_NOTE =
  'the create call outcome is unknown and this provisioning exists now: it may be the one that call made, ' +
  'but that cannot be proven, so it counts as adopted (left in place on stack delete unless TakeOwnershipOfExisting is true)';

/**
 * Creates the provisioning, never twice: the call is not retried blindly after an unknown outcome
 * (no source says the service refuses a second provisioning for the same inputs), but the
 * provisioning is looked for first, and sent again only if it is not there.
 */
async function createOnce(
  props: UserProvisionProps,
  deps: ResourceDeps,
  takeOwnership: boolean,
): Promise<{ provisioning: UserProvisioning; existed: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const provisioning = await deps.cloudsso.createUserProvisioning(keyOf(props), {
        DuplicationStrategy: props.DuplicationStrategy,
        DeletionStrategy: props.DeletionStrategy,
        Description: props.Description,
      });
      deps.created(provisioning.UserProvisioningId);
      return { provisioning, existed: false };
    } catch (err) {
      const unknown = isOutcomeUnknown(err);
      if (!unknown && !isAlreadyExists(err)) throw err;
      // Already there (made between List and Create), or perhaps made by the call that got no answer.
      const found = await findExisting(props, deps);
      if (found !== undefined) {
        const note = unknown ? UNKNOWN_NOTE : 'made by someone else between the List and the Create';
        return { provisioning: await useExisting(found, props, deps, takeOwnership, note), existed: true };
      }
      if (!unknown || attempt >= CREATE_TRIES) throw err;
      deps.log.log({ step: 'create', outcome: 'retry', attempt, note: 'outcome unknown, nothing found' });
    }
  }
}

/** Custom::CloudSSOUserProvision: a CloudSSO RAM-user provisioning (cloud-apis.md §2–§4). */
export const cloudSsoUserProvision = defineResourceHandler({
  resourceType: RESOURCE_TYPE,
  isResourceId: (id) => PROVISIONING_ID.test(id),

  async create(props, deps, takeOwnership) {
    const existing = await findExisting(props, deps);
    // What this invocation cannot prove it created counts as existing (adopted).
    const { provisioning, existed } =
      existing === undefined
        ? await createOnce(props, deps, takeOwnership)
        : { provisioning: await useExisting(existing, props, deps, takeOwnership), existed: true };
    const failed = await deps.cloudsso.failedEventCount(props.DirectoryId, provisioning.UserProvisioningId);
    return { resourceId: provisioning.UserProvisioningId, existed, data: dataOf(provisioning, failed) };
  },

  async update(props, _old, resourceId, deps, apply) {
    const found = await deps.cloudsso.getUserProvisioning(props.DirectoryId, resourceId);
    // Compared with the provisioning as it is, so a takeover by Update aligns it like one at Create.
    const current = apply ? await alignSettings(found, props, deps) : found;
    const failed = await deps.cloudsso.failedEventCount(props.DirectoryId, resourceId);
    return dataOf(current, failed);
  },

  async differences(props, keys, resourceId, deps) {
    let found: UserProvisioning;
    try {
      found = await deps.cloudsso.getUserProvisioning(props.DirectoryId, resourceId);
    } catch {
      // Not readable with these properties (another directory, say): nothing is known to match.
      return undefined;
    }
    const wanted = props as unknown as Record<string, string | undefined>;
    const actual = found as unknown as Record<string, string | undefined>;
    // The service may echo a strategy or type in another case (cloud-apis.md §4).
    const sameCase = ['PrincipalType', 'DuplicationStrategy', 'DeletionStrategy'];
    return keys.filter((key) =>
      sameCase.includes(key)
        ? !sameText(actual[key], wanted[key])
        : (actual[key] ?? '') !== (wanted[key] ?? ''),
    );
  },

  async delete(props, resourceId, deps) {
    try {
      // Always explicit: the strategy of the resource's current properties decides, not the stored one.
      await deps.cloudsso.deleteUserProvisioning(props.DirectoryId, resourceId, props.DeletionStrategy);
    } catch (err) {
      ignoreGone('UserProvisioning', err, deps.log);
    }
  },
});
