import { type Credentials, credentialsFromEnv, type Endpoint } from '../sdk/credentials';
import { parseEndpointUrl } from '../sdk/endpoint';
import { DEFAULT_RETRY, type RetryPolicy } from '../sdk/retry';

/** Where CloudSSO answers (cloud-apis.md §7); other regions use ROS_SSO_CLOUDSSO_REGION. */
export const CLOUDSSO_REGIONS: readonly string[] = [
  'cn-shanghai',
  'cn-hongkong',
  'ap-northeast-2',
  'ap-southeast-1',
  'us-west-1',
  'eu-central-1',
];

/** Everything the function reads from its environment, parsed once per invocation by the entry. */
export interface Settings {
  /** For `ALIYUN::ROS::CustomResource`, whose request names no concrete type (§1.1). */
  resourceTypeOverride?: string;
  allowedAccounts?: readonly string[];
  cloudSsoRegion: string;
  cloudSsoEndpoint?: Endpoint;
  imsEndpoint: Endpoint;
  envCredentials?: Credentials;
  apiRetry: RetryPolicy;
  callbackRetry: RetryPolicy;
  /**
   * How long ROS waits for an answer when the event does not say (ROS_SSO_RESOURCE_TIMEOUT, seconds):
   * set it to the shortest `Timeout` of the resources this function serves.
   */
  resourceTimeoutS?: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Callback backoff: 250 ms doubling to 4 s, at most 5 tries (then the other URL). */
export const CALLBACK_RETRY: RetryPolicy = { baseMs: 250, capMs: 4000, maxAttempts: 5 };

/** Plain-http callbacks to loopback (tests, local runs); parsed on its own so config errors can be answered. */
export function allowsLoopbackCallback(env: Env): boolean {
  return env.ROS_SSO_ALLOW_LOOPBACK_CALLBACK === '1';
}

const nonEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** Parses the function's environment; throws an Error naming the bad variable. */
export function settingsFromEnv(env: Env): Settings {
  const accounts = nonEmpty(env.ROS_SSO_ALLOWED_ACCOUNTS)
    ?.split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const cloudSso = nonEmpty(env.ROS_SSO_CLOUDSSO_ENDPOINT);
  const ims = nonEmpty(env.ROS_SSO_IMS_ENDPOINT);
  const region = nonEmpty(env.ROS_SSO_CLOUDSSO_REGION) ?? 'cn-shanghai';
  if (!CLOUDSSO_REGIONS.includes(region)) {
    throw new Error(
      `ROS_SSO_CLOUDSSO_REGION '${region}' is not a CloudSSO region (${CLOUDSSO_REGIONS.join(', ')})`,
    );
  }
  const wait = nonEmpty(env.ROS_SSO_RESOURCE_TIMEOUT);
  if (wait !== undefined && !(/^\d+$/.test(wait) && Number(wait) >= 1 && Number(wait) <= 43200)) {
    throw new Error(
      `ROS_SSO_RESOURCE_TIMEOUT '${wait}' must be whole seconds from 1 to 43200 (a resource Timeout)`,
    );
  }
  return {
    resourceTypeOverride: nonEmpty(env.ROS_SSO_RESOURCE_TYPE),
    allowedAccounts: accounts,
    cloudSsoRegion: region,
    cloudSsoEndpoint:
      cloudSso === undefined ? undefined : parseEndpointUrl('ROS_SSO_CLOUDSSO_ENDPOINT', cloudSso),
    imsEndpoint:
      ims === undefined
        ? { host: 'ims.aliyuncs.com', protocol: 'https' }
        : parseEndpointUrl('ROS_SSO_IMS_ENDPOINT', ims),
    envCredentials: credentialsFromEnv(env),
    apiRetry: DEFAULT_RETRY,
    callbackRetry: CALLBACK_RETRY,
    ...(wait === undefined ? {} : { resourceTimeoutS: Number(wait) }),
  };
}

/** CloudSSO in the stack's region when the service runs there, else the configured region. */
export function cloudSsoEndpointFor(settings: Settings, regionId: string | undefined): Endpoint {
  if (settings.cloudSsoEndpoint !== undefined) return settings.cloudSsoEndpoint;
  const region =
    regionId !== undefined && CLOUDSSO_REGIONS.includes(regionId) ? regionId : settings.cloudSsoRegion;
  return { host: `cloudsso.${region}.aliyuncs.com`, protocol: 'https' };
}
