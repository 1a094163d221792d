// Runs a TypeScript script (benchmarks, generators) by bundling it with esbuild to a temp file.
const { buildSync } = require('esbuild');
const { mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const { join, resolve } = require('node:path');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-ts.js <file.ts> [args...]\n');
  process.exit(2);
}
// Inside the repository, so that the script finds schemas/generated/ the way dist/ bundles do.
const cache = resolve(__dirname, '..', 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'ros-sso-run-'));
const out = join(dir, 'script.js');
try {
  buildSync({
    entryPoints: [resolve(entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    absWorkingDir: resolve(__dirname, '..'),
    // Same as scripts/build.js: js-yaml's CommonJS build is the fast one.
    alias: { 'js-yaml': require.resolve('js-yaml') },
  });
  process.argv = [process.argv[0], out, ...args];
  require(out);
} finally {
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
