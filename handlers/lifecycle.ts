import { type Answer, createAnswer } from './answer';
import { type ApiCaller, createApiCaller } from './clients/call-api';
import { CLOUDSSO_VERSION, createCloudSsoClient } from './clients/cloudsso';
import { createImsClient, IMS_VERSION } from './clients/ims';
import { type Credentials, cloudSsoEndpointFor, type Settings } from './config';
import type { Deadline } from './deadline';
import {
  CloudError,
  ConfigurationError,
  DeadlineExceeded,
  messageOf,
  ReplacementRequired,
  ValidationError,
} from './errors';
import { type AnswerTarget, answerTargetOf, decodeEvent, parseRequest, type RosRequest } from './event';
import type { Logger } from './log';
import { assertValidProperties, changedProperties, parameterFacts } from './properties';
import { cloudSsoUserProvision } from './resources/cloudsso-user-provision';
import { ramOidcClientId } from './resources/ram-oidc-client-id';
import type { ResourceDeps, ResourceHandler, StepResult } from './resources/resource-handler';
import { failedCreateMarker, isFailedCreateMarker } from './respond';

const CUSTOM_RESOURCE = 'ALIYUN::ROS::CustomResource';

/** The resource types this function serves. */
export const RESOURCE_HANDLERS: readonly ResourceHandler[] = [
  cloudSsoUserProvision as unknown as ResourceHandler,
  ramOidcClientId as unknown as ResourceHandler,
];

/** Everything the lifecycle needs, passed in by the entry (or a test); nothing here reads `process`. */
export interface LifecycleDeps {
  fcRequestId: string;
  deadline: Deadline;
  log: Logger;
  /** The parsed environment, or the error parsing it raised (answered as FAILED, not thrown). */
  settings: Settings | Error;
  /** Read apart from `settings` so that a configuration error can still be answered on loopback tests. */
  allowLoopbackCallback: boolean;
  /** FC `context.credentials` (STS); the environment's keys are the fallback. */
  credentials?: Credentials;
  accountId?: string;
  resources?: readonly ResourceHandler[];
}

/** What the FC function returns (ROS ignores it; it helps a person invoking the function by hand). */
export interface LifecycleResult {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId?: string;
  delivered: boolean;
}

interface Progress {
  step: string;
  createdId?: string;
}

/** A FAILED Reason: the message only; stacks go to the log. */
export function reasonFor(err: unknown): string {
  if (err instanceof ValidationError || err instanceof ReplacementRequired || err instanceof CloudError) {
    return err.message;
  }
  if (err instanceof DeadlineExceeded || err instanceof ConfigurationError) return err.message;
  return `internal error: ${messageOf(err)}`;
}

function settingsOf(deps: LifecycleDeps): Settings {
  if (deps.settings instanceof Error) throw new ConfigurationError(deps.settings.message);
  return deps.settings;
}

function handlerFor(request: RosRequest, settings: Settings, deps: LifecycleDeps): ResourceHandler {
  const resources = deps.resources ?? RESOURCE_HANDLERS;
  const served = resources.map((r) => r.resourceType).join(', ');
  let type = request.ResourceType;
  if (type === CUSTOM_RESOURCE) {
    if (settings.resourceTypeOverride === undefined) {
      throw new ValidationError(
        `ResourceType ${CUSTOM_RESOURCE} names no concrete type: set ROS_SSO_RESOURCE_TYPE on the function (one of ${served})`,
      );
    }
    type = settings.resourceTypeOverride;
  }
  const handler = resources.find((r) => r.resourceType === type);
  if (handler === undefined)
    throw new ValidationError(`unknown ResourceType '${type}'; this function serves ${served}`);
  return handler;
}

function checkAccount(request: RosRequest, settings: Settings): void {
  const allowed = settings.allowedAccounts;
  if (allowed === undefined) return;
  if (request.ResourceOwnerId === undefined || !allowed.includes(request.ResourceOwnerId)) {
    throw new ValidationError(
      `account ${request.ResourceOwnerId ?? '(no ResourceOwnerId)'} is not allowed to use this function (ROS_SSO_ALLOWED_ACCOUNTS)`,
    );
  }
}

function resourceDeps(
  request: RosRequest,
  settings: Settings,
  deps: LifecycleDeps,
  progress: Progress,
): ResourceDeps {
  const credentials = deps.credentials ?? settings.envCredentials;
  if (credentials === undefined) {
    throw new ConfigurationError(
      'no credentials: give the function a role (context.credentials) or set ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET',
    );
  }
  deps.log.addSecrets(credentials.accessKeySecret, credentials.securityToken);
  const common = { credentials, retry: settings.apiRetry, deadline: deps.deadline, log: deps.log };
  const cloudSso: ApiCaller = createApiCaller({
    ...common,
    product: 'CloudSSO',
    version: CLOUDSSO_VERSION,
    endpoint: cloudSsoEndpointFor(settings, request.RegionId),
  });
  const ims = createApiCaller({
    ...common,
    product: 'IMS',
    version: IMS_VERSION,
    endpoint: settings.imsEndpoint,
  });
  return {
    cloudsso: createCloudSsoClient(cloudSso),
    ims: createImsClient(ims),
    accountId: deps.accountId,
    created: (id) => {
      progress.createdId = id;
    },
    log: deps.log,
  };
}

function describeChange(key: string, old: unknown, now: unknown): string {
  return `${key} (${JSON.stringify(old) ?? 'unset'} → ${JSON.stringify(now) ?? 'unset'})`;
}

/** Routes one parsed request to its step; every return is a SUCCESS, every throw a FAILED. */
async function runStep(request: RosRequest, deps: LifecycleDeps, progress: Progress): Promise<StepResult> {
  const settings = settingsOf(deps);
  checkAccount(request, settings);
  const handler = handlerFor(request, settings, deps);
  const physicalId = request.PhysicalResourceId;
  const props = request.ResourceProperties;

  if (request.RequestType === 'Delete') {
    // Nothing was created for a failed Create (or one that never answered): acknowledge, touch nothing.
    if (physicalId === undefined || isFailedCreateMarker(physicalId) || !handler.ownsPhysicalId(physicalId)) {
      deps.log.log({ step: 'delete', outcome: 'skipped', physicalResourceId: physicalId, note: 'not ours' });
      return { physicalResourceId: physicalId ?? failedCreateMarker(request.RequestId) };
    }
    progress.step = 'validate';
    assertValidProperties(handler.schemaId, props, 'ResourceProperties');
    progress.step = 'delete';
    await handler.delete(props, physicalId, resourceDeps(request, settings, deps, progress));
    return { physicalResourceId: physicalId };
  }

  progress.step = 'validate';
  assertValidProperties(handler.schemaId, props, 'ResourceProperties');
  if (request.RequestType === 'Create') {
    progress.step = 'create';
    return handler.create(props, resourceDeps(request, settings, deps, progress));
  }

  const old = request.OldResourceProperties ?? {};
  assertValidProperties(handler.schemaId, old, 'OldResourceProperties');
  const id = physicalId as string;
  if (!handler.ownsPhysicalId(id)) {
    throw new ValidationError(
      `PhysicalResourceId '${id}' was not made by ${handler.resourceType}; it cannot be updated`,
    );
  }
  const changes = changedProperties(parameterFacts(handler.schemaId), props, old);
  if (changes.immutable.length > 0) {
    throw new ReplacementRequired(changes.immutable.map((k) => describeChange(k, old[k], props[k])));
  }
  if (changes.editable.length === 0) {
    deps.log.log({ step: 'update', outcome: 'skipped', note: 'no change' });
    return { physicalResourceId: id, data: handler.describe(props, id, { accountId: deps.accountId }) };
  }
  progress.step = 'update';
  return handler.update(props, old, id, resourceDeps(request, settings, deps, progress));
}

/**
 * One invocation: parse → validate → route → step → answer exactly once (style.md §6). Never throws;
 * the timeout guard and the main path share one memoized answer.
 */
export async function runLifecycle(rawEvent: unknown, deps: LifecycleDeps): Promise<LifecycleResult> {
  const started = Date.now();
  let answer: Answer | undefined;
  let target: AnswerTarget = {};
  const allowLoopbackHttp = deps.allowLoopbackCallback;
  const callbackRetry =
    deps.settings instanceof Error
      ? { baseMs: 250, capMs: 4000, maxAttempts: 5 }
      : deps.settings.callbackRetry;
  const open = (t: AnswerTarget) =>
    createAnswer(t, {
      fcRequestId: deps.fcRequestId,
      deadline: deps.deadline,
      log: deps.log,
      allowLoopbackHttp,
      retry: callbackRetry,
    });
  const fail = (reason: string, physicalResourceId?: string) => {
    answer ??= open(target);
    return answer.failed(reason, physicalResourceId);
  };
  try {
    let event: unknown;
    try {
      event = decodeEvent(rawEvent);
    } catch (err) {
      await fail(reasonFor(err));
      return finish();
    }
    target = answerTargetOf(event);
    const parsed = parseRequest(event);
    if (!parsed.ok) {
      deps.log.log({ step: 'parse', outcome: 'failed', reason: parsed.reason });
      await fail(parsed.reason);
      return finish();
    }
    const request = parsed.request;
    deps.log.bind({
      requestId: request.RequestId,
      stackId: request.StackId,
      logicalResourceId: request.LogicalResourceId,
      resourceType: request.ResourceType,
      requestType: request.RequestType,
    });
    deps.log.log({ step: 'parse', outcome: 'ok', responseUrl: request.ResponseURL });
    answer = open(target);
    const progress: Progress = { step: 'route' };
    const failedId = () => (request.RequestType === 'Create' ? progress.createdId : undefined);
    let onTimeout: () => void = () => {};
    const timedOut = new Promise<'timeout'>((resolve) => {
      onTimeout = () => resolve('timeout');
    });
    const disarm = deps.deadline.guard(() => {
      deps.log.log({ step: 'guard', outcome: 'failed', during: progress.step });
      void fail(
        `timed out during ${progress.step}: the function's time limit is nearly reached (${deps.deadline.remaining()} ms left); ` +
          'the cloud call may still complete, a retry of the stack operation adopts or skips it',
        failedId(),
      );
      onTimeout();
    });
    const work = runStep(request, deps, progress).then(
      (result) => (answer as Answer).success(result.physicalResourceId, result.data),
      (err: unknown) => {
        deps.log.log({
          step: progress.step,
          outcome: 'failed',
          error: messageOf(err),
          stack: (err as Error)?.stack,
        });
        return fail(reasonFor(err), failedId());
      },
    );
    await Promise.race([work, timedOut]);
    disarm();
    return finish();
  } catch (err) {
    // A bug in this function itself: still answer exactly once.
    deps.log.log({
      step: 'lifecycle',
      outcome: 'failed',
      error: messageOf(err),
      stack: (err as Error)?.stack,
    });
    await fail(reasonFor(err));
    return finish();
  }

  async function finish(): Promise<LifecycleResult> {
    const delivery = answer?.settled === undefined ? undefined : await answer.settled;
    const given = answer?.given;
    const result: LifecycleResult = {
      Status: given?.status ?? 'FAILED',
      ...(given?.status === 'FAILED' ? { Reason: given.reason } : {}),
      ...(given?.physicalResourceId === undefined ? {} : { PhysicalResourceId: given.physicalResourceId }),
      delivered: delivery?.delivered ?? false,
    };
    deps.log.log({
      step: 'done',
      outcome: result.delivered ? 'ok' : 'failed',
      status: result.Status,
      ms: Date.now() - started,
      problem: delivery?.problem,
    });
    return result;
  }
}
