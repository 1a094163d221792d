import { randomUUID } from 'node:crypto';
import type { FcContext, FcHandler } from '../../handlers/index';
import type { CallbackServer, ProviderAnswer } from '../callback-server';
import { type Applied, type ApplyRequest, type Provisioner, ResourceFailure } from './provisioner';

export interface CustomResourceOptions {
  handler: FcHandler;
  callbacks: CallbackServer;
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
  /** Callback requests answered 500 before one is accepted (fault injection). */
  callbackFailures?: number;
}

type RequestType = 'Create' | 'Update' | 'Delete';

/** ROS's wait when the template sets no Timeout (ros-protocol.md §1.2). */
const DEFAULT_TIMEOUT_S = 60;
/** The function's own timeout, as templates/provider.yaml deploys it (FunctionTimeout default). */
export const LOCAL_FUNCTION_TIMEOUT_S = 900;

function timeoutOf(properties: Record<string, unknown>): number {
  const t = Number(properties.Timeout);
  return Number.isFinite(t) && t > 0 ? Math.min(t, 43200) : DEFAULT_TIMEOUT_S;
}

/**
 * Applies custom resources the way ROS and FC do: the request as a Buffer event (the documented
 * fields only: no Timeout), an FC context with credentials and the function's own timeout, a
 * presigned-style ResponseURL, and the resource's `Timeout` as the time ROS waits for exactly one
 * answer. When it passes, ROS gives up but the invocation is not stopped: it runs on, its late
 * answer is refused, and `settle` waits for it so that what it did is part of the result.
 */
export function createCustomResourceProvisioner(options: CustomResourceOptions): Provisioner {
  const inFlight = new Set<Promise<unknown>>();
  const invoke = async (requestType: RequestType, request: ApplyRequest): Promise<Applied> => {
    const { url, requestId, answer } = options.callbacks.expect({ failFirst: options.callbackFailures ?? 0 });
    const parameters = (request.properties.Parameters ?? {}) as Record<string, unknown>;
    const event: Record<string, unknown> = {
      RequestType: requestType,
      RequestId: requestId,
      ResponseURL: url,
      IntranetResponseURL: url,
      StackId: request.stack.id,
      StackName: request.stack.name,
      ResourceOwnerId: request.stack.accountId,
      CallerId: request.stack.accountId,
      RegionId: request.stack.region,
      ResourceType: request.type,
      LogicalResourceId: request.logicalId,
      ResourceProperties: parameters,
    };
    // A Delete after a Create that never answered has no physical ID (ros-protocol.md §1.8).
    if (requestType !== 'Create' && request.physicalId) event.PhysicalResourceId = request.physicalId;
    if (requestType === 'Update') event.OldResourceProperties = request.oldProperties?.Parameters ?? {};
    const timeout = timeoutOf(request.properties);
    const context: FcContext = {
      requestId: randomUUID(),
      credentials: options.credentials,
      function: { name: 'ros-sso', handler: 'index.handler', memory: 512, timeout: LOCAL_FUNCTION_TIMEOUT_S },
      region: request.stack.region,
      accountId: request.stack.accountId,
    };
    // FC's return value is not the resource result; only the callback counts (ros-protocol.md §4.5).
    const running = options.handler(Buffer.from(JSON.stringify(event)), context).catch(() => undefined);
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running));
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeout * 1000);
    });
    const result: ProviderAnswer | undefined = await Promise.race([answer, expired]);
    clearTimeout(timer);
    if (!result) {
      options.callbacks.expire(requestId);
      throw new ResourceFailure(`the provider did not answer within the resource Timeout (${timeout} s)`);
    }
    if (result.Status === 'FAILED')
      throw new ResourceFailure(result.Reason ?? 'FAILED without a Reason', result.PhysicalResourceId);
    if (result.Status !== 'SUCCESS')
      throw new ResourceFailure(`the provider answered Status ${JSON.stringify(result.Status)}`);
    const physicalId = result.PhysicalResourceId ?? '';
    if (physicalId === '' || Buffer.byteLength(physicalId) > 255)
      throw new ResourceFailure('the provider answered SUCCESS without a valid PhysicalResourceId');
    if (requestType !== 'Create' && request.physicalId && physicalId !== request.physicalId) {
      throw new ResourceFailure(
        `the provider changed the PhysicalResourceId from ${request.physicalId} to ${physicalId}; ROS does not allow that`,
      );
    }
    return { physicalId, attributes: result.Data ?? {} };
  };
  return {
    create: (request) => invoke('Create', request),
    update: (request) => invoke('Update', request),
    delete: async (request) => {
      await invoke('Delete', request);
    },
    async settle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
