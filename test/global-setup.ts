import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Before any test file: build dist/ from the source (esbuild, about 2 s) and package
 * dist/fc/code.zip, so the tests that run the CLI or the function package as child processes test
 * the source as it is now; `npx vitest run test/x.test.ts`, watch mode and editor runners included.
 */
export default function setup(): void {
  const root = join(__dirname, '..');
  for (const script of ['scripts/build.js', 'scripts/package.js'])
    execFileSync(process.execPath, [join(root, script)], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
}
