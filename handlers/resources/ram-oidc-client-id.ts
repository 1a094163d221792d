import type { OidcProvider } from '../clients/ims';
import { ignoreGone, isAlreadyExists } from '../clients/error-codes';
import { CloudError, ResourceMissing, ValidationError } from '../errors';
import { OWNERSHIP_PREFIX_BYTES } from '../ownership';
import { parameterFacts, pickAttributes } from '../properties';
import { MAX_PHYSICAL_ID_BYTES } from '../respond';
import {
  CUSTOM_RESOURCE_SCHEMA_IDS,
  type RAMOIDCClientIdProps as OidcClientIdProps,
} from './props.generated';
import { defineResourceHandler, type ResourceDeps } from './resource-handler';

const RESOURCE_TYPE = 'Custom::RAMOIDCClientId';
const facts = parameterFacts(CUSTOM_RESOURCE_SCHEMA_IDS[RESOURCE_TYPE]);
// `<OIDCProviderName>/<ClientId>`: a provider name has no `/`, so the first one separates them.
const RESOURCE_ID = /^([a-zA-Z0-9][a-zA-Z0-9._-]*)\/([a-zA-Z0-9][a-zA-Z0-9._:/-]*)$/;

function resourceIdOf(props: OidcClientIdProps): string {
  return `${props.OIDCProviderName}/${props.ClientId}`;
}

function arnOf(
  provider: OidcProvider | undefined,
  name: string,
  accountId: string | undefined,
): string | undefined {
  if (provider?.Arn !== undefined) return provider.Arn;
  return accountId === undefined ? undefined : `acs:ram::${accountId}:oidc-provider/${name}`;
}

function dataOf(props: OidcClientIdProps, arn: string | undefined): Record<string, unknown> {
  return pickAttributes(facts, {
    OIDCProviderName: props.OIDCProviderName,
    ClientId: props.ClientId,
    Arn: arn,
  });
}

/** The provider is full: said in words, with the service's code kept (not an internal error). */
function providerFull(err: CloudError, providerName: string): CloudError {
  const message =
    `OIDC provider '${providerName}' is full: it already has the maximum number of client IDs ` +
    `(50 per provider; 20 on older accounts). Remove one or use another provider. ${err.message}`;
  return new CloudError(message, err.code, err.httpStatus, err.requestId, false, err.action);
}

/**
 * Adds the client ID unless the provider has it already. Looked up first: whether adding one the
 * provider already has fails is not documented (AWS IAM's equivalent call succeeds), and such a
 * success must never count as "created". `added` runs the moment the Add call succeeded.
 */
async function addOrFind(
  props: OidcClientIdProps,
  deps: ResourceDeps,
  added: () => void,
): Promise<{ provider: OidcProvider; existed: boolean }> {
  const resourceId = resourceIdOf(props);
  const before = await deps.ims.getOidcProvider(props.OIDCProviderName);
  if (before.ClientIds.includes(props.ClientId)) {
    deps.log.log({ step: 'adopt', outcome: 'ok', resourceId });
    return { provider: before, existed: true };
  }
  try {
    const provider = await deps.ims.addClientId(props.OIDCProviderName, props.ClientId);
    added();
    return { provider, existed: false };
  } catch (err) {
    if (err instanceof CloudError && err.code.startsWith('LimitExceeded'))
      throw providerFull(err, props.OIDCProviderName);
    if (!isAlreadyExists(err)) throw err;
    // Added since the lookup: by hand, by another stack, or by a retried Add this call cannot prove its own.
    const provider = await deps.ims.getOidcProvider(props.OIDCProviderName);
    if (!provider.ClientIds.includes(props.ClientId)) throw err;
    deps.log.log({ step: 'adopt', outcome: 'ok', resourceId, note: 'added since the lookup' });
    return { provider, existed: true };
  }
}

/** Custom::RAMOIDCClientId: one client ID on an existing RAM OIDC provider (cloud-apis.md §5). */
export const ramOidcClientId = defineResourceHandler({
  resourceType: RESOURCE_TYPE,
  isResourceId: (id) => RESOURCE_ID.test(id),

  async create(props, deps) {
    const resourceId = resourceIdOf(props);
    const idBytes = Buffer.byteLength(resourceId) + OWNERSHIP_PREFIX_BYTES;
    if (idBytes > MAX_PHYSICAL_ID_BYTES) {
      throw new ValidationError(
        `OIDCProviderName + '/' + ClientId is ${Buffer.byteLength(resourceId)} bytes; with the ownership prefix ` +
          `the PhysicalResourceId may be at most ${MAX_PHYSICAL_ID_BYTES} bytes`,
      );
    }
    const { provider, existed } = await addOrFind(props, deps, () => deps.created(resourceId));
    return {
      resourceId,
      existed,
      data: dataOf(props, arnOf(provider, props.OIDCProviderName, deps.accountId)),
    };
  },

  // Both properties are not updatable: an Update only re-reads the provider, for the same Data as Create.
  async update(props, _old, _resourceId, deps) {
    const provider = await deps.ims.getOidcProvider(props.OIDCProviderName);
    if (!provider.ClientIds.includes(props.ClientId)) {
      throw new ResourceMissing(
        `client ID '${props.ClientId}' is no longer on OIDC provider '${props.OIDCProviderName}' (removed outside ` +
          'this stack); nothing was changed. Add it back by hand, or delete the resource from the stack',
      );
    }
    return dataOf(props, arnOf(provider, props.OIDCProviderName, deps.accountId));
  },

  // Both properties are in the resource ID itself: no call needed.
  async differences(props, keys, resourceId) {
    const match = RESOURCE_ID.exec(resourceId);
    if (match === null) return undefined;
    const actual: Record<string, string> = {
      OIDCProviderName: match[1],
      ClientId: match[2],
    };
    return keys.filter((key) => actual[key] !== (props as unknown as Record<string, unknown>)[key]);
  },

  async delete(_props, resourceId, deps) {
    // Act on the resource ID only: it names exactly what Create added.
    const match = RESOURCE_ID.exec(resourceId);
    if (match === null) return;
    const [, name, clientId] = match as unknown as [string, string, string];
    try {
      await deps.ims.removeClientId(name, clientId);
    } catch (err) {
      ignoreGone('OIDCClientId', err, deps.log);
    }
  },
});
