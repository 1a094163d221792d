import { parseCommandLine, UsageError } from '../../cli/args';
import type { Endpoint } from '../../sdk/credentials';
import { parseHostOrUrl } from '../../sdk/endpoint';
import { compileTypePattern } from './type-pattern';

export const SCHEMAS_UPDATE_USAGE = `Usage: ros-sso schemas update [options]

Fetches ROS resource type definitions from the live API (ListResourceTypes, then GetResourceType per
type) into the cache that the linter prefers, per type, over its bundled definitions. An interrupted
run resumes where it stopped. Exit code 0: every selected type fetched or current, 1: a type failed
or the run stopped (what succeeded is kept), 2: usage error.

Options:
      --types <pattern>  only these types: comma-separated globs (ALIYUN::FC3::*) or /regex/ (RE2, linear time)
      --region <id>      region of the ROS API (default: $ALIBABA_CLOUD_REGION_ID or cn-hangzhou)
      --endpoint <url>   ROS endpoint (default: the client's endpoint for the region, ros.aliyuncs.com)
      --force            refetch the types an unfinished earlier run already fetched
  -h, --help             show this help

Environment:
  ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET   required (ros:ListResourceTypes, ros:GetResourceType)
  ALIBABA_CLOUD_SECURITY_TOKEN                                    for an STS key
  ROS_SSO_SCHEMA_CACHE   cache directory (default: $XDG_CACHE_HOME/ros-sso/resource-types, ~/.cache/…)
`;

export interface SchemasUpdateArgs {
  /** The --types text as given, for messages. */
  types?: string;
  matches: (type: string) => boolean;
  region: string;
  endpoint?: Endpoint;
  force: boolean;
}

const REGION = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * argv (after `schemas update`) → options. Throws a UsageError with a one-line message for a
 * usage mistake; the caller prints it and exits 2.
 */
export function parseSchemasUpdateArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): SchemasUpdateArgs | 'help' {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      types: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { command: 'schemas update' },
  );
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const region = values.region ?? (env.ALIBABA_CLOUD_REGION_ID || 'cn-hangzhou');
  if (!REGION.test(region))
    throw new UsageError(`--region: ${JSON.stringify(region)} is not a region ID (e.g. cn-hangzhou)`);
  let endpoint: Endpoint | undefined;
  if (values.endpoint !== undefined) {
    endpoint = parseHostOrUrl(values.endpoint);
    if (endpoint === undefined)
      throw new UsageError(
        `--endpoint: ${JSON.stringify(values.endpoint)} is not host[:port] or http(s)://host[:port]`,
      );
  }
  const types = values.types;
  return {
    ...(types === undefined ? {} : { types }),
    matches: types === undefined ? () => true : compileTypePattern(types),
    region,
    ...(endpoint === undefined ? {} : { endpoint }),
    force: values.force ?? false,
  };
}
