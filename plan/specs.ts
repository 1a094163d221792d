import { isOwnedBy, parsePhysicalId } from '../handlers/ownership';
import { cloudSsoUserProvision } from '../handlers/resources/cloudsso-user-provision';
import { ramOidcClientId } from '../handlers/resources/ram-oidc-client-id';
import type { ProvisioningSettings } from './directory-view';
import { type PlanResourceInput, Unresolved } from './model';

export const NATIVE_PROVISION = 'ALIYUN::CloudSSO::UserProvision';
export const CUSTOM_PROVISION = 'Custom::CloudSSOUserProvision';
export const CUSTOM_CLIENT_ID = 'Custom::RAMOIDCClientId';

export const isProvisionType = (type: string) => type === NATIVE_PROVISION || type === CUSTOM_PROVISION;

/** The settings of a provisioning resource (native Properties, or the custom type's Parameters). */
export interface ProvisionSpec extends ProvisioningSettings {
  takeOwnership: boolean;
}

export interface ClientIdSpec {
  providerName: string;
  clientId: string;
  takeOwnership: boolean;
}

export type SpecOf<T> = { ok: true; spec: T } | { ok: false; reason: string };

/** The properties the provider sees: a custom resource's `Parameters`, a native resource's own. */
function fieldsOf(resource: PlanResourceInput): Record<string, unknown> {
  if (!resource.type.startsWith('Custom::')) return resource.properties;
  const parameters = resource.properties.Parameters;
  return typeof parameters === 'object' && parameters !== null ? (parameters as Record<string, unknown>) : {};
}

function text(fields: Record<string, unknown>, names: string[]): SpecOf<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = fields[name];
    if (value instanceof Unresolved) return { ok: false, reason: `${name} is not known: ${value.reason}` };
    if (typeof value !== 'string' && typeof value !== 'number')
      return { ok: false, reason: `${name} has no value` };
    out[name] = String(value);
  }
  return { ok: true, spec: out };
}

const flag = (value: unknown) => value === true || value === 'true';

export function provisionSpec(resource: PlanResourceInput): SpecOf<ProvisionSpec> {
  const fields = fieldsOf(resource);
  const read = text(fields, [
    'DirectoryId',
    'PrincipalType',
    'PrincipalId',
    'TargetId',
    'DuplicationStrategy',
    'DeletionStrategy',
  ]);
  if (!read.ok) return read;
  const f = read.spec;
  return {
    ok: true,
    spec: {
      directoryId: f.DirectoryId,
      principalType: f.PrincipalType,
      principalId: f.PrincipalId,
      targetId: f.TargetId,
      duplicationStrategy: f.DuplicationStrategy,
      deletionStrategy: f.DeletionStrategy,
      takeOwnership: resource.type === CUSTOM_PROVISION && flag(fields.TakeOwnershipOfExisting),
    },
  };
}

export function clientIdSpec(resource: PlanResourceInput): SpecOf<ClientIdSpec> {
  const fields = fieldsOf(resource);
  const read = text(fields, ['OIDCProviderName', 'ClientId']);
  if (!read.ok) return read;
  return {
    ok: true,
    spec: {
      providerName: read.spec.OIDCProviderName,
      clientId: read.spec.ClientId,
      takeOwnership: flag(fields.TakeOwnershipOfExisting),
    },
  };
}

/**
 * What a custom resource's Delete does, read from its physical ID as the handler reads it
 * (handlers/ownership.ts): `owned` deletes, `released` makes no call, `none` has nothing to delete
 * (a failed-create marker or an ID the type could not have made), `unknown` when the ID is not known.
 */
export type DeleteOwnership =
  | { kind: 'owned'; resourceId: string }
  | { kind: 'released'; resourceId: string; why: string }
  | { kind: 'none' }
  | { kind: 'unknown' };

export function customDeleteOwnership(
  physicalId: string | undefined,
  stackId: string | undefined,
  takeOwnership: boolean,
  isResourceId: (id: string) => boolean,
): DeleteOwnership {
  if (physicalId === undefined || stackId === undefined) return { kind: 'unknown' };
  const parsed = parsePhysicalId(physicalId, isResourceId);
  if (parsed === undefined) return { kind: 'none' };
  if (isOwnedBy(parsed, stackId, takeOwnership)) return { kind: 'owned', resourceId: parsed.resourceId };
  const why =
    parsed.ownership === 'adopted' || parsed.ownership === 'legacy'
      ? `adopted (physical ID ${parsed.ownership === 'legacy' ? 'of ros-sso 0.1' : 'adopted:'})`
      : 'recorded by another stack';
  return { kind: 'released', resourceId: parsed.resourceId, why };
}

/** The handlers' own ID tests, so the plan reads a physical ID exactly as the Delete will. */
export const isProvisioningId = (id: string) => cloudSsoUserProvision.isResourceId(id);
export const isClientIdResource = (id: string) => ramOidcClientId.isResourceId(id);
