import {
  type Credentials,
  credentialsFromEnv as envCredentials,
  type Endpoint,
  missingCredentialVariables,
} from '../sdk/credentials';
import { parseEndpointUrl } from '../sdk/endpoint';
import { UsageError } from './args';
import { DeployError } from './errors';

export type Env = Readonly<Record<string, string | undefined>>;

/** Where the FC 3.0 API is called and as whom; resolved before any call. */
export interface Target {
  region: string;
  endpoint: Endpoint;
  /** Known from --account-id or the environment; optional only with --endpoint. */
  accountId?: string;
  credentials: Credentials;
}

const nonEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** The environment's AccessKey (sdk/credentials.ts); a missing one is a DeployError naming the variables. */
export function credentialsFromEnv(env: Env): Credentials {
  const credentials = envCredentials(env);
  if (credentials === undefined)
    throw new DeployError(
      `no credentials: set ${missingCredentialVariables(env).join(' and ')} (and ALIBABA_CLOUD_SECURITY_TOKEN for an STS token)`,
      'no-credentials',
    );
  return credentials;
}

/**
 * `--endpoint` as a URL (`https://…`, or `http://` for a loopback host such as a test server) or a
 * bare `host[:port]` (https). Without it: the account's regional endpoint, which needs the account ID.
 */
export function resolveEndpoint(
  region: string,
  endpoint: string | undefined,
  accountId: string | undefined,
): Endpoint {
  if (endpoint !== undefined) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint)) {
      try {
        return parseEndpointUrl('--endpoint', endpoint);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    }
    if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(endpoint))
      throw new UsageError(`--endpoint ${endpoint} is neither a URL nor host[:port]`);
    return { host: endpoint, protocol: 'https' };
  }
  if (accountId === undefined)
    throw new UsageError(
      'the FC endpoint needs the account ID: pass --account-id or set ALIBABA_CLOUD_ACCOUNT_ID',
    );
  return { host: `${accountId}.${region}.fc.aliyuncs.com`, protocol: 'https' };
}

export function resolveTarget(
  args: { region: string; endpoint?: string; accountId?: string },
  env: Env,
): Target {
  const fromEnv = nonEmpty(env.ALIBABA_CLOUD_ACCOUNT_ID);
  if (args.accountId === undefined && fromEnv !== undefined && !/^\d{1,32}$/.test(fromEnv))
    throw new UsageError(`ALIBABA_CLOUD_ACCOUNT_ID ${fromEnv} is not an account ID (digits only)`);
  const accountId = args.accountId ?? fromEnv;
  const endpoint = resolveEndpoint(args.region, args.endpoint, accountId);
  return {
    region: args.region,
    endpoint,
    ...(accountId === undefined ? {} : { accountId }),
    credentials: credentialsFromEnv(env),
  };
}

/** The ServiceToken FC would report, for when a response lacks `functionArn`. */
export function functionArnFor(target: Target, functionName: string): string | undefined {
  return target.accountId === undefined
    ? undefined
    : `acs:fc:${target.region}:${target.accountId}:functions/${functionName}`;
}
