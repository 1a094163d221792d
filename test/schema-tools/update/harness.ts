import { join } from 'node:path';
import { runSchemasUpdate } from '../../../schema-tools/update/cli';
import { CREDENTIAL, type FakeRos } from './fake-ros';
import { tempDir } from '../../support/temp';

export interface RunResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** A fresh, empty cache directory. */
export function tempCache(): string {
  return join(tempDir('ros-sso-schemas-'), 'cache');
}

/** The environment a user would have: a key, the cache, and backoff waits of a few ms. */
export function envFor(
  cache: string,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    ALIBABA_CLOUD_ACCESS_KEY_ID: CREDENTIAL.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: CREDENTIAL.accessKeySecret,
    ROS_SSO_SCHEMA_CACHE: cache,
    ROS_SSO_SCHEMAS_BACKOFF_MS: '2',
    ...extra,
  };
}

/** Runs `ros-sso schemas update <args> --endpoint <fake>` in-process and captures its output. */
export async function update(
  fake: FakeRos,
  cache: string,
  args: readonly string[] = [],
  options: { env?: Record<string, string | undefined>; isTTY?: boolean } = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runSchemasUpdate([...args, '--endpoint', fake.endpoint], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: process.cwd(),
    env: options.env ?? envFor(cache),
    isTTY: options.isTTY ?? false,
  });
  return { code, stdout, stderr };
}
