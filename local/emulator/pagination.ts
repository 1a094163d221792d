import { createHash } from 'node:crypto';
import { invalidParameter } from './api-error';

export interface Page<T> {
  items: T[];
  /** Set only when more items follow. */
  nextToken?: string;
}

/**
 * Offset pagination behind an opaque token, shared by CloudSSO (`NextToken`) and IMS/RAM (`Marker`).
 * A token the emulator did not issue is rejected the way the service rejects a forged one, and so is
 * a token sent with other filters than the page it came from: the docs say to keep every other
 * parameter unchanged between pages (TS-SSO), and a client that does not should learn it here.
 * `scope` names those filters.
 */
export function paginate<T>(
  items: readonly T[],
  token: string | undefined,
  pageSize: number,
  tokenName: string,
  scope = '',
): Page<T> {
  const tag = scopeTag(scope);
  const start = token === undefined || token === '' ? 0 : decodeToken(token, tokenName, tag);
  const slice = items.slice(start, start + pageSize);
  const end = start + slice.length;
  return end < items.length ? { items: slice, nextToken: encodeToken(end, tag) } : { items: slice };
}

function scopeTag(scope: string): string {
  return createHash('sha256').update(scope).digest('hex').slice(0, 12);
}

function encodeToken(offset: number, tag: string): string {
  return Buffer.from(`offset:${offset}:${tag}`, 'utf8').toString('base64url');
}

function decodeToken(token: string, tokenName: string, tag: string): number {
  const match = /^offset:(\d{1,9}):([0-9a-f]{12})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null) throw invalidParameter(tokenName, 'the token is not one this service issued');
  if (match[2] !== tag) throw invalidParameter(tokenName, 'the token belongs to a list with other filters');
  return Number(match[1]);
}
