import { createHash } from 'node:crypto';

/**
 * How a resource came to be in a stack, recorded in its PhysicalResourceId, because a Delete
 * carries only PhysicalResourceId, ResourceProperties, StackId and LogicalResourceId (never the Data
 * of the Create; ros-protocol.md §1.4) and the cloud resources themselves have no tag to carry it.
 *
 * - `created`: this stack's Create made it; the stack changes it and deletes it.
 * - `adopted`: it existed when Create ran; the stack uses it, never changes it, and releases it
 *   (no delete call) when the stack deletes it.
 * - `taken-over`: it existed, and the template opted in with `TakeOwnershipOfExisting: true`; from
 *   then on it is treated like `created`.
 */
export type Ownership = 'created' | 'adopted' | 'taken-over';

export interface ParsedPhysicalId {
  /** `legacy`: an ID written before ownership was recorded (`up-…`, `<provider>/<clientId>`). */
  ownership: Ownership | 'legacy';
  /** Which stack wrote the ID (`stackTagOf`); absent on legacy IDs. */
  stackTag?: string;
  /** The cloud resource: the provisioning ID, or `<provider>/<clientId>`. */
  resourceId: string;
}

const TAG_CHARS = 12;
const FORMAT = /^(created|adopted|taken-over):([0-9a-f]{12}):(.+)$/s;

/** Bytes the ownership prefix adds at most (`taken-over:` + tag + `:`); PhysicalResourceId ≤ 255. */
export const OWNERSHIP_PREFIX_BYTES = 'taken-over:'.length + TAG_CHARS + 1;

/** A short, stable fingerprint of the stack, so an ID copied into another stack is not "ours" there. */
export function stackTagOf(stackId: string): string {
  return createHash('sha256').update(stackId, 'utf8').digest('hex').slice(0, TAG_CHARS);
}

/** `created:<stack tag>:up-123`, `adopted:<stack tag>:github/my-audience`, … */
export function formatPhysicalId(ownership: Ownership, stackId: string, resourceId: string): string {
  return `${ownership}:${stackTagOf(stackId)}:${resourceId}`;
}

/**
 * Reads an ID this type could have written, or undefined. A bare resource ID is a legacy ID: the
 * version that wrote it adopted silently, so whether the stack created it is unknown.
 */
export function parsePhysicalId(
  id: string,
  isResourceId: (resourceId: string) => boolean,
): ParsedPhysicalId | undefined {
  const match = FORMAT.exec(id);
  if (match !== null) {
    const [, ownership, stackTag, resourceId] = match as unknown as [string, Ownership, string, string];
    return isResourceId(resourceId) ? { ownership, stackTag, resourceId } : undefined;
  }
  return isResourceId(id) ? { ownership: 'legacy', resourceId: id } : undefined;
}

/**
 * Whether this stack may change and delete the resource: it created it (or took it over) under this
 * very StackId, or the template now says `TakeOwnershipOfExisting: true` of an ID this stack wrote
 * (adopted) or one that records no stack (legacy). An ID another stack wrote is never this stack's,
 * whatever the flag: the flag hands over what this stack found, not another stack's record.
 * Everything else is only used and, on Delete, released: the safe direction.
 */
export function isOwnedBy(parsed: ParsedPhysicalId, stackId: string, takeOwnership: boolean): boolean {
  if (parsed.stackTag !== undefined && parsed.stackTag !== stackTagOf(stackId)) return false;
  if (takeOwnership) return true;
  return parsed.ownership === 'created' || parsed.ownership === 'taken-over';
}

/** The `Ownership` attribute in Data: what the stack will do with the resource on delete. */
export function ownershipAttribute(
  parsed: ParsedPhysicalId,
  stackId: string,
  takeOwnership: boolean,
): 'Created' | 'TakenOver' | 'Adopted' {
  if (parsed.ownership === 'created' && parsed.stackTag === stackTagOf(stackId)) return 'Created';
  return isOwnedBy(parsed, stackId, takeOwnership) ? 'TakenOver' : 'Adopted';
}
