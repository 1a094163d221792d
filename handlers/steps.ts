import type { Credentials } from '../sdk/credentials';
import { createApiCaller } from './clients/call-api';
import { CLOUDSSO_VERSION, createCloudSsoClient } from './clients/cloudsso';
import { createImsClient, IMS_VERSION } from './clients/ims';
import { cloudSsoEndpointFor, type Settings } from './config';
import type { Deadline } from './deadline';
import { ConfigurationError, ReplacementRequired, ValidationError } from './errors';
import type { Properties, RosRequest } from './event';
import type { Logger } from './log';
import {
  formatPhysicalId,
  isOwnedBy,
  type Ownership,
  ownershipAttribute,
  type ParsedPhysicalId,
  parsePhysicalId,
} from './ownership';
import { assertValidProperties, changedProperties, parameterFacts } from './properties';
import { cloudSsoUserProvision } from './resources/cloudsso-user-provision';
import { ramOidcClientId } from './resources/ram-oidc-client-id';
import type { ResourceDeps, ResourceHandler } from './resources/resource-handler';
import { failedCreateMarker, isFailedCreateMarker } from './respond';

const CUSTOM_RESOURCE = 'ALIYUN::ROS::CustomResource';
const TAKE_OWNERSHIP = 'TakeOwnershipOfExisting';

/** The resource types this function serves. */
export const RESOURCE_HANDLERS: readonly ResourceHandler[] = [cloudSsoUserProvision, ramOidcClientId];

/** What a step needs; nothing here reads `process`. */
export interface StepDeps {
  fcRequestId: string;
  deadline: Deadline;
  log: Logger;
  /** The parsed environment, or the error parsing it raised (answered as FAILED, not thrown). */
  settings: Settings | Error;
  /** FC `context.credentials` (STS); the environment's keys are the fallback. */
  credentials?: Credentials;
  accountId?: string;
  resources?: readonly ResourceHandler[];
}

export interface StepResult {
  physicalResourceId: string;
  data?: Record<string, unknown>;
}

/** What the lifecycle learns while a step runs: for the FAILED answer and for undoing a Create. */
export interface Progress {
  step: string;
  /** Create only: the PhysicalResourceId of what this invocation created, once it did. */
  createdId?: string;
  /** Create only: deletes what this invocation created (set with `createdId`). */
  undo?: (deadline: Deadline) => Promise<void>;
}

function settingsOf(deps: StepDeps): Settings {
  if (deps.settings instanceof Error) throw new ConfigurationError(deps.settings.message);
  return deps.settings;
}

function handlerFor(request: RosRequest, settings: Settings, deps: StepDeps): ResourceHandler {
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
  deps: StepDeps,
  deadline: Deadline,
  created: (resourceId: string) => void = () => {},
): ResourceDeps {
  const credentials = deps.credentials ?? settings.envCredentials;
  if (credentials === undefined) {
    throw new ConfigurationError(
      'no credentials: give the function a role (context.credentials) or set ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET',
    );
  }
  deps.log.addSecrets(credentials.accessKeySecret, credentials.securityToken);
  const common = { credentials, retry: settings.apiRetry, deadline, log: deps.log };
  const cloudSso = createApiCaller({
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
    created,
    log: deps.log,
  };
}

function describeChange(key: string, old: unknown, now: unknown): string {
  return `${key} (${JSON.stringify(old) ?? 'unset'} → ${JSON.stringify(now) ?? 'unset'})`;
}

const takesOwnership = (props: Properties) => props[TAKE_OWNERSHIP] === true;

function withOwnership(
  data: Record<string, unknown>,
  parsed: ParsedPhysicalId,
  request: RosRequest,
  props: Properties,
) {
  return { ...data, Ownership: ownershipAttribute(parsed, request.StackId, takesOwnership(props)) };
}

async function createStep({ request, handler, settings, deps, progress }: Routed): Promise<StepResult> {
  const props = request.ResourceProperties;
  const takeOwnership = takesOwnership(props);
  progress.step = 'create';
  const resources = resourceDeps(request, settings, deps, deps.deadline, (resourceId) => {
    progress.createdId = formatPhysicalId('created', request.StackId, resourceId);
    progress.undo = (deadline) =>
      handler.delete(props, resourceId, resourceDeps(request, settings, deps, deadline.forCleanup()));
  });
  const result = await handler.create(props, resources, takeOwnership);
  const ownership: Ownership = !result.existed ? 'created' : takeOwnership ? 'taken-over' : 'adopted';
  const physicalResourceId = formatPhysicalId(ownership, request.StackId, result.resourceId);
  const parsed = parsePhysicalId(physicalResourceId, () => true) as ParsedPhysicalId;
  return { physicalResourceId, data: withOwnership(result.data, parsed, request, props) };
}

async function deleteStep({ request, handler, settings, deps, progress }: Routed): Promise<StepResult> {
  const id = request.PhysicalResourceId;
  const parsed =
    id === undefined || isFailedCreateMarker(id) ? undefined : parsePhysicalId(id, handler.isResourceId);
  // Nothing was created for a failed Create (or one that never answered): acknowledge, touch nothing.
  if (id === undefined || parsed === undefined) {
    deps.log.log({ step: 'delete', outcome: 'skipped', physicalResourceId: id, note: 'not ours' });
    return { physicalResourceId: id ?? failedCreateMarker(request.RequestId) };
  }
  const props = request.ResourceProperties;
  progress.step = 'validate';
  assertValidProperties(handler.schemaId, props, 'ResourceProperties');
  if (!isOwnedBy(parsed, request.StackId, takesOwnership(props))) {
    // Used, never owned: released, as found. Legacy IDs land here too (the safe direction).
    deps.log.log({
      step: 'delete',
      outcome: 'skipped',
      resourceId: parsed.resourceId,
      ownership: parsed.ownership,
      note: `released, not deleted: not created by this stack (set ${TAKE_OWNERSHIP}: true to delete it)`,
    });
    return { physicalResourceId: id };
  }
  progress.step = 'delete';
  await handler.delete(props, parsed.resourceId, resourceDeps(request, settings, deps, deps.deadline));
  return { physicalResourceId: id };
}

async function updateStep({ request, handler, settings, deps, progress }: Routed): Promise<StepResult> {
  const props = request.ResourceProperties;
  const old = request.OldResourceProperties ?? {};
  assertValidProperties(handler.schemaId, old, 'OldResourceProperties');
  const id = request.PhysicalResourceId as string;
  const parsed = parsePhysicalId(id, handler.isResourceId);
  if (parsed === undefined) {
    throw new ValidationError(
      `PhysicalResourceId '${id}' was not made by ${handler.resourceType}; it cannot be updated`,
    );
  }
  const changes = changedProperties(parameterFacts(handler.schemaId), props, old);
  // Owned under the new properties, or under the old ones: the rollback of an Update that took the
  // resource over may put back what that Update changed.
  const owned = isOwnedBy(parsed, request.StackId, takesOwnership(props) || takesOwnership(old));
  let immutable = changes.immutable;
  let notOurs = owned ? [] : changes.editable.filter((k) => k !== TAKE_OWNERSHIP);
  const resources = resourceDeps(request, settings, deps, deps.deadline);
  if (immutable.length + notOurs.length > 0) {
    // Only what the resource itself does not have is a change (see ResourceHandler.differences).
    progress.step = 'read';
    const differing = await handler.differences(
      props,
      [...immutable, ...notOurs],
      parsed.resourceId,
      resources,
    );
    if (differing !== undefined) {
      immutable = immutable.filter((k) => differing.includes(k));
      notOurs = notOurs.filter((k) => differing.includes(k));
    }
  }
  if (immutable.length > 0) {
    throw new ReplacementRequired(immutable.map((k) => describeChange(k, old[k], props[k])));
  }
  if (notOurs.length > 0) {
    const how =
      parsed.ownership === 'legacy' ? 'its ID predates ownership records' : `it is ${parsed.ownership}`;
    throw new ValidationError(
      `${parsed.resourceId} was not created by this stack (${how}), so the stack does not change it: ` +
        `${notOurs.map((k) => describeChange(k, old[k], props[k])).join(', ')}. ` +
        `Revert the change, or set ${TAKE_OWNERSHIP}: true to hand it to this stack for good (the stack then also deletes it)`,
    );
  }
  progress.step = 'update';
  const data = await handler.update(
    props,
    old,
    parsed.resourceId,
    resources,
    // A takeover by Update (the flag just set) aligns the settings like one at Create.
    owned && changes.editable.length > 0,
  );
  return { physicalResourceId: id, data: withOwnership(data, parsed, request, props) };
}

/** A request with everything its step needs. */
interface Routed {
  request: RosRequest;
  handler: ResourceHandler;
  settings: Settings;
  deps: StepDeps;
  progress: Progress;
}

/** Routes one parsed request to its step; every return is a SUCCESS, every throw a FAILED. */
export async function runStep(request: RosRequest, deps: StepDeps, progress: Progress): Promise<StepResult> {
  const settings = settingsOf(deps);
  checkAccount(request, settings);
  const routed: Routed = { request, handler: handlerFor(request, settings, deps), settings, deps, progress };
  if (request.RequestType === 'Delete') return deleteStep(routed);
  progress.step = 'validate';
  assertValidProperties(routed.handler.schemaId, request.ResourceProperties, 'ResourceProperties');
  if (request.RequestType === 'Create') return createStep(routed);
  return updateStep(routed);
}
