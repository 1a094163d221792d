#!/usr/bin/env node

// Thin entry: picks the bundle for the command, sets the exit code, maps a crash to 2.
const { join } = require('node:path');

const argv = process.argv.slice(2);
// One bundle per command family, so that `ros-sso lint` never loads local mode or the FC client.
const BUNDLES = { local: 'local.js', deploy: 'deploy.js' };
const bundle = BUNDLES[argv[0]] ?? 'lint.js';

function load() {
  try {
    return require(join(__dirname, '..', 'dist', bundle)).main;
  } catch (err) {
    process.stderr.write(
      `ros-sso: cannot load dist/${bundle} (${err.code || err.message}); run npm ci or npm run build\n`,
    );
    return undefined;
  }
}

const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
};

const main = load();
if (!main) process.exitCode = 2;
else
  main(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`ros-sso: internal error: ${err?.stack ?? err}\n`);
      process.exitCode = 2;
    },
  );
