import type { OidcProvider } from '../clients/ims';
import { CloudError, ValidationError } from '../errors';
import { parameterFacts, pickAttributes } from '../properties';
import { MAX_PHYSICAL_ID_BYTES } from '../respond';
import type { ResourceHandler } from './resource-handler';

/** `ResourceProperties` of Custom::RAMOIDCClientId. */
export interface OidcClientIdProps {
  OIDCProviderName: string;
  ClientId: string;
}

const SCHEMA_ID = 'https://ros-sso.dev/schemas/resources/Custom.RAMOIDCClientId.json';
const facts = parameterFacts(SCHEMA_ID);
// `<OIDCProviderName>/<ClientId>`: a provider name has no `/`, so the first one separates them.
const PHYSICAL_ID = /^([a-zA-Z0-9][a-zA-Z0-9._-]*)\/([a-zA-Z0-9][a-zA-Z0-9._:/-]*)$/;

function physicalIdOf(props: OidcClientIdProps): string {
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
  ownsPhysicalId: (id) => PHYSICAL_ID.test(id),

  async create(props, deps) {
    const physicalResourceId = physicalIdOf(props);
    if (Buffer.byteLength(physicalResourceId) > MAX_PHYSICAL_ID_BYTES) {
      throw new ValidationError(
        `OIDCProviderName + '/' + ClientId is ${Buffer.byteLength(physicalResourceId)} bytes; ` +
          `the PhysicalResourceId may be at most ${MAX_PHYSICAL_ID_BYTES}`,
      );
    }
    let provider: OidcProvider;
    try {
      provider = await deps.ims.addClientId(props.OIDCProviderName, props.ClientId);
      deps.created(physicalResourceId);
    } catch (err) {
      if (err instanceof CloudError && err.isAlreadyExists) {
        // Already on the provider (an earlier attempt, or added by hand): adopt it.
        provider = await deps.ims.getOidcProvider(props.OIDCProviderName);
        if (!provider.ClientIds.includes(props.ClientId)) throw err;
        deps.log.log({ step: 'adopt', outcome: 'ok', physicalResourceId });
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
      physicalResourceId,
      data: dataOf(props, arnOf(provider, props.OIDCProviderName, deps.accountId)),
    };
  },

  // Both properties are not updatable, so the lifecycle never gets here with a real change.
  async update(props, _old, physicalResourceId, deps) {
    return { physicalResourceId, data: this.describe(props, physicalResourceId, deps) };
  },

  async delete(_props, physicalResourceId, deps) {
    // Act on the physical ID only: it names exactly what Create added.
    const match = PHYSICAL_ID.exec(physicalResourceId);
    if (match === null) return;
    const [, name, clientId] = match as unknown as [string, string, string];
    try {
      await deps.ims.removeClientId(name, clientId);
    } catch (err) {
      if (err instanceof CloudError && err.isNotFound) {
        deps.log.log({ step: 'delete', outcome: 'skipped', code: err.code, note: 'already gone' });
        return;
      }
      throw err;
    }
  },

  describe(props, _physicalResourceId, deps) {
    return dataOf(props, arnOf(undefined, props.OIDCProviderName, deps.accountId));
  },
};
