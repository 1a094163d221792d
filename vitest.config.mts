import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ first: several tests run the CLI and the function package as the user gets them.
    globalSetup: ['test/global-setup.ts'],
    // Removes the temp directories test helpers make (test/support/temp.ts).
    setupFiles: ['test/support/setup.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // A developer's own `ros-sso schemas update` cache must not change what the tests see.
    env: { ROS_SSO_SCHEMA_CACHE: join(tmpdir(), 'ros-sso-tests-no-schema-cache') },
  },
});
