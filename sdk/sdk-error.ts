/** What an openapi-core error (ClientError, ServerError, ThrottlingError, a socket error) tells. */
export interface SdkErrorFields {
  /** HTTP status; 0 when no answer came. */
  status: number;
  /** The service's error code, or the socket error's (`ECONNREFUSED`); '' when neither. */
  code: string;
  message: string;
  requestId: string;
  /** The service's `x-acs-retry-after` hint in ms, when it sent one. */
  retryAfterMs?: number;
}

interface SdkErrorShape {
  code?: unknown;
  statusCode?: unknown;
  requestId?: unknown;
  data?: unknown;
  message?: unknown;
  retryAfter?: unknown;
}

const str = (value: unknown) => (typeof value === 'string' && value !== 'undefined' ? value : '');

/**
 * The fields of an SDK error, whatever its class; only the service's answer, never the request or
 * its headers. RPC services and FC 3.0 answer `{Code, Message, RequestId}`; FC 2.0 spelled them
 * `ErrorCode`/`ErrorMessage`.
 */
export function sdkErrorFields(err: unknown): SdkErrorFields {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorShape;
  const data = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as Record<string, unknown>;
  return {
    status: typeof e.statusCode === 'number' ? e.statusCode : 0,
    code: str(data.Code) || str(data.ErrorCode) || str(e.code),
    message:
      str(data.Message) ||
      str(data.ErrorMessage) ||
      (typeof e.message === 'string' ? e.message : String(err)),
    requestId: str(data.RequestId) || str(e.requestId),
    ...(typeof e.retryAfter === 'number' && e.retryAfter > 0 ? { retryAfterMs: e.retryAfter } : {}),
  };
}
