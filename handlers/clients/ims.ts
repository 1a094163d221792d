import type { ApiBody, ApiCaller } from './call-api';

export const IMS_VERSION = '2019-08-15';

/** An OIDC provider as the handlers see it; `ClientIds` arrives as one comma-separated string (§5.1). */
export interface OidcProvider {
  OIDCProviderName: string;
  Arn?: string;
  ClientIds: string[];
}

/** The IMS (RAM) actions the OIDC client-id handler needs. */
export interface ImsClient {
  addClientId(providerName: string, clientId: string): Promise<OidcProvider>;
  removeClientId(providerName: string, clientId: string): Promise<OidcProvider>;
  getOidcProvider(providerName: string): Promise<OidcProvider>;
}

export function splitClientIds(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '')
    : [];
}

function providerOf(body: ApiBody, fallbackName: string): OidcProvider {
  const p = (body.OIDCProvider ?? {}) as Record<string, unknown>;
  return {
    OIDCProviderName: typeof p.OIDCProviderName === 'string' ? p.OIDCProviderName : fallbackName,
    ...(typeof p.Arn === 'string' ? { Arn: p.Arn } : {}),
    ClientIds: splitClientIds(p.ClientIds),
  };
}

/** IMS 2019-08-15 through the generic caller: the client package would cost 600 KB of bundle. */
export function createImsClient(caller: ApiCaller): ImsClient {
  return {
    async addClientId(providerName, clientId) {
      const body = await caller.call('AddClientIdToOIDCProvider', {
        OIDCProviderName: providerName,
        ClientId: clientId,
      });
      return providerOf(body, providerName);
    },
    async removeClientId(providerName, clientId) {
      const body = await caller.call('RemoveClientIdFromOIDCProvider', {
        OIDCProviderName: providerName,
        ClientId: clientId,
      });
      return providerOf(body, providerName);
    },
    async getOidcProvider(providerName) {
      return providerOf(
        await caller.call('GetOIDCProvider', { OIDCProviderName: providerName }),
        providerName,
      );
    },
  };
}
