/**
 * Hostile inputs, each one CLI run as a child process (what a pull request can make CI run), timed
 * beside the 2 s target. The same generators feed the hostile test suite (test/hostile/).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEAD = "ROSTemplateFormatVersion: '2015-09-01'\n";

/** One resource with `count` properties it does not define (each an info finding), compactly. */
export function manyProperties(count: number): string {
  const extra = Array.from({ length: count }, (_, i) => `P${i}: 0`).join(', ');
  return `${HEAD}Resources:\n  R:\n    Type: ALIYUN::RAM::Role\n    Properties: {RoleName: r, AssumeRolePolicyDocument: {Version: "1", Statement: []}, ${extra}}\n`;
}

/** `count` Outputs, each a Ref to a name nothing declares, beside 50 declared parameters. */
export function manyMissingRefs(count: number): string {
  const lines = [HEAD, 'Parameters:\n'];
  for (let i = 0; i < 50; i++) lines.push(`  Param${i}: {Type: String}\n`);
  lines.push('Resources:\n  R: {Type: ALIYUN::ROS::WaitConditionHandle}\nOutputs:\n');
  for (let i = 0; i < count; i++) lines.push(`  O${i}: {Value: {Ref: Missing${i}}}\n`);
  return lines.join('');
}

/** A parameter whose Default backtracks exponentially on `(a+)+$`: `length` a's and a `!`. */
export function catastrophicPattern(length: number): string {
  return `${HEAD}Parameters:\n  P:\n    Type: String\n    AllowedPattern: "(a+)+$"\n    Default: "${'a'.repeat(length)}!"\nResources: {}\n`;
}

/** A directory `depth` levels deep with one template at the bottom; returns its path under `dir`. */
export function deepTree(dir: string, depth: number): string {
  const path = join(dir, 'deep', ...Array.from({ length: depth }, () => 'a'));
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 't.yaml'), `${HEAD}Resources: {}\n`);
  return 'deep';
}

export interface HostileCase {
  name: string;
  /** Arguments after `ros-sso`, run in the case's directory. */
  args: string[];
  /** The exit code the case must end with. */
  exit: number;
}

/** Writes the bench's hostile cases into `dir` and returns how to run them. */
export function writeHostileCases(dir: string): HostileCase[] {
  writeFileSync(join(dir, 'props.yaml'), manyProperties(100_000));
  // The most properties whose template fits ROS's 524,288-byte limit (the default of the linter).
  writeFileSync(join(dir, 'props-limit.yaml'), manyProperties(45_000));
  writeFileSync(join(dir, 'refs.yaml'), manyMissingRefs(10_000));
  writeFileSync(join(dir, 'pattern.yaml'), catastrophicPattern(10_240));
  const deep = deepTree(dir, 30);
  const globstars = '**/'.repeat(25);
  writeFileSync(join(dir, 'ignore.yaml'), `ignorePaths: ["${deep}/${globstars}x.yaml"]\n`);
  return [
    // 1.1 MB: over ROS's template limit, so refused as it stands (a template-parse-error)...
    { name: '100,000 properties on one resource', args: ['lint', 'props.yaml'], exit: 1 },
    // ...and linted when the limit is raised: 100,000 info findings, each costing about 20 µs.
    {
      name: '100,000 properties, --max-template-bytes 4000000',
      args: ['lint', '--max-template-bytes', '4000000', 'props.yaml'],
      exit: 0,
    },
    { name: '45,000 properties (fits the 512 KB limit)', args: ['lint', 'props-limit.yaml'], exit: 0 },
    { name: '10,000 missing refs', args: ['lint', 'refs.yaml'], exit: 1 },
    { name: 'catastrophic pattern, 10 KB value', args: ['lint', 'pattern.yaml'], exit: 1 },
    { name: '25 repeated **/ (command line)', args: ['lint', `${deep}/${globstars}x.yaml`], exit: 2 },
    { name: '25 repeated **/ (ignorePaths)', args: ['lint', '-c', 'ignore.yaml', deep], exit: 0 },
  ];
}

export interface HostileRun {
  ms: number;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** One CLI run with a memory cap and a timeout (a hang shows as signal SIGKILL). */
export function runCli(
  cli: string,
  args: readonly string[],
  cwd: string,
  options: { timeoutMs?: number; maxOldSpaceMb?: number } = {},
): HostileRun {
  const start = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [`--max-old-space-size=${options.maxOldSpaceMb ?? 512}`, cli, ...args],
    {
      cwd,
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 60_000,
      killSignal: 'SIGKILL',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return {
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    status: run.status,
    signal: run.signal,
    stdout: run.stdout ?? '',
    stderr: run.stderr ?? '',
  };
}
