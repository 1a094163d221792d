import type { ProvisioningChanges, ProvisioningKey, UserProvisioning } from '../clients/cloudsso';
import { CloudError } from '../errors';
import { parameterFacts, pickAttributes } from '../properties';
import type { ResourceDeps, ResourceHandler } from './resource-handler';

/** `ResourceProperties` of Custom::CloudSSOUserProvision (= ALIYUN::CloudSSO::UserProvision). */
export interface UserProvisionProps {
  DirectoryId: string;
  PrincipalId: string;
  PrincipalType: string;
  TargetId: string;
  TargetType: string;
  DuplicationStrategy: string;
  DeletionStrategy: string;
  Description?: string;
}

const SCHEMA_ID = 'https://ros-sso.dev/schemas/resources/Custom.CloudSSOUserProvision.json';
const facts = parameterFacts(SCHEMA_ID);
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
  from: Pick<UserProvisionProps, 'DuplicationStrategy' | 'DeletionStrategy' | 'Description'>,
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

/** Adopts an existing provisioning: its editable settings are brought to the template's. */
async function adopt(existing: UserProvisioning, props: UserProvisionProps, deps: ResourceDeps) {
  const changes = changesBetween(existing, props);
  deps.log.log({
    step: 'adopt',
    outcome: 'ok',
    physicalResourceId: existing.UserProvisioningId,
    changes: Object.keys(changes),
  });
  if (Object.keys(changes).length === 0) return existing;
  return deps.cloudsso.updateUserProvisioning(props.DirectoryId, existing.UserProvisioningId, changes);
}

/** Custom::CloudSSOUserProvision: a CloudSSO RAM-user provisioning (cloud-apis.md §2–§4). */
export const cloudSsoUserProvision: ResourceHandler<UserProvisionProps> = {
  resourceType: 'Custom::CloudSSOUserProvision',
  schemaId: SCHEMA_ID,
  ownsPhysicalId: (id) => PROVISIONING_ID.test(id),

  async create(props, deps) {
    let provisioning: UserProvisioning;
    const existing = await findExisting(props, deps);
    if (existing !== undefined) {
      provisioning = await adopt(existing, props, deps);
    } else {
      try {
        provisioning = await deps.cloudsso.createUserProvisioning(keyOf(props), {
          DuplicationStrategy: props.DuplicationStrategy,
          DeletionStrategy: props.DeletionStrategy,
          Description: props.Description,
        });
        deps.created(provisioning.UserProvisioningId);
      } catch (err) {
        // A concurrent or earlier attempt (outcome unknown to us) created it between List and Create.
        if (!(err instanceof CloudError && err.isAlreadyExists)) throw err;
        const raced = await findExisting(props, deps);
        if (raced === undefined) throw err;
        provisioning = await adopt(raced, props, deps);
      }
    }
    const failed = await deps.cloudsso.failedEventCount(props.DirectoryId, provisioning.UserProvisioningId);
    return { physicalResourceId: provisioning.UserProvisioningId, data: dataOf(provisioning, failed) };
  },

  async update(props, old, physicalResourceId, deps) {
    const changes = changesBetween(old, props);
    const updated =
      Object.keys(changes).length === 0
        ? undefined
        : await deps.cloudsso.updateUserProvisioning(props.DirectoryId, physicalResourceId, changes);
    const failed = await deps.cloudsso.failedEventCount(props.DirectoryId, physicalResourceId);
    const current = updated ?? { ...props, UserProvisioningId: physicalResourceId };
    return { physicalResourceId, data: dataOf(current, failed) };
  },

  async delete(props, physicalResourceId, deps) {
    try {
      // Always explicit: the strategy of the resource's current properties decides, not the stored one.
      await deps.cloudsso.deleteUserProvisioning(
        props.DirectoryId,
        physicalResourceId,
        props.DeletionStrategy,
      );
    } catch (err) {
      if (err instanceof CloudError && err.isNotFound) {
        deps.log.log({ step: 'delete', outcome: 'skipped', code: err.code, note: 'already gone' });
        return;
      }
      throw err;
    }
  },

  describe(props, physicalResourceId) {
    return dataOf({ ...props, UserProvisioningId: physicalResourceId }, undefined);
  },
};
