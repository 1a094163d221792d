import { updateFacts } from '../lint/update/facts';
import { splitPointer, valueAt } from '../template/pointer';
import { type PlanResourceInput, type ResourceAction, Unresolved } from './model';
import { CUSTOM_PROVISION, customDeleteOwnership, isProvisioningId } from './specs';

export interface Classified {
  action: ResourceAction;
  replaceBecause?: string;
  refusedBecause?: string;
  /** A value the change depends on is not known. */
  unknown?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const name = (pointer: string) => splitPointer(pointer).join('.');
const hasUnresolved = (value: unknown): boolean =>
  value instanceof Unresolved ||
  (typeof value === 'object' && value !== null && Object.values(value).some(hasUnresolved));

/**
 * What ROS does with a resource in both templates, from the UpdateAllowed data `ros-sso diff`
 * uses (lint/update/facts.ts): a non-updatable property of a ROS type replaces it when the update
 * enables replacement and is refused otherwise; one inside a custom resource's Parameters is
 * refused by its provider (ros-protocol §1.7).
 */
export function classifyChange(
  before: PlanResourceInput,
  after: PlanResourceInput,
  replacement: boolean,
  stackId: string | undefined,
): Classified {
  const refusal = (what: string) =>
    `${what} cannot be updated; ROS refuses this update unless replacement is enabled (--replacement), which deletes and recreates ${after.logicalId}`;
  if (before.type !== after.type)
    return replacement
      ? { action: 'replace', replaceBecause: 'Type' }
      : { action: 'update', refusedBecause: refusal('Type') };
  if (same(before.properties, after.properties)) return { action: 'none' };
  const facts = updateFacts(after.type);
  const changed = (facts?.pointers ?? []).filter(
    (p) => !same(valueAt(before.properties, p), valueAt(after.properties, p)),
  );
  const unknownChange = changed.find((p) => hasUnresolved(valueAt(after.properties, p)));
  if (unknownChange !== undefined)
    return {
      action: 'update',
      unknown: `${name(unknownChange)} is not known, so whether it changes (and forces a replacement) is unknown`,
    };
  const replaces = changed.filter((p) => facts?.consequenceOf(p) === 'replace');
  const refused = changed.filter((p) => facts?.consequenceOf(p) === 'refuse');
  if (replaces.length > 0) {
    const because = replaces.map(name).join(', ');
    return replacement
      ? { action: 'replace', replaceBecause: because }
      : { action: 'update', refusedBecause: refusal(because) };
  }
  if (refused.length > 0)
    return {
      action: 'update',
      refusedBecause: `the provider refuses a change of ${refused.map(name).join(', ')} (FAILED; the stack update rolls back); replace it by renaming the logical ID`,
    };
  const adopted = adoptedSettingsChange(before, after, stackId);
  if (adopted !== undefined) return { action: 'update', refusedBecause: adopted };
  return { action: 'update' };
}

/** A settings change on a provisioning the stack adopted: the provider answers FAILED, no write. */
function adoptedSettingsChange(
  before: PlanResourceInput,
  after: PlanResourceInput,
  stackId: string | undefined,
): string | undefined {
  if (after.type !== CUSTOM_PROVISION) return undefined;
  const oldParams = (before.properties.Parameters ?? {}) as Record<string, unknown>;
  const newParams = (after.properties.Parameters ?? {}) as Record<string, unknown>;
  const takeOwnership = [oldParams, newParams].some((p) => p.TakeOwnershipOfExisting === true);
  const ownership = customDeleteOwnership(before.physicalId, stackId, takeOwnership, isProvisioningId);
  if (ownership.kind !== 'released') return undefined;
  const settings = ['DuplicationStrategy', 'DeletionStrategy', 'Description'].filter(
    (k) => !same(oldParams[k], newParams[k]),
  );
  return settings.length === 0
    ? undefined
    : `the provisioning is ${ownership.why}: the provider refuses to change its ${settings.join(', ')} (FAILED) unless TakeOwnershipOfExisting is true`;
}
