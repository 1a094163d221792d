import type { ExitCode, Io } from '../../cli/io';
import { cacheDir } from '../../schemas/type-cache';
import { parseSchemasUpdateArgs, SCHEMAS_UPDATE_USAGE } from './args';
import { backoffPolicy, type Clock } from './backoff';
import { credentialsFromEnv } from '../../sdk/credentials';
import { createRosClient, type RosTypesClient } from './client';
import { createProgress } from './progress';
import { type UpdateResult, updateSchemas } from './update';

/** Small enough to stay polite to the API's flow control, large enough to hide latency. */
const CONCURRENCY = 3;

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * `ros-sso schemas update`: refreshes the resource type cache from the ROS API. Returns 0 when
 * every selected type is current, 1 when a type failed or the run could not finish, 2 on a usage
 * error. Never exits the process.
 */
export async function runSchemasUpdate(argv: readonly string[], io: Io): Promise<ExitCode> {
  let args: ReturnType<typeof parseSchemasUpdateArgs>;
  try {
    args = parseSchemasUpdateArgs(argv, io.env);
  } catch (err) {
    io.stderr(`ros-sso: schemas update: ${(err as Error).message} (see ros-sso schemas update --help)\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(SCHEMAS_UPDATE_USAGE);
    return 0;
  }
  const credentials = credentialsFromEnv(io.env);
  if (credentials === undefined) {
    io.stderr(
      'ros-sso: schemas update needs an access key: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for an STS key)\n',
    );
    return 1;
  }

  const dir = cacheDir(io.env);
  let client: RosTypesClient;
  try {
    client = createRosClient({
      credentials,
      region: args.region,
      ...(args.endpoint === undefined ? {} : { endpoint: args.endpoint }),
    });
  } catch (err) {
    // The SDK is required from node_modules at this point (see client.ts), so an install may lack it.
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    io.stderr(`ros-sso: cannot load the ROS client @alicloud/ros20190910 (${why}); run npm ci\n`);
    return 1;
  }
  const progress = createProgress({
    write: (t) => io.stderr(t),
    isTTY: io.isTTY ?? false,
    now: realClock.now,
  });
  const result = await updateSchemas(
    {
      dir,
      region: args.region,
      matches: args.matches,
      force: args.force,
      concurrency: CONCURRENCY,
      policy: backoffPolicy(io.env),
    },
    { client, clock: realClock, progress },
  );
  if (result.stopped !== undefined) io.stderr(`ros-sso: ${result.stopped}\n`);
  if (result.selected > 0) io.stdout(renderSummary(result, dir));
  return result.stopped === undefined && result.failed.length === 0 ? 0 : 1;
}

/** Counts, then one line per failed type, then where the cache is and whether the run completed. */
export function renderSummary(result: UpdateResult, dir: string): string {
  const counts = [`${result.fetched} fetched`];
  if (result.skipped > 0)
    counts.push(
      `${result.skipped} skipped (fetched by the unfinished run started ${result.resumed}; --force refetches them)`,
    );
  counts.push(`${result.failed.length} failed`);
  if (result.notAttempted > 0) counts.push(`${result.notAttempted} not attempted`);
  const of =
    result.selected === result.listed
      ? `${result.listed} types`
      : `${result.selected} of ${result.listed} types`;
  const lines = [`schemas update: ${of}: ${counts.join(', ')}`];
  for (const { type, reason } of result.failed) lines.push(`  failed ${type}: ${reason}`);
  const state = result.completed
    ? 'run complete'
    : result.failed.length > 0 || result.notAttempted > 0
      ? 'run unfinished: run the command again to resume'
      : 'run unfinished: only some types were selected';
  lines.push(`cache: ${dir} (${state})`);
  return `${lines.join('\n')}\n`;
}
