import { invalidParameter } from './api-error';

export interface Page<T> {
  items: T[];
  /** Set only when more items follow. */
  nextToken?: string;
}

/**
 * Offset pagination behind an opaque token, shared by CloudSSO (`NextToken`) and IMS (`Marker`).
 * A token the emulator did not issue is rejected the way the service rejects a forged one.
 */
export function paginate<T>(
  items: readonly T[],
  token: string | undefined,
  pageSize: number,
  tokenName: string,
): Page<T> {
  const start = token === undefined || token === '' ? 0 : decodeToken(token, tokenName);
  const slice = items.slice(start, start + pageSize);
  const end = start + slice.length;
  return end < items.length ? { items: slice, nextToken: encodeToken(end) } : { items: slice };
}

function encodeToken(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

function decodeToken(token: string, tokenName: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null) throw invalidParameter(tokenName, 'the token is not one this service issued');
  return Number(match[1]);
}
