#!/usr/bin/env node

// Thin entry: picks the bundle for the command, sets the exit code, maps a crash to 2.
const { join } = require('node:path');

const argv = process.argv.slice(2);
// One bundle per command family, so that `ros-sso lint` never loads local mode or the FC client.
const BUNDLES = { local: 'local.js', deploy: 'deploy.js', plan: 'plan.js' };
const bundle = BUNDLES[argv[0]] ?? 'lint.js';

function load() {
  try {
    return require(join(__dirname, '..', 'dist', bundle)).main;
  } catch (err) {
    write(
      process.stderr,
      `ros-sso: cannot load dist/${bundle} (${err.code || err.message}); run npm ci or npm run build\n`,
    );
    return undefined;
  }
}

// A reader that stops early (`ros-sso lint | head`) closes the pipe: further output is dropped
// quietly (no EPIPE stack trace), and the exit code is still the command's own.
const closed = new Set();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    closed.add(stream);
  });
}
const write = (stream, text) => {
  if (!closed.has(stream) && !stream.destroyed) stream.write(text);
};

const io = {
  stdout: (text) => write(process.stdout, text),
  stderr: (text) => write(process.stderr, text),
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
      write(process.stderr, `ros-sso: internal error: ${err?.stack ?? err}\n`);
      process.exitCode = 2;
    },
  );
