import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './api-error';

/**
 * Replay protection as the Alibaba Cloud API gateway applies it to signed requests: the request's
 * time (`x-acs-date`) must be within 15 minutes of the server's clock, and a signature nonce
 * (`x-acs-signature-nonce`) is accepted once while its request is inside that window (README,
 * "Strictness"). Only correctly signed requests reach this check, so a forged request cannot use up
 * somebody's nonce.
 */
export const REPLAY_WINDOW_MS = 15 * 60 * 1000;

/** `2024-01-02T03:04:05Z`, what openapi-core's `getTimestamp` sends (seconds, UTC, `Z`). */
const ACS_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

export class ReplayGuard {
  /** `accessKeyId nonce` → when the entry may be forgotten (its request has left the window). */
  private readonly seen = new Map<string, number>();
  private checks = 0;

  // Read the clock at each call, not once at start, so a test that moves Date moves it here too.
  constructor(private readonly clock: () => number = () => Date.now()) {}

  /** Returns the service's error for a stale, undated or replayed request; records a fresh nonce. */
  check(headers: IncomingHttpHeaders, accessKeyId: string): ApiError | undefined {
    const now = this.clock();
    const date = single(headers['x-acs-date']);
    if (date === '') return new ApiError('MissingParameter', 400, 'The x-acs-date header is required.');
    const at = ACS_DATE.test(date) ? Date.parse(date) : Number.NaN;
    if (Number.isNaN(at)) {
      return new ApiError('InvalidTimeStamp.Format', 400, `Specified time stamp "${date}" is not valid.`);
    }
    if (Math.abs(now - at) > REPLAY_WINDOW_MS) {
      return new ApiError('InvalidTimeStamp.Expired', 400, 'Specified time stamp or date value is expired.');
    }
    const nonce = single(headers['x-acs-signature-nonce']);
    if (nonce === '') {
      return new ApiError('MissingSignatureNonce', 400, 'The x-acs-signature-nonce header is required.');
    }
    this.forgetExpired(now);
    const key = `${accessKeyId} ${nonce}`;
    if (this.seen.has(key)) {
      return new ApiError('SignatureNonceUsed', 400, 'Specified signature nonce was used already.');
    }
    this.seen.set(key, at + REPLAY_WINDOW_MS);
    return undefined;
  }

  /** Once in a while, drop nonces whose request could no longer pass the time check anyway. */
  private forgetExpired(now: number): void {
    this.checks += 1;
    if (this.checks % 1000 !== 0) return;
    for (const [key, until] of this.seen) if (until < now) this.seen.delete(key);
  }
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}
