import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ActionTable } from './action-context';
import { ApiError, missingParameter } from './api-error';
import { authorize } from './authorization';
import { resolveCaller } from './caller';
import { CLOUDSSO_VERSION, cloudSsoActions } from './cloudsso-actions';
import type { CredentialStore } from './credential-store';
import type { FaultInjector } from './faults';
import { IMS_VERSION, imsActions } from './ims-actions';
import { RAM_VERSION, ramActions } from './ram-actions';
import type { ReplayGuard } from './replay-guard';
import { RequestParams } from './request-params';
import { verifySignature } from './signature';
import { type EmulatorState, isoAt } from './state';
import { STS_VERSION, stsActions } from './sts-actions';

/** One API call as the emulator saw it; secrets never appear here. */
export interface RecordedRequest {
  action: string;
  version: string;
  params: Record<string, string>;
  /** '' when the request carried no readable Authorization header. */
  accessKeyId: string;
  signatureValid: boolean;
  status: number;
  code?: string;
}

export interface HandlerDeps {
  state: EmulatorState;
  credentials: CredentialStore;
  faults(): FaultInjector;
  replay: ReplayGuard;
  record(entry: RecordedRequest): void;
}

interface Product {
  table: ActionTable;
  host: string;
  product: string;
  /** The service prefix of its RAM action names (`cloudsso:ListUsers`, `ram:GetRole`). */
  ramCode: string;
}

/**
 * Four APIs share action names (`ListUsers`, `GetUser`) with different shapes, so a call is routed
 * by its `x-acs-version` first, then its action (README, "Routing").
 */
const PRODUCTS: Readonly<Record<string, Product>> = {
  [CLOUDSSO_VERSION]: {
    table: cloudSsoActions,
    host: 'cloudsso.aliyuncs.com',
    product: 'cloudsso',
    ramCode: 'cloudsso',
  },
  [IMS_VERSION]: { table: imsActions, host: 'ims.aliyuncs.com', product: 'Ims', ramCode: 'ram' },
  [RAM_VERSION]: { table: ramActions, host: 'ram.aliyuncs.com', product: 'Ram', ramCode: 'ram' },
  [STS_VERSION]: { table: stsActions, host: 'sts.aliyuncs.com', product: 'Sts', ramCode: 'sts' },
};

export const MAX_BODY_BYTES = 1024 * 1024;
const SECRET_PARAM = /secret|password|token/i;

/** Answers one HTTP request. Never throws: every failure becomes the service's JSON error body. */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: HandlerDeps,
): Promise<void> {
  const requestId = randomUUID().toUpperCase();
  const entry: RecordedRequest = {
    action: '',
    version: '',
    params: {},
    accessKeyId: '',
    signatureValid: false,
    status: 0,
  };
  let host = 'emulator';
  let product = 'emulator';
  try {
    const body = await readBody(req);
    const { path, query } = parseTarget(req.url ?? '/');
    const rawParams = { ...query, ...parseFormBody(req, body) };
    entry.params = redact(rawParams);
    entry.version = headerOr(req, 'x-acs-version', query.Version);
    entry.action = headerOr(req, 'x-acs-action', query.Action);
    const check = verifySignature(
      { method: req.method ?? 'POST', path, query, headers: req.headers, body },
      (id) => deps.credentials.find(id),
    );
    entry.accessKeyId = check.ok ? check.credential.accessKeyId : (check.accessKeyId ?? '');
    if (!check.ok) throw check.error;
    entry.signatureValid = true;
    const replayed = deps.replay.check(req.headers, check.credential.accessKeyId);
    if (replayed !== undefined) throw replayed;
    const nowMs = Date.now();
    const caller = resolveCaller(deps.state, deps.credentials, check.credential, nowMs);
    if (entry.version === '') throw missingParameter('Version');
    if (entry.action === '') throw missingParameter('Action');
    const target = PRODUCTS[entry.version];
    if (target === undefined)
      throw new ApiError('InvalidVersion', 400, 'Specified parameter Version is not valid.');
    host = target.host;
    product = target.product;
    const handler = Object.hasOwn(target.table, entry.action) ? target.table[entry.action] : undefined;
    if (handler === undefined) {
      throw new ApiError(
        'InvalidAction.NotFound',
        404,
        'Specified api is not found, please check your url and method.',
      );
    }
    const params = new RequestParams(rawParams);
    authorize({ state: deps.state, caller, params, ramCode: target.ramCode, action: entry.action });
    const faults = deps.faults();
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const decision = faults.decide();
    if (decision === 'throttle')
      throw new ApiError('Throttling.User', 400, 'Request was denied due to user flow control.');
    if (decision === 'server-error') {
      throw new ApiError(
        'ServiceUnavailable',
        503,
        'The request has failed due to a temporary failure of the server.',
      );
    }
    const payload = handler({
      state: deps.state,
      params,
      accountId: caller.accountId,
      caller,
      credentials: deps.credentials,
      faults,
      now: isoAt(nowMs),
      nowMs,
    });
    faults.succeeded(entry.action);
    const bad = faults.takeBadAnswer(entry.action);
    if (bad === 'lost') {
      // Done, but the caller never hears it: the connection closes with no response.
      entry.code = 'AnswerLost';
      deps.record(entry);
      res.socket?.destroy();
      return;
    }
    entry.status = 200;
    if (bad === 'empty') entry.code = 'AnswerEmpty';
    send(res, 200, requestId, { RequestId: requestId, ...(bad === 'empty' ? {} : payload) });
  } catch (err) {
    const error =
      err instanceof ApiError
        ? err
        : new ApiError('InternalError', 500, 'The request processing has failed due to some unknown error.');
    entry.status = error.httpStatus;
    entry.code = error.code;
    send(res, error.httpStatus, requestId, {
      RequestId: requestId,
      HostId: host,
      Code: error.code,
      Message: error.message,
      ...error.extra,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${product}&requestId=${requestId}`,
    });
  }
  deps.record(entry);
}

function send(res: ServerResponse, status: number, requestId: string, body: Record<string, unknown>): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-acs-request-id': requestId,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(buffer);
  }
  if (tooLarge)
    throw new ApiError('RequestEntityTooLarge', 413, `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
  return Buffer.concat(chunks);
}

/** Splits `/path?query` and decodes the query exactly once, as the signer encoded it. */
function parseTarget(url: string): { path: string; query: Record<string, string> } {
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const query: Record<string, string> = Object.create(null);
  if (mark >= 0) {
    for (const pair of url.slice(mark + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const key = decode(eq < 0 ? pair : pair.slice(0, eq));
      query[key] = eq < 0 ? '' : decode(pair.slice(eq + 1));
    }
  }
  return { path: path === '' ? '/' : path, query };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ApiError('InvalidParameter', 400, 'The query string is not valid percent-encoding.');
  }
}

function parseFormBody(req: IncomingMessage, body: Buffer): Record<string, string> {
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0 || !type.startsWith('application/x-www-form-urlencoded')) return {};
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

function headerOr(req: IncomingMessage, name: string, fallback: string | undefined): string {
  const value = req.headers[name];
  return (typeof value === 'string' && value !== '' ? value : fallback) ?? '';
}

function redact(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, SECRET_PARAM.test(k) ? '***' : v]));
}
