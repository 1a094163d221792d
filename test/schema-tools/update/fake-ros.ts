import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EmulatorCredential, verifySignature } from '../../../local/emulator/signature';

/**
 * A loopback stand-in for the ROS 2019-09-10 RPC API: ACS3-HMAC-SHA256 signatures checked, the
 * two actions `schemas update` calls answered in the real response shape, anything else refused.
 */

export const ROS_VERSION = '2019-09-10';
export const CREDENTIAL: EmulatorCredential = {
  accessKeyId: 'LTAI5tFakeRosKey0001',
  accessKeySecret: 'fake-ros-secret-0001',
};

/** One type as GetResourceType describes it. */
export interface FakeType {
  EntityType: 'Resource' | 'DataSource' | 'Module';
  Properties: Record<string, unknown>;
  Attributes: Record<string, unknown>;
  Description?: string;
}

export interface RosCall {
  action: string;
  params: Record<string, string>;
  /** Which call of this action this is, from 1. */
  n: number;
}

/** What `intercept` may answer instead of the normal reply. */
export type FakeReply =
  | { status: number; code: string; message?: string; headers?: Record<string, string> }
  | { status: 200; body: Record<string, unknown> }
  | 'hangup';

export interface FakeRos {
  /** `http://127.0.0.1:PORT`, for --endpoint. */
  endpoint: string;
  /** Signed calls that reached an action, in arrival order. */
  calls: RosCall[];
  /** Requests refused before any action (bad signature, unknown action or version). */
  refused: string[];
  intercept?: (call: RosCall) => FakeReply | undefined;
  gets(): string[];
  close(): Promise<void>;
}

export async function startFakeRos(types: Readonly<Record<string, FakeType>>): Promise<FakeRos> {
  const counts = new Map<string, number>();
  const fake: FakeRos = {
    endpoint: '',
    calls: [],
    refused: [],
    gets: () =>
      fake.calls.filter((c) => c.action === 'GetResourceType').map((c) => c.params.ResourceType ?? ''),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const answer = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const { path, query } = parseTarget(req.url ?? '/');
    const check = verifySignature(
      { method: req.method ?? 'POST', path, query, headers: req.headers, body },
      (id) => (id === CREDENTIAL.accessKeyId ? CREDENTIAL : undefined),
    );
    if (!check.ok) return refuse(res, fake, check.error.httpStatus, check.error.code, check.error.message);
    const action = String(req.headers['x-acs-action'] ?? '');
    if (req.headers['x-acs-version'] !== ROS_VERSION)
      return refuse(res, fake, 400, 'InvalidVersion', 'Specified parameter Version is not valid.');
    if (action !== 'ListResourceTypes' && action !== 'GetResourceType')
      return refuse(res, fake, 404, 'InvalidAction.NotFound', 'Specified api is not found.');

    const n = (counts.get(action) ?? 0) + 1;
    counts.set(action, n);
    const call: RosCall = { action, params: query, n };
    fake.calls.push(call);
    const override = fake.intercept?.(call);
    if (override === 'hangup') return void res.socket?.destroy();
    if (override !== undefined && 'code' in override)
      return sendError(
        res,
        override.status,
        override.code,
        override.message ?? override.code,
        override.headers,
      );
    if (override !== undefined) return send(res, 200, { RequestId: randomUUID(), ...override.body });
    if (action === 'ListResourceTypes') return send(res, 200, listBody(types, query.EntityType));
    return getBody(res, types, query.ResourceType ?? '');
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** ListResourceTypes: EntityType Resource (the default), DataSource, Module or All. */
function listBody(
  types: Readonly<Record<string, FakeType>>,
  entityType = 'Resource',
): Record<string, unknown> {
  const names = Object.keys(types)
    .filter((name) => entityType === 'All' || types[name]?.EntityType === entityType)
    .sort();
  return { RequestId: randomUUID(), ResourceTypes: names };
}

function getBody(res: ServerResponse, types: Readonly<Record<string, FakeType>>, name: string): void {
  const type = Object.hasOwn(types, name) ? types[name] : undefined;
  if (type === undefined)
    return sendError(res, 404, 'ResourceTypeNotFound', `The Resource Type (${name}) could not be found.`);
  send(res, 200, {
    RequestId: randomUUID(),
    ResourceType: name,
    EntityType: type.EntityType,
    Provider: 'ROS',
    SupportDriftDetection: false,
    SupportScratchDetection: false,
    ...(type.Description === undefined ? {} : { Description: type.Description }),
    Properties: type.Properties,
    Attributes: type.Attributes,
  });
}

function refuse(res: ServerResponse, fake: FakeRos, status: number, code: string, message: string): void {
  fake.refused.push(code);
  sendError(res, status, code, message);
}

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const requestId = randomUUID().toUpperCase();
  send(
    res,
    status,
    { RequestId: requestId, HostId: 'ros.aliyuncs.com', Code: code, Message: message },
    headers,
  );
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function parseTarget(url: string): { path: string; query: Record<string, string> } {
  const mark = url.indexOf('?');
  const query: Record<string, string> = {};
  if (mark >= 0)
    for (const pair of url.slice(mark + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      query[decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq))] =
        eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
    }
  return { path: mark < 0 ? url : url.slice(0, mark) || '/', query };
}
