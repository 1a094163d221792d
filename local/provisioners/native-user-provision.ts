import type { CloudSsoClient } from '../../handlers/clients/cloudsso';
import { isGone } from '../../handlers/clients/error-codes';
import type { Provisioner } from './provisioner';

const text = (v: unknown) =>
  v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * `ALIYUN::CloudSSO::UserProvision` applied as ROS itself would: straight API calls, no adoption.
 * The stack runner has already refused (or turned into a replacement) any change to a
 * non-updatable property.
 */
export function createNativeUserProvisionProvisioner(client: () => CloudSsoClient): Provisioner {
  return {
    async create({ properties: p }) {
      const created = await client().createUserProvisioning(
        {
          DirectoryId: String(p.DirectoryId),
          PrincipalId: String(p.PrincipalId),
          PrincipalType: String(p.PrincipalType),
          TargetId: String(p.TargetId),
          TargetType: String(p.TargetType),
        },
        {
          DuplicationStrategy: String(p.DuplicationStrategy),
          DeletionStrategy: String(p.DeletionStrategy),
          Description: text(p.Description),
        },
      );
      return {
        physicalId: created.UserProvisioningId,
        attributes: { UserProvisionId: created.UserProvisioningId },
      };
    },
    async update({ properties: p, oldProperties: old = {}, physicalId = '' }) {
      const changes = {
        NewDuplicationStrategy:
          p.DuplicationStrategy !== old.DuplicationStrategy ? text(p.DuplicationStrategy) : undefined,
        NewDeletionStrategy:
          p.DeletionStrategy !== old.DeletionStrategy ? text(p.DeletionStrategy) : undefined,
        NewDescription: p.Description !== old.Description ? (text(p.Description) ?? '') : undefined,
      };
      await client().updateUserProvisioning(String(p.DirectoryId), physicalId, changes);
      return { physicalId, attributes: { UserProvisionId: physicalId } };
    },
    async delete({ properties: p, physicalId = '' }) {
      // A Create that failed before the service answered left nothing to delete.
      if (physicalId === '') return;
      try {
        await client().deleteUserProvisioning(String(p.DirectoryId), physicalId, String(p.DeletionStrategy));
      } catch (err) {
        // Gone only by the provisioning's own not-found code: a 404 for a bad key is a failure.
        if (!isGone('UserProvisioning', err)) throw err;
      }
    },
  };
}
