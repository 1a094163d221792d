import createUserProvisioning from './api/CloudSSO.CreateUserProvisioning.json';
import deleteUserProvisioning from './api/CloudSSO.DeleteUserProvisioning.json';
import getUserProvisioning from './api/CloudSSO.GetUserProvisioning.json';
import getUserProvisioningStatistics from './api/CloudSSO.GetUserProvisioningStatistics.json';
import listUserProvisionings from './api/CloudSSO.ListUserProvisionings.json';
import listGroupMembers from './api/CloudSSO.ListGroupMembers.json';
import listDirectoryUsers from './api/CloudSSO.ListUsers.json';
import updateUserProvisioning from './api/CloudSSO.UpdateUserProvisioning.json';
import addClientId from './api/IMS.AddClientIdToOIDCProvider.json';
import getOidcProvider from './api/IMS.GetOIDCProvider.json';
import listRamUsers from './api/IMS.ListUsers.json';
import removeClientId from './api/IMS.RemoveClientIdFromOIDCProvider.json';
import getRole from './api/RAM.GetRole.json';
import listRoles from './api/RAM.ListRoles.json';
import assumeRole from './api/STS.AssumeRole.json';
import userProvision from './resources/ALIYUN.CloudSSO.UserProvision.json';
import oidcProvider from './resources/ALIYUN.RAM.OIDCProvider.json';
import customResource from './resources/ALIYUN.ROS.CustomResource.json';
import customUserProvision from './resources/Custom.CloudSSOUserProvision.json';
import customOidcClientId from './resources/Custom.RAMOIDCClientId.json';

/** A resource schema: JSON Schema for a resource's `Properties`, plus the extra keywords in README.md. */
export interface ResourceSchema {
  $id: string;
  title: string;
  rosType: string;
  type: 'object';
  required?: string[];
  properties: Record<string, unknown>;
  notUpdatableProperties: string[];
  attributes: string[];
  [keyword: string]: unknown;
}

export interface ApiSchema {
  $id: string;
  title: string;
  [keyword: string]: unknown;
}

// Static imports so that the schemas bundle into the CLI and the FC function.
export const resourceSchemas: readonly ResourceSchema[] = [
  customResource,
  userProvision,
  oidcProvider,
  customUserProvision,
  customOidcClientId,
] as ResourceSchema[];

/** API action request schemas, keyed `<Product>.<Action>` (e.g. `CloudSSO.DeleteUserProvisioning`). */
export const apiSchemas: Readonly<Record<string, ApiSchema>> = {
  'CloudSSO.CreateUserProvisioning': createUserProvisioning,
  'CloudSSO.UpdateUserProvisioning': updateUserProvisioning,
  'CloudSSO.DeleteUserProvisioning': deleteUserProvisioning,
  'CloudSSO.GetUserProvisioning': getUserProvisioning,
  'CloudSSO.GetUserProvisioningStatistics': getUserProvisioningStatistics,
  'CloudSSO.ListUserProvisionings': listUserProvisionings,
  'IMS.AddClientIdToOIDCProvider': addClientId,
  'IMS.RemoveClientIdFromOIDCProvider': removeClientId,
  'IMS.GetOIDCProvider': getOidcProvider,
  // The reads of `ros-sso plan` (plan/live/).
  'CloudSSO.ListUsers': listDirectoryUsers,
  'CloudSSO.ListGroupMembers': listGroupMembers,
  'IMS.ListUsers': listRamUsers,
  'RAM.ListRoles': listRoles,
  'RAM.GetRole': getRole,
  'STS.AssumeRole': assumeRole,
};

const byType = new Map(resourceSchemas.map((s) => [s.rosType, s]));

/** The generic custom resource; every `Custom::*` type without a schema of its own is checked as it. */
export const CUSTOM_RESOURCE_TYPE = 'ALIYUN::ROS::CustomResource';

/**
 * The schema that governs a resource type: its own, or the generic custom resource for any other
 * `Custom::*` type; `undefined` when no schema is known.
 */
export function schemaForType(type: string): ResourceSchema | undefined {
  const own = byType.get(type);
  if (own) return own;
  if (type.startsWith('Custom::')) return byType.get(CUSTOM_RESOURCE_TYPE);
  return undefined;
}

/** Every schema document, for compiling (resources reference each other by relative `$ref`). */
export function allSchemas(): Array<{ $id: string }> {
  return [...resourceSchemas, ...Object.values(apiSchemas)];
}

/** Export name of a schema's precompiled validator, derived from its `$id`. */
export function validatorName(id: string): string {
  return id
    .replace(/^.*\/schemas\//, '')
    .replace(/\.json$/, '')
    .replace(/[^A-Za-z0-9]/g, '_');
}
