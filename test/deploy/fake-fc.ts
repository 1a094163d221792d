import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EmulatorCredential, verifySignature } from '../../local/emulator/signature';

/**
 * A fake FC 3.0 management API on loopback: the three function calls `ros-sso deploy` makes, with
 * ACS3-HMAC-SHA256 checked (local/emulator/signature.ts covers ROA as is: it signs the raw path,
 * the decoded query and the body hash) and FC's error bodies `{Code, Message, RequestId}`.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  /** The action the route implies; the x-acs-action header must agree. */
  action: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
  /** 'ok', or the code the signature check failed with. */
  signature: string;
}

export interface FcErrorReply {
  status: number;
  code: string;
  message: string;
}

export interface FakeFc {
  endpoint: string;
  region: string;
  accountId: string;
  credential: EmulatorCredential;
  requests: RecordedRequest[];
  functions: Map<string, Record<string, unknown>>;
  /** The decoded code package of each function, as last uploaded. */
  code: Map<string, Buffer>;
  /** The next `times` calls of `action` get this error instead of being served. */
  failNext(action: string, reply: FcErrorReply, times?: number): void;
  /** After the next create or update, the function stays Pending/InProgress for `polls` GetFunction calls. */
  settleAfter(polls: number, outcome?: 'Active' | 'Failed'): void;
  close(): Promise<void>;
}

const VERSION = '2023-03-30';
const FUNCTIONS = `/${VERSION}/functions`;

/** CRC-64/XZ (ECMA-182, reflected), the checksum FC and OSS report. */
export function crc64(bytes: Buffer): string {
  const poly = 0xc96c5795d7870f42n;
  let crc = 0xffffffffffffffffn;
  for (const byte of bytes) {
    crc ^= BigInt(byte);
    for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
  }
  return (crc ^ 0xffffffffffffffffn).toString();
}

const requestId = () => `1-${randomBytes(4).toString('hex')}-${randomBytes(12).toString('hex')}`;

function send(res: ServerResponse, status: number, body: unknown, rid = requestId()): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-fc-request-id': rid });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, reply: FcErrorReply): void {
  const rid = requestId();
  send(res, reply.status, { Code: reply.code, Message: reply.message, RequestId: rid }, rid);
}

const invalid = (message: string): FcErrorReply => ({ status: 400, code: 'InvalidArgument', message });
const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/** FC's own checks of a create/update body, the ones our requests could plausibly get wrong. */
function checkBody(body: Record<string, unknown>, creating: boolean): FcErrorReply | undefined {
  if (creating) {
    if (typeof body.functionName !== 'string' || !NAME.test(body.functionName))
      return invalid('functionName is invalid');
    for (const key of ['runtime', 'handler'])
      if (typeof body[key] !== 'string') return invalid(`${key} is required`);
  }
  const code = body.code as { zipFile?: unknown } | undefined;
  if (creating && typeof code?.zipFile !== 'string') return invalid('code is required');
  if (code !== undefined && !/^[A-Za-z0-9+/]+={0,2}$/.test(String(code.zipFile)))
    return invalid('code.zipFile is not base64');
  const memory = body.memorySize;
  if (memory !== undefined && (typeof memory !== 'number' || memory % 64 !== 0 || memory < 128))
    return invalid(`memorySize ${JSON.stringify(memory)} is invalid`);
  const timeout = body.timeout;
  if (timeout !== undefined && (typeof timeout !== 'number' || timeout < 1 || timeout > 86400))
    return invalid(`timeout ${JSON.stringify(timeout)} is invalid`);
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeFc(
  options: { region?: string; accountId?: string; securityToken?: string } = {},
): Promise<FakeFc> {
  const region = options.region ?? 'cn-hangzhou';
  const accountId = options.accountId ?? '1234567890123456';
  const credential: EmulatorCredential = {
    accessKeyId: 'LTAI5tFakeDeployKey',
    accessKeySecret: 'fake-secret-0123456789abcdef',
    ...(options.securityToken === undefined ? {} : { securityToken: options.securityToken }),
  };
  const requests: RecordedRequest[] = [];
  const functions = new Map<string, Record<string, unknown>>();
  const code = new Map<string, Buffer>();
  const scripted: { action: string; reply: FcErrorReply }[] = [];
  let settle: { polls: number; outcome: 'Active' | 'Failed' } | undefined;
  const pending = new Map<string, { polls: number; outcome: 'Active' | 'Failed' }>();

  const store = (name: string, body: Record<string, unknown>, creating: boolean) => {
    const now = new Date().toISOString();
    const previous = functions.get(name) ?? {};
    const { code: upload, ...config } = body;
    const record: Record<string, unknown> = {
      ...previous,
      ...config,
      functionName: name,
      functionArn: `acs:fc:${region}:${accountId}:functions/${name}`,
      functionId: previous.functionId ?? randomBytes(8).toString('hex'),
      state: 'Active',
      lastUpdateStatus: 'Successful',
      lastModifiedTime: now,
      ...(creating ? { createdTime: now } : {}),
    };
    const zipFile = (upload as { zipFile?: string } | undefined)?.zipFile;
    if (zipFile !== undefined) {
      const bytes = Buffer.from(zipFile, 'base64');
      code.set(name, bytes);
      record.codeSize = bytes.length;
      record.codeChecksum = crc64(bytes);
    }
    if (settle !== undefined) {
      pending.set(name, settle);
      record[creating ? 'state' : 'lastUpdateStatus'] = creating ? 'Pending' : 'InProgress';
      settle = undefined;
    }
    functions.set(name, record);
    return record;
  };

  const serve = (req: RecordedRequest, res: ServerResponse, name: string | undefined) => {
    const queued = scripted.findIndex((s) => s.action === req.action);
    if (queued >= 0) return sendError(res, scripted.splice(queued, 1)[0].reply);
    const notFound = (n: string): FcErrorReply => ({
      status: 404,
      code: 'FunctionNotFound',
      message: `function '${n}' does not exist`,
    });
    if (req.action === 'GetFunction') {
      const record = functions.get(name ?? '');
      if (record === undefined) return sendError(res, notFound(name ?? ''));
      const wait = pending.get(name ?? '');
      if (wait !== undefined && --wait.polls <= 0) {
        pending.delete(name ?? '');
        const failed = wait.outcome === 'Failed';
        record.state = failed ? 'Failed' : 'Active';
        record.lastUpdateStatus = failed ? 'Failed' : 'Successful';
        if (failed) record.lastUpdateStatusReason = 'the role cannot be assumed by fc.aliyuncs.com';
      }
      return send(res, 200, record);
    }
    const body = req.body ?? {};
    const creating = req.action === 'CreateFunction';
    const problem = checkBody(body, creating);
    if (problem) return sendError(res, problem);
    const target = creating ? String(body.functionName) : (name ?? '');
    if (creating && functions.has(target))
      return sendError(res, {
        status: 409,
        code: 'FunctionAlreadyExists',
        message: `function '${target}' already exists`,
      });
    if (!creating && !functions.has(target)) return sendError(res, notFound(target));
    return send(res, 200, store(target, body, creating));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://fake-fc');
      const path = (req.url ?? '/').split('?')[0];
      const match = /^\/2023-03-30\/functions(?:\/([^/]+))?$/.exec(path);
      const name = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
      const action =
        match === null
          ? ''
          : req.method === 'GET' && name !== undefined
            ? 'GetFunction'
            : req.method === 'POST' && name === undefined
              ? 'CreateFunction'
              : req.method === 'PUT' && name !== undefined
                ? 'UpdateFunction'
                : '';
      const verdict = verifySignature(
        {
          method: req.method ?? '',
          path,
          query: Object.fromEntries(url.searchParams),
          headers: req.headers,
          body: raw,
        },
        (id) => (id === credential.accessKeyId ? credential : undefined),
      );
      let body: Record<string, unknown> | undefined;
      try {
        body = raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
      } catch {
        body = undefined;
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path,
        action,
        headers: req.headers,
        body,
        signature: verdict.ok ? 'ok' : verdict.error.code,
      };
      requests.push(recorded);
      if (action === '')
        return sendError(res, {
          status: 400,
          code: 'PathNotSupported',
          message: `'${path}' against '${req.method}' is not supported`,
        });
      if (!verdict.ok)
        return sendError(res, {
          status: 403,
          code: verdict.error.code.startsWith('InvalidAccessKeyId')
            ? 'InvalidAccessKeyID'
            : 'SignatureNotMatch',
          message: verdict.error.message,
        });
      if (req.headers['x-acs-action'] !== action || req.headers['x-acs-version'] !== VERSION)
        return sendError(res, invalid(`x-acs-action/x-acs-version do not match ${req.method} ${FUNCTIONS}`));
      return serve(recorded, res, name);
    })().catch((err: unknown) => {
      send(res, 500, { Code: 'InternalServerError', Message: String(err), RequestId: requestId() });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    region,
    accountId,
    credential,
    requests,
    functions,
    code,
    failNext(action, reply, times = 1) {
      for (let i = 0; i < times; i++) scripted.push({ action, reply });
    },
    settleAfter(polls, outcome = 'Active') {
      settle = { polls, outcome };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
