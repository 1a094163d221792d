// Build: precompile the schema validators, then bundle each entry point with esbuild.
// Plain JavaScript so that it runs with bare `node` as the `prepare` script: after `npm ci` here,
// before `npm pack`, and when npm installs ros-sso from a git URL (with its devDependencies). An
// install from a tarball runs nothing: the tarball already holds dist/ and schemas/generated/.
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');

const root = join(__dirname, '..');

const { buildSync } = require('esbuild');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  // js-yaml's ESM build parses about 4x slower under V8 than its CommonJS build (measured on the
  // bench corpus); an `import` would otherwise resolve to the ESM one.
  alias: { 'js-yaml': require.resolve('js-yaml') },
};

/** Runs a TypeScript generator (bundled to a temporary file) that writes into schemas/generated/. */
function generate(script, exportName) {
  const dir = mkdtempSync(join(tmpdir(), 'ros-sso-build-'));
  const out = join(dir, 'generate.js');
  try {
    buildSync({ ...common, minify: false, entryPoints: [script], outfile: out });
    require(out)[exportName](root);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Entry points: one bundle per command family so that `ros-sso lint` never loads local mode. */
const entries = [
  ['commands/main.ts', 'dist/lint.js'],
  ['handlers/index.ts', 'dist/handlers/index.js'],
  ['local/main.ts', 'dist/local.js'],
  ['deploy/cli.ts', 'dist/deploy.js'],
  ['plan/cli.ts', 'dist/plan.js'],
];

function main() {
  generate('scripts/generate-validators.ts', 'generateValidators');
  // Earlier builds wrote the ROS type data here; it is committed in schemas/ros-types/ now, and a
  // leftover copy would only be packed along (package.json files: schemas/**/*.json).
  rmSync(join(root, 'schemas', 'generated', 'ros-types.json'), { force: true });
  for (const [entry, outfile] of entries) {
    if (!existsSync(join(root, entry))) continue;
    buildSync({ ...common, entryPoints: [entry], outfile });
  }
}

if (require.main === module) main();
// The architecture test builds the same entries with a metafile to see what each bundle holds.
module.exports = { common, entries, main };
