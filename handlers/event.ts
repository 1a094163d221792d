import { ValidationError } from './errors';

export type RequestType = 'Create' | 'Update' | 'Delete';
export type Properties = Record<string, unknown>;

/** The custom-resource request ROS sends (ros-protocol.md §1.4); unknown keys are ignored. */
export interface RosRequest {
  RequestType: RequestType;
  RequestId: string;
  ResponseURL: string;
  IntranetResponseURL?: string;
  StackId: string;
  StackName?: string;
  ResourceOwnerId?: string;
  CallerId?: string;
  RegionId?: string;
  ResourceType: string;
  LogicalResourceId: string;
  /** Absent on Create; on Delete after a Create that never answered it may be absent too (§1.8). */
  PhysicalResourceId?: string;
  ResourceProperties: Properties;
  OldResourceProperties?: Properties;
}

/** What an answer needs; salvaged from a malformed event too, so it can still be answered. */
export interface AnswerTarget {
  RequestType?: string;
  RequestId?: string;
  ResponseURL?: string;
  IntranetResponseURL?: string;
  StackId?: string;
  LogicalResourceId?: string;
  PhysicalResourceId?: string;
}

export type ParseResult =
  { ok: true; request: RosRequest } | { ok: false; reason: string; target: AnswerTarget };

const REQUEST_TYPES: readonly string[] = ['Create', 'Update', 'Delete'];
const REQUIRED = ['RequestId', 'ResponseURL', 'StackId', 'LogicalResourceId', 'ResourceType'] as const;
const OPTIONAL = [
  'IntranetResponseURL',
  'StackName',
  'ResourceOwnerId',
  'CallerId',
  'RegionId',
  'PhysicalResourceId',
] as const;

/** FC hands the payload over as a Buffer (§4.1); a string or an already parsed object is accepted too. */
export function decodeEvent(raw: unknown): unknown {
  if (raw instanceof Uint8Array) return parseJson(Buffer.from(raw).toString('utf8'));
  if (typeof raw === 'string') return parseJson(raw);
  return raw;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ValidationError(`the event is not JSON (${(err as Error).message})`);
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Account and request IDs sometimes arrive as numbers; anything else is not a usable field. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Salvages the answer fields of any decoded event. */
export function answerTargetOf(event: unknown): AnswerTarget {
  if (!isMap(event)) return {};
  const target: AnswerTarget = {};
  for (const key of [
    'RequestType',
    'RequestId',
    'ResponseURL',
    'IntranetResponseURL',
    'StackId',
    'LogicalResourceId',
    'PhysicalResourceId',
  ] as const) {
    const value = text(event[key]);
    if (value !== undefined && value !== '') target[key] = value;
  }
  return target;
}

/**
 * Checks the protocol fields of a decoded event. A malformed one gives a Reason naming every bad
 * field, plus whatever is needed to answer it.
 */
export function parseRequest(event: unknown): ParseResult {
  if (!isMap(event)) return { ok: false, reason: 'the event is not a JSON object', target: {} };
  const problems: string[] = [];
  const type = text(event.RequestType);
  if (type === undefined || !REQUEST_TYPES.includes(type)) {
    problems.push(
      type === undefined
        ? 'missing RequestType'
        : `RequestType '${type}' is not allowed; expected one of 'Create', 'Update', 'Delete'`,
    );
  }
  const fields: Record<string, string> = {};
  for (const key of REQUIRED) {
    const value = text(event[key]);
    if (value === undefined || value === '') problems.push(`missing ${key}`);
    else fields[key] = value;
  }
  for (const key of OPTIONAL) {
    const value = text(event[key]);
    if (value !== undefined && value !== '') fields[key] = value;
  }
  const props = event.ResourceProperties ?? (type === 'Delete' ? {} : undefined);
  if (!isMap(props)) {
    problems.push(
      props === undefined ? 'missing ResourceProperties' : 'ResourceProperties must be a mapping',
    );
  }
  const old = event.OldResourceProperties;
  if (type === 'Update') {
    if (fields.PhysicalResourceId === undefined) problems.push('missing PhysicalResourceId');
    if (!isMap(old)) {
      problems.push(
        old === undefined ? 'missing OldResourceProperties' : 'OldResourceProperties must be a mapping',
      );
    }
  }
  if (problems.length > 0) {
    return { ok: false, reason: `malformed request: ${problems.join('; ')}`, target: answerTargetOf(event) };
  }
  const request = {
    ...fields,
    RequestType: type as RequestType,
    ResourceProperties: props as Properties,
    ...(type === 'Update' ? { OldResourceProperties: old as Properties } : {}),
  } as RosRequest;
  return { ok: true, request };
}
