import type { OidcProvider } from '../clients/ims';
import { ignoreGone, isAlreadyExists } from '../clients/error-codes';
import { CloudError, ValidationError } from '../errors';
import { OWNERSHIP_PREFIX_BYTES } from '../ownership';
import { parameterFacts, pickAttributes } from '../properties';
import { MAX_PHYSICAL_ID_BYTES } from '../respond';
import type { ResourceHandler } from './resource-handler';

/** `ResourceProperties` of Custom::RAMOIDCClientId. */
export interface OidcClientIdProps {
  OIDCProviderName: string;
  ClientId: string;
  TakeOwnershipOfExisting?: boolean;
}

const SCHEMA_ID = 'https://ros-sso.dev/schemas/resources/Custom.RAMOIDCClientId.json';
const facts = parameterFacts(SCHEMA_ID);
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

/** Custom::RAMOIDCClientId: one client ID on an existing RAM OIDC provider (cloud-apis.md §5). */
export const ramOidcClientId: ResourceHandler<OidcClientIdProps> = {
  resourceType: 'Custom::RAMOIDCClientId',
  schemaId: SCHEMA_ID,
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
    let provider: OidcProvider;
    let existed = false;
    try {
      provider = await deps.ims.addClientId(props.OIDCProviderName, props.ClientId);
      deps.created(resourceId);
    } catch (err) {
      if (isAlreadyExists(err)) {
        // Already on the provider (added by hand, by another stack, or by an attempt we cannot prove was ours).
        provider = await deps.ims.getOidcProvider(props.OIDCProviderName);
        if (!provider.ClientIds.includes(props.ClientId)) throw err;
        existed = true;
        deps.log.log({ step: 'adopt', outcome: 'ok', resourceId });
      } else if (err instanceof CloudError && err.code.startsWith('LimitExceeded')) {
        throw new Error(
          `OIDC provider '${props.OIDCProviderName}' is full: it already has the maximum number of client IDs ` +
            `(50 per provider; 20 on older accounts). Remove one or use another provider. ${err.message}`,
        );
      } else {
        throw err;
      }
    }
    return {
      resourceId,
      existed,
      data: dataOf(props, arnOf(provider, props.OIDCProviderName, deps.accountId)),
    };
  },

  // Both properties are not updatable: an Update only re-reads the provider, for the same Data as Create.
  async update(props, _old, _resourceId, deps) {
    const provider = await deps.ims.getOidcProvider(props.OIDCProviderName);
    return dataOf(props, arnOf(provider, props.OIDCProviderName, deps.accountId));
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
};
