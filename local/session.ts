import { appendFileSync } from 'node:fs';
import { createApiCaller } from '../handlers/clients/call-api';
import { CLOUDSSO_VERSION, createCloudSsoClient } from '../handlers/clients/cloudsso';
import { createDeadline } from '../handlers/deadline';
import { createHandler } from '../handlers/index';
import { createLogger } from '../handlers/log';
import { DEFAULT_RETRY } from '../sdk/retry';
import { type CallbackServer, startCallbackServer } from './callback-server';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from './emulator';
import { createCustomResourceProvisioner } from './provisioners/custom-resource';
import { createNativeUserProvisionProvisioner } from './provisioners/native-user-provision';
import type { Provisioner } from './provisioners/provisioner';
import type { EventSink } from './stack-events';
import type { RunnerDeps } from './stack-runner';

export const LOCAL_REGION = 'cn-shanghai';

export interface SessionOptions extends EmulatorOptions {
  /** Where the handler's JSON log lines go (a file in the workspace); dropped when absent. */
  handlerLog?: string;
  callbackFailures?: number;
  emit: EventSink;
}

export interface LocalSession {
  emulator: RunningEmulator;
  callbacks: CallbackServer;
  deps: RunnerDeps;
  close(): Promise<void>;
}

/**
 * Everything a local stack operation needs: the emulator, a ResponseURL server, the real handler
 * pointed at the emulator, and a provisioner per supported type.
 */
export async function openSession(options: SessionOptions): Promise<LocalSession> {
  const emulator = await startEmulator(options);
  const callbacks = await startCallbackServer();
  const sink = options.handlerLog
    ? (line: string) => appendFileSync(options.handlerLog as string, `${line}\n`)
    : () => {};
  const env = {
    ROS_SSO_CLOUDSSO_ENDPOINT: emulator.endpoint,
    ROS_SSO_IMS_ENDPOINT: emulator.endpoint,
    ROS_SSO_ALLOW_LOOPBACK_CALLBACK: '1',
  };
  const credentials = { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret };
  const handler = createHandler(env, { sink });
  const custom = createCustomResourceProvisioner({
    handler,
    callbacks,
    credentials,
    callbackFailures: options.callbackFailures,
  });
  const native = createNativeUserProvisionProvisioner(() =>
    createCloudSsoClient(
      createApiCaller({
        product: 'CloudSSO',
        version: CLOUDSSO_VERSION,
        endpoint: { host: emulator.host, protocol: 'http' },
        credentials,
        retry: DEFAULT_RETRY,
        deadline: createDeadline({ endsAt: Date.now() + 60_000 }),
        log: createLogger(sink, { fcRequestId: 'local-runner' }),
      }),
    ),
  );
  const provisionerFor = (type: string): Provisioner | undefined => {
    if (type === 'ALIYUN::CloudSSO::UserProvision') return native;
    if (type.startsWith('Custom::') || type === 'ALIYUN::ROS::CustomResource') return custom;
    return undefined;
  };
  return {
    emulator,
    callbacks,
    deps: { provisionerFor, emit: options.emit, region: LOCAL_REGION, accountId: emulator.accountId },
    async close() {
      await callbacks.close();
      await emulator.close();
    },
  };
}
