/** An AccessKey (with an STS token for a temporary one); never logged or printed. */
export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** An SDK endpoint: host[:port] plus protocol, as openapi-core's Config takes them. */
export interface Endpoint {
  host: string;
  protocol: 'https' | 'http';
}

type Env = Readonly<Record<string, string | undefined>>;

const nonEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/**
 * The environment's AccessKey under the SDK's own variable names, or undefined when the ID or the
 * secret is missing. No credential chain: a missing key is a clear error at the caller, never a
 * silent fallback to another identity.
 */
export function credentialsFromEnv(env: Env): Credentials | undefined {
  const accessKeyId = nonEmpty(env.ALIBABA_CLOUD_ACCESS_KEY_ID);
  const accessKeySecret = nonEmpty(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
  if (accessKeyId === undefined || accessKeySecret === undefined) return undefined;
  const securityToken = nonEmpty(env.ALIBABA_CLOUD_SECURITY_TOKEN);
  return { accessKeyId, accessKeySecret, ...(securityToken === undefined ? {} : { securityToken }) };
}

/** The names of the required variables that are unset or blank, for the caller's message. */
export function missingCredentialVariables(env: Env): string[] {
  return ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'].filter(
    (name) => nonEmpty(env[name]) === undefined,
  );
}

/**
 * The fields of openapi-core's `$OpenApiUtil.Config` for these credentials and endpoint (the
 * caller loads the SDK its own way: bundled, or required from node_modules on first use).
 */
export function sdkConfigFields(options: {
  credentials: Credentials;
  endpoint?: Endpoint;
  regionId?: string;
}): Record<string, string> {
  const { credentials, endpoint, regionId } = options;
  return {
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    ...(credentials.securityToken ? { securityToken: credentials.securityToken } : {}),
    ...(endpoint === undefined ? {} : { endpoint: endpoint.host, protocol: endpoint.protocol }),
    ...(regionId === undefined ? {} : { regionId }),
  };
}
