import { sdkConfigFields } from '../sdk/credentials';
import { type RetryPolicy, withRetries } from '../sdk/retry';
import { FcError, toFcError } from './errors';
import type { Target } from './target';

/** What `ros-sso deploy` sets on the function; unset fields are left as FC has them. */
export interface FunctionConfig {
  functionName: string;
  runtime: string;
  handler: string;
  description?: string;
  role?: string;
  memorySize?: number;
  cpu?: number;
  timeout?: number;
  logConfig?: { project: string; logstore: string };
}

/** The fields of FC's `Function` this command reads. */
export interface FunctionInfo {
  functionName?: string;
  functionArn?: string;
  runtime?: string;
  handler?: string;
  role?: string;
  memorySize?: number;
  cpu?: number;
  timeout?: number;
  codeSize?: number;
  /** CRC-64 of the code package, as FC computes it. */
  codeChecksum?: string;
  logConfig?: { project?: string; logstore?: string };
  state?: string;
  stateReason?: string;
  lastUpdateStatus?: string;
  lastUpdateStatusReason?: string;
}

/** The three FC 3.0 calls a deployment needs; each retried, each failure an FcError. */
export interface FcApi {
  getFunction(functionName: string): Promise<FunctionInfo>;
  createFunction(config: FunctionConfig, zip: Buffer): Promise<FunctionInfo>;
  updateFunction(config: FunctionConfig, zip: Buffer): Promise<FunctionInfo>;
}

export interface FcClientOptions {
  target: Target;
  retry: RetryPolicy;
  onRetry?: (err: FcError, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

type FcModule = typeof import('@alicloud/fc20230330');
type CoreModule = typeof import('@alicloud/openapi-core');
type DaraModule = typeof import('@darabonba/typescript');

/** Loaded on first use, so usage errors and missing credentials answer without loading the SDK. */
function loadSdk(): { fc: FcModule; core: CoreModule; dara: DaraModule } {
  return {
    fc: require('@alicloud/fc20230330') as FcModule,
    core: require('@alicloud/openapi-core') as CoreModule,
    dara: require('@darabonba/typescript') as DaraModule,
  };
}

function infoOf(body: unknown): FunctionInfo {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof b[key] === 'string' ? b[key] : undefined);
  const num = (key: string) => (typeof b[key] === 'number' ? b[key] : undefined);
  const log = (typeof b.logConfig === 'object' && b.logConfig !== null ? b.logConfig : undefined) as
    { project?: string; logstore?: string } | undefined;
  const info: FunctionInfo = {
    functionName: text('functionName'),
    functionArn: text('functionArn'),
    runtime: text('runtime'),
    handler: text('handler'),
    role: text('role'),
    memorySize: num('memorySize'),
    cpu: num('cpu'),
    timeout: num('timeout'),
    codeSize: num('codeSize'),
    codeChecksum: text('codeChecksum'),
    logConfig: log === undefined ? undefined : { project: log.project, logstore: log.logstore },
    state: text('state'),
    stateReason: text('stateReason'),
    lastUpdateStatus: text('lastUpdateStatus'),
    lastUpdateStatusReason: text('lastUpdateStatusReason'),
  };
  return Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined));
}

/** FC 3.0 through the official client (`@alicloud/fc20230330`, ROA paths `/2023-03-30/functions…`). */
export function createFcApi(options: FcClientOptions): FcApi {
  const { target } = options;
  let sdk: ReturnType<typeof loadSdk> | undefined;
  let client: InstanceType<FcModule['default']> | undefined;
  const connect = () => {
    sdk ??= loadSdk();
    client ??= new sdk.fc.default(
      new sdk.core.$OpenApiUtil.Config(
        sdkConfigFields({
          credentials: target.credentials,
          endpoint: target.endpoint,
          regionId: target.region,
        }),
      ),
    );
    // An upload of a few MB over a slow link must not hit the SDK's short default read timeout.
    const runtime = new sdk.dara.RuntimeOptions({ connectTimeout: 10_000, readTimeout: 120_000 });
    return { sdk, client, runtime };
  };

  const call = async (action: string, send: () => Promise<{ body?: unknown }>): Promise<FunctionInfo> => {
    let attempts = 0;
    try {
      const response = await withRetries(
        async () => {
          attempts++;
          try {
            return await send();
          } catch (err) {
            throw toFcError(err, action);
          }
        },
        options.retry,
        {
          isRetryable: (err) => err instanceof FcError && err.retryable,
          timeLeft: () => Number.POSITIVE_INFINITY,
          onRetry: (err, attempt, delayMs) => options.onRetry?.(err as FcError, attempt, delayMs),
          ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
        },
      );
      return infoOf(response.body);
    } catch (err) {
      if (err instanceof FcError) err.attempts = attempts;
      throw err;
    }
  };

  const input = (config: FunctionConfig, zip: Buffer) => {
    const { sdk } = connect();
    return {
      ...config,
      code: new sdk.fc.InputCodeLocation({ zipFile: zip.toString('base64') }),
      ...(config.logConfig === undefined ? {} : { logConfig: new sdk.fc.LogConfig(config.logConfig) }),
    };
  };

  return {
    getFunction: (functionName) =>
      call('GetFunction', () => {
        const { sdk, client, runtime } = connect();
        return client.getFunctionWithOptions(functionName, new sdk.fc.GetFunctionRequest({}), {}, runtime);
      }),
    createFunction: (config, zip) =>
      call('CreateFunction', () => {
        const { sdk, client, runtime } = connect();
        const body = new sdk.fc.CreateFunctionInput(input(config, zip));
        return client.createFunctionWithOptions(new sdk.fc.CreateFunctionRequest({ body }), {}, runtime);
      }),
    updateFunction: (config, zip) =>
      call('UpdateFunction', () => {
        const { sdk, client, runtime } = connect();
        const { functionName, ...rest } = input(config, zip);
        const body = new sdk.fc.UpdateFunctionInput(rest);
        return client.updateFunctionWithOptions(
          functionName,
          new sdk.fc.UpdateFunctionRequest({ body }),
          {},
          runtime,
        );
      }),
  };
}
