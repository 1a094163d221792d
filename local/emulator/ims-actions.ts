import {
  type ActionContext,
  type ActionTable,
  callerRamAccount,
  markerBody,
  maxItems,
} from './action-context';
import { alreadyExists, imsNotFound, invalidParameter, limitExceeded } from './api-error';
import { imsUserActions } from './ims-user-actions';
import { paginate } from './pagination';
import type { OidcProvider, RdAccount } from './state';

/**
 * IMS 2019-08-15 OIDC-provider actions (cloud-apis.md §5) and its RAM-user reads. Every call acts
 * on the account that owns the access key used.
 */
export const IMS_VERSION = '2019-08-15';

const MAX_PROVIDERS = 100;
const MAX_CLIENT_IDS = 50;
const MAX_FINGERPRINTS = 5;
const PROVIDER_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,126}[a-zA-Z0-9])?$/;
const CLIENT_ID = /^[a-zA-Z0-9][a-zA-Z0-9._:/-]{0,127}$/;
const FINGERPRINT = /^[a-zA-Z0-9]{1,128}$/;

/** `GmtCreate`/`GmtModified`: epoch milliseconds next to the ISO dates, as strings (the SDK models' type, §1). */
function providerBody(account: RdAccount, p: OidcProvider): Record<string, unknown> {
  return {
    OIDCProviderName: p.name,
    Arn: `acs:ram::${account.accountId}:oidc-provider/${p.name}`,
    IssuerUrl: p.issuerUrl,
    ClientIds: p.clientIds.join(','),
    Fingerprints: p.fingerprints.join(','),
    Description: p.description,
    IssuanceLimitTime: p.issuanceLimitTime,
    CreateDate: p.createDate,
    UpdateDate: p.updateDate,
    GmtCreate: String(Date.parse(p.createDate)),
    GmtModified: String(Date.parse(p.updateDate)),
  };
}

function providerName(ctx: ActionContext): string {
  return ctx.params.matching('OIDCProviderName', PROVIDER_NAME, 'must be 1-128 letters, digits or ._-', true);
}

function requireProvider(ctx: ActionContext): { account: RdAccount; provider: OidcProvider } {
  const account = callerRamAccount(ctx);
  const name = providerName(ctx);
  const provider = account.oidcProviders.find((p) => p.name === name);
  if (provider === undefined) throw imsNotFound('OIDCProvider', name);
  return { account, provider };
}

/** Comma-joined on the wire (§5.1); blanks dropped, duplicates folded. */
function commaList(value: string, name: string, pattern: RegExp, max: number, entity: string): string[] {
  const items = [...new Set(value.split(',').map((v) => v.trim()))].filter((v) => v !== '');
  for (const item of items) if (!pattern.test(item)) throw invalidParameter(name, `"${item}" is not allowed`);
  if (items.length > max) throw limitExceeded(entity, max);
  return items;
}

function issuerUrl(ctx: ActionContext): string {
  const value = ctx.params.required('IssuerUrl');
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (
    url === undefined ||
    url.protocol !== 'https:' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== ''
  ) {
    throw invalidParameter('IssuerUrl', 'must be an https URL without query, fragment or user info');
  }
  if (value.length > 255) throw invalidParameter('IssuerUrl', 'must be at most 255 characters');
  return value;
}

function issuanceLimit(ctx: ActionContext): number | undefined {
  return ctx.params.integer('IssuanceLimitTime', { min: 1, max: 168 });
}

function description(ctx: ActionContext, name: string): string | undefined {
  const value = ctx.params.optional(name);
  if (value !== undefined && value.length > 256)
    throw invalidParameter(name, 'must be at most 256 characters');
  return value;
}

function createOidcProvider(ctx: ActionContext) {
  const account = callerRamAccount(ctx);
  const name = providerName(ctx);
  const url = issuerUrl(ctx);
  if (account.oidcProviders.some((p) => p.name === name)) throw alreadyExists('OIDCProvider', name);
  if (account.oidcProviders.some((p) => p.issuerUrl === url)) throw alreadyExists('OIDCProvider.Url', url);
  if (account.oidcProviders.length >= MAX_PROVIDERS) throw limitExceeded('OIDCProvider', MAX_PROVIDERS);
  const provider: OidcProvider = {
    name,
    issuerUrl: url,
    clientIds: commaList(
      ctx.params.optional('ClientIds') ?? '',
      'ClientIds',
      CLIENT_ID,
      MAX_CLIENT_IDS,
      'OIDCProvider.ClientId',
    ),
    fingerprints: commaList(
      ctx.params.optional('Fingerprints') ?? '',
      'Fingerprints',
      FINGERPRINT,
      MAX_FINGERPRINTS,
      'OIDCProvider.Fingerprint',
    ),
    description: description(ctx, 'Description') ?? '',
    issuanceLimitTime: issuanceLimit(ctx) ?? 12,
    createDate: ctx.now,
    updateDate: ctx.now,
  };
  account.oidcProviders.push(provider);
  return { OIDCProvider: providerBody(account, provider) };
}

function getOidcProvider(ctx: ActionContext) {
  const { account, provider } = requireProvider(ctx);
  return { OIDCProvider: providerBody(account, provider) };
}

/** The list is wrapped twice, `OIDCProviders.OIDCProvider[]`, with `Marker` paging (§5.2). */
function listOidcProviders(ctx: ActionContext) {
  const account = callerRamAccount(ctx);
  const size = maxItems(ctx, 100, 100);
  const page = paginate(account.oidcProviders, ctx.params.optional('Marker'), size, 'Marker');
  const items = page.items.map((p) => providerBody(account, p));
  return markerBody('OIDCProviders', 'OIDCProvider', items, page.nextToken);
}

function clientIdParam(ctx: ActionContext): string {
  return ctx.params.matching('ClientId', CLIENT_ID, 'must be 1-128 letters, digits or .-_:/', true);
}

function addClientId(ctx: ActionContext) {
  const { account, provider } = requireProvider(ctx);
  const clientId = clientIdParam(ctx);
  if (provider.clientIds.includes(clientId)) {
    // What the service answers here is not documented: 409 by default, or success unchanged.
    if (ctx.faults.spec.addExistingClientId === 'ok')
      return { OIDCProvider: providerBody(account, provider) };
    throw alreadyExists('OIDCProvider.ClientId', clientId);
  }
  if (provider.clientIds.length >= MAX_CLIENT_IDS)
    throw limitExceeded('OIDCProvider.ClientId', MAX_CLIENT_IDS);
  provider.clientIds.push(clientId);
  provider.updateDate = ctx.now;
  return { OIDCProvider: providerBody(account, provider) };
}

function removeClientId(ctx: ActionContext) {
  const { account, provider } = requireProvider(ctx);
  const clientId = clientIdParam(ctx);
  if (!provider.clientIds.includes(clientId)) throw imsNotFound('OIDCProvider.ClientId', clientId);
  provider.clientIds = provider.clientIds.filter((c) => c !== clientId);
  provider.updateDate = ctx.now;
  return { OIDCProvider: providerBody(account, provider) };
}

/** `ClientIds`, when present (even empty), replaces the whole list (§5.2). */
function updateOidcProvider(ctx: ActionContext) {
  const { account, provider } = requireProvider(ctx);
  const clientIds = ctx.params.optional('ClientIds');
  const newDescription = description(ctx, 'NewDescription');
  const limit = issuanceLimit(ctx);
  if (clientIds !== undefined) {
    provider.clientIds = commaList(
      clientIds,
      'ClientIds',
      CLIENT_ID,
      MAX_CLIENT_IDS,
      'OIDCProvider.ClientId',
    );
  }
  if (newDescription !== undefined) provider.description = newDescription;
  if (limit !== undefined) provider.issuanceLimitTime = limit;
  provider.updateDate = ctx.now;
  return { OIDCProvider: providerBody(account, provider) };
}

function deleteOidcProvider(ctx: ActionContext) {
  const { account, provider } = requireProvider(ctx);
  account.oidcProviders = account.oidcProviders.filter((p) => p !== provider);
  return {};
}

export const imsActions: ActionTable = {
  CreateOIDCProvider: createOidcProvider,
  GetOIDCProvider: getOidcProvider,
  ListOIDCProviders: listOidcProviders,
  AddClientIdToOIDCProvider: addClientId,
  RemoveClientIdFromOIDCProvider: removeClientId,
  UpdateOIDCProvider: updateOidcProvider,
  DeleteOIDCProvider: deleteOidcProvider,
  ...imsUserActions,
};
