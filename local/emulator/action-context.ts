import type { FaultInjector } from './faults';
import type { RequestParams } from './request-params';
import { cloudSsoNotFound } from './api-error';
import { type Directory, type EmulatorState, requireDirectory } from './state';

/** What an action handler gets: the live state, the call's parameters and the calling account. */
export interface ActionContext {
  state: EmulatorState;
  params: RequestParams;
  /** The account that owns the access key used; IMS calls act on it. */
  accountId: string;
  faults: FaultInjector;
  /** One timestamp per call, so every field a call touches agrees. */
  now: string;
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
