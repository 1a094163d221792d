import { CloudError } from '../errors';
import type { ApiBody, ApiCaller } from './call-api';
import { MALFORMED_ANSWER } from './error-codes';

export const CLOUDSSO_VERSION = '2021-05-15';

/** The fields of a `UserProvisioning` object the handlers read (cloud-apis.md §2.1). */
export interface UserProvisioning {
  UserProvisioningId: string;
  DirectoryId: string;
  PrincipalId: string;
  PrincipalType: string;
  TargetId: string;
  TargetType: string;
  DuplicationStrategy: string;
  DeletionStrategy: string;
  Description?: string;
  Status?: string;
}

export interface ProvisioningKey {
  DirectoryId: string;
  PrincipalId: string;
  PrincipalType: string;
  TargetId: string;
  TargetType: string;
}

export interface ProvisioningSettings {
  DuplicationStrategy: string;
  DeletionStrategy: string;
  Description?: string;
}

export interface ProvisioningChanges {
  NewDuplicationStrategy?: string;
  NewDeletionStrategy?: string;
  NewDescription?: string;
}

/** The CloudSSO actions the user-provision handler needs. */
export interface CloudSsoClient {
  /** Every provisioning of the directory matching principal and target (all pages). */
  listUserProvisionings(key: ProvisioningKey): Promise<UserProvisioning[]>;
  createUserProvisioning(key: ProvisioningKey, settings: ProvisioningSettings): Promise<UserProvisioning>;
  updateUserProvisioning(
    directoryId: string,
    id: string,
    changes: ProvisioningChanges,
  ): Promise<UserProvisioning>;
  deleteUserProvisioning(directoryId: string, id: string, deletionStrategy: string): Promise<void>;
  getUserProvisioning(directoryId: string, id: string): Promise<UserProvisioning>;
  /** `FailedEventCount` of GetUserProvisioningStatistics. */
  failedEventCount(directoryId: string, id: string): Promise<number | undefined>;
}

function provisioningOf(body: ApiBody, action: string): UserProvisioning {
  const p = body.UserProvisioning as UserProvisioning | undefined;
  if (typeof p?.UserProvisioningId !== 'string') {
    const requestId = typeof body.RequestId === 'string' ? body.RequestId : '';
    throw new CloudError(
      `CloudSSO.${action} failed: ${MALFORMED_ANSWER} (HTTP 200): the answer has no UserProvisioning.UserProvisioningId` +
        (requestId === '' ? '' : ` [API request ID ${requestId}]`),
      MALFORMED_ANSWER,
      200,
      requestId,
      false,
      `CloudSSO.${action}`,
    );
  }
  return p;
}

/** Guards against a runaway NextToken loop. */
const MAX_PAGES = 100;

/** CloudSSO 2021-05-15 over a generic caller (no client package exists, cloud-apis.md §10). */
export function createCloudSsoClient(caller: ApiCaller): CloudSsoClient {
  return {
    async listUserProvisionings(key) {
      const found: UserProvisioning[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const body = await caller.call('ListUserProvisionings', {
          ...key,
          MaxResults: 100,
          NextToken: nextToken,
        });
        const items = Array.isArray(body.UserProvisionings)
          ? (body.UserProvisionings as UserProvisioning[])
          : [];
        found.push(...items);
        nextToken = typeof body.NextToken === 'string' && body.NextToken !== '' ? body.NextToken : undefined;
        if (body.IsTruncated !== true && nextToken === undefined) return found;
        if (nextToken === undefined) return found;
      }
      throw new Error(`ListUserProvisionings returned more than ${MAX_PAGES} pages`);
    },
    async createUserProvisioning(key, settings) {
      // Not idempotent: nothing documented stops a second provisioning for the same inputs.
      const body = await caller.call(
        'CreateUserProvisioning',
        { ...key, ...settings },
        { idempotent: false },
      );
      return provisioningOf(body, 'CreateUserProvisioning');
    },
    async updateUserProvisioning(directoryId, id, changes) {
      const body = await caller.call('UpdateUserProvisioning', {
        DirectoryId: directoryId,
        UserProvisioningId: id,
        ...changes,
      });
      return provisioningOf(body, 'UpdateUserProvisioning');
    },
    async deleteUserProvisioning(directoryId, id, deletionStrategy) {
      await caller.call('DeleteUserProvisioning', {
        DirectoryId: directoryId,
        UserProvisioningId: id,
        DeletionStrategy: deletionStrategy,
      });
    },
    async getUserProvisioning(directoryId, id) {
      const body = await caller.call('GetUserProvisioning', {
        DirectoryId: directoryId,
        UserProvisioningId: id,
      });
      return provisioningOf(body, 'GetUserProvisioning');
    },
    async failedEventCount(directoryId, id) {
      const body = await caller.call('GetUserProvisioningStatistics', {
        DirectoryId: directoryId,
        UserProvisioningId: id,
      });
      const stats = body.UserProvisioningStatistics as { FailedEventCount?: unknown } | undefined;
      const count = Number(stats?.FailedEventCount);
      return Number.isFinite(count) ? count : undefined;
    },
  };
}
