import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // A developer's own `ros-sso schemas update` cache must not change what the tests see.
    env: { ROS_SSO_SCHEMA_CACHE: join(tmpdir(), 'ros-sso-tests-no-schema-cache') },
  },
});
