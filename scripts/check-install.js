// `npm run check:install`: installs ros-sso the way users do and runs every command of the bin.
// Packs the package (`npm pack`, which runs the `prepare` build), installs the tarball into an
// empty directory with `npm install --no-audit --no-fund` (runtime dependencies come from the
// registry, no devDependencies, no build), and runs `npx --no -- ros-sso …` there. `--git SPEC`
// installs from a git URL instead (e.g. git+file:///path/to/repo#<commit>); `--no-build` packs the
// dist/ that is already built (as the test suite has it). Exit 0 when everything works.
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const gitSpec = args.includes('--git') ? args[args.indexOf('--git') + 1] : undefined;
const keep = args.includes('--keep');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

let failures = 0;
function check(ok, what, detail = '') {
  process.stdout.write(
    `${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail ? `\n     ${detail.split('\n').join('\n     ')}` : ''}\n`,
  );
  if (!ok) failures++;
}

function run(command, argv, cwd, timeout = 600_000) {
  const r = spawnSync(command, argv, {
    cwd,
    encoding: 'utf8',
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const GOOD = `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  Name: {Type: String, Default: alice}
Resources:
  User:
    Type: ALIYUN::RAM::User
    Properties: {UserName: {Ref: Name}}
`;
const BAD = GOOD.replace('UserName: {Ref: Name}', 'UserName: {Ref: Nmae}');

const work = mkdtempSync(join(tmpdir(), 'ros-sso-install-'));
try {
  let spec = gitSpec;
  if (!spec) {
    const packArgs = ['pack', '--json', '--pack-destination', work];
    if (args.includes('--no-build')) packArgs.push('--ignore-scripts');
    const packed = run('npm', packArgs, root);
    check(packed.code === 0, `npm ${packArgs.join(' ')}`, packed.stderr);
    if (packed.code !== 0) process.exit(1);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
    const files = new Set(info.files.map((f) => f.path));
    for (const file of [
      'bin/ros-sso.js',
      'dist/lint.js',
      'dist/local.js',
      'dist/deploy.js',
      'dist/handlers/index.js',
      'dist/fc/code.zip',
      'schemas/ros-types/index.json',
      'schemas/ros-types/ecs.json',
      'templates/provider.yaml',
    ])
      check(files.has(file), `the tarball holds ${file}`);
    const sources = [...files].filter((f) => f.endsWith('.ts') || f.startsWith('test/'));
    check(sources.length === 0, 'the tarball holds no sources or tests', sources.join('\n'));
    spec = join(work, info.filename);
  }

  // An empty project, as a user has it; `npm install` adds ros-sso to it.
  const app = join(work, 'app');
  mkdirSync(join(app, 'stacks'), { recursive: true });
  writeFileSync(join(app, 'package.json'), '{ "name": "install-check", "private": true }\n');
  writeFileSync(join(app, 'stacks', 'good.yaml'), GOOD);
  writeFileSync(join(app, 'stacks', 'bad.yaml'), BAD);
  const installed = run('npm', ['install', '--no-audit', '--no-fund', spec], app);
  check(
    installed.code === 0,
    `npm install --no-audit --no-fund ${gitSpec ? spec : '<tarball>'}`,
    installed.stderr,
  );
  if (installed.code !== 0) process.exit(1);
  const modules = join(app, 'node_modules');
  const has = (path) => spawnSync('test', ['-e', join(modules, path)]).status === 0;
  check(!has('esbuild') && !has('typescript') && !has('vitest'), 'no devDependency was installed');
  check(!has('ros-sso/lint'), 'the installed package has no sources (nothing was built on install)');

  // `npx --no` never downloads: if the local install were broken it fails instead of fetching
  // whatever the registry serves under that name.
  const ros = (...argv) => run('npx', ['--no', '--', 'ros-sso', ...argv], app, 60_000);
  const cases = [
    [['--version'], 0, (r) => r.stdout.trim() === pkg.version],
    [['--help'], 0, (r) => r.stdout.includes('Usage: ros-sso <command>')],
    [['lint', 'stacks/good.yaml'], 0, (r) => r.stdout.includes('no problems in 1 file')],
    [['lint', 'stacks'], 1, (r) => /bad\.yaml:7:\d+ +error +ref-unknown-target/.test(r.stdout)],
    [['lint', 'stacks', '--format', 'sarif'], 1, (r) => JSON.parse(r.stdout).version === '2.1.0'],
    [['lint', 'stacks', '--format', 'github'], 1, (r) => r.stdout.startsWith('::error file=stacks/bad.yaml')],
    [['lint', '--help'], 0, (r) => r.stdout.includes('--max-template-bytes')],
    [['rules'], 0, (r) => r.stdout.includes('template-parse-error')],
    [['diff', 'stacks/good.yaml', 'stacks/bad.yaml'], 0, (r) => r.stdout.includes('update-not-allowed')],
    [['update-info', 'stacks/good.yaml'], 0, (r) => r.stdout.length > 0],
    [['schemas', 'export'], 0, (r) => JSON.parse(r.stdout).required.includes('ROSTemplateFormatVersion')],
    [['local', 'demo'], 0, (r) => r.stdout.includes('every step behaved as expected')],
    [['deploy', '--help'], 0, (r) => r.stdout.includes('Usage: ros-sso deploy')],
  ];
  for (const [argv, code, expect] of cases) {
    const r = ros(...argv);
    let ok = r.code === code;
    try {
      ok = ok && expect(r);
    } catch {
      ok = false;
    }
    check(
      ok,
      `npx ros-sso ${argv.join(' ')} → exit ${code}`,
      `exit ${r.code}\n${r.stdout.slice(0, 600)}${r.stderr.slice(0, 600)}`,
    );
  }
} finally {
  if (keep) process.stdout.write(`kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
process.stdout.write(
  failures === 0 ? 'install check: everything works\n' : `install check: ${failures} failed\n`,
);
process.exit(failures === 0 ? 0 : 1);
