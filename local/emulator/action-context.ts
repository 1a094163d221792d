import { cloudSsoNotFound, imsNotFound } from './api-error';
import type { Caller } from './caller';
import type { CredentialStore } from './credential-store';
import type { FaultInjector } from './faults';
import type { RequestParams } from './request-params';
import { type Directory, type EmulatorState, type RdAccount, requireDirectory } from './state';

/** What an action handler gets: the live state, the call's parameters and the calling account. */
export interface ActionContext {
  state: EmulatorState;
  params: RequestParams;
  /** The account that owns the access key used; IMS calls act on it. */
  accountId: string;
  /** Who signed the call (root key, RAM user, STS session). */
  caller: Caller;
  /** Every key the emulator accepts; AssumeRole issues new ones here. */
  credentials: CredentialStore;
  faults: FaultInjector;
  /** One timestamp per call, so every field a call touches agrees. */
  now: string;
  /** The same instant in epoch milliseconds. */
  nowMs: number;
}

/** Returns the success body without `RequestId` (the server adds it); throws `ApiError` otherwise. */
export type ActionHandler = (ctx: ActionContext) => Record<string, unknown>;

export type ActionTable = Readonly<Record<string, ActionHandler>>;

/**
 * The call's `DirectoryId`, which must belong to the calling account: a directory lives in the
 * account that created it (its `OwnerPk`, cloud-apis.md §2.1), so to any other account's key it does
 * not exist. The code for that case is guessed (README, "Error codes").
 */
export function callerDirectory(ctx: ActionContext): Directory {
  const id = ctx.params.required('DirectoryId');
  const directory = requireDirectory(ctx.state, id);
  if (directory.ownerPk !== ctx.accountId) throw cloudSsoNotFound('Directory', id);
  return directory;
}

/** `MaxResults` as the CloudSSO list actions take it (1–100, default 10). */
export function maxResults(ctx: ActionContext): number {
  return ctx.params.integer('MaxResults', { min: 1, max: 100, fallback: 10 }) ?? 10;
}

/** The envelope every CloudSSO list action shares; `NextToken` appears only when truncated. */
export function listBody(
  key: string,
  items: unknown[],
  total: number,
  pageSize: number,
  nextToken: string | undefined,
): Record<string, unknown> {
  return {
    [key]: items,
    IsTruncated: nextToken !== undefined,
    MaxResults: pageSize,
    TotalCounts: total,
    ...(nextToken === undefined ? {} : { NextToken: nextToken }),
  };
}

/** The account an IMS or RAM call acts on: the one that owns the access key (or the session's role). */
export function callerRamAccount(ctx: ActionContext): RdAccount {
  const account = ctx.state.accounts.find((a) => a.accountId === ctx.accountId);
  if (account === undefined) throw imsNotFound('Account', ctx.accountId);
  return account;
}

/** `MaxItems` of IMS and RAM lists: 1–1000, with the default each action documents. */
export function maxItems(ctx: ActionContext, fallback: number, max = 1000): number {
  return ctx.params.integer('MaxItems', { min: 1, max, fallback }) ?? fallback;
}

/** The `Marker` envelope of IMS and RAM lists, wrapped twice (`Users.User[]`); `Marker` only when truncated. */
export function markerBody(
  outer: string,
  inner: string,
  items: unknown[],
  nextToken: string | undefined,
): Record<string, unknown> {
  return {
    [outer]: { [inner]: items },
    IsTruncated: nextToken !== undefined,
    ...(nextToken === undefined ? {} : { Marker: nextToken }),
  };
}
