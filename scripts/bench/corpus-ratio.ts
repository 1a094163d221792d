/**
 * The corpus row of `npm run bench`: CPU of linting a real corpus (../shared/corpus/ros-templates,
 * or BENCH_CORPUS) as a multiple of a parse-only floor over the same files in the same process:
 * read + js-yaml `parseEvents` + `constructFromEvents` with the ROS tags, which is what the linter
 * itself must do before any rule runs. Both are warmed once, then measured in alternating rounds
 * (so machine noise hits both alike); the medians are compared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constructFromEvents, parseEvents } from 'js-yaml';
import { expandPaths, TEMPLATE_MARKER } from '../../lint/files';
import { lintFiles } from '../../lint/run';
import { ROS_YAML_SCHEMA } from '../../template/ros-yaml-schema';

export const CORPUS_TARGET = 2.5;

export interface CorpusRatio {
  dir: string;
  files: number;
  rounds: number;
  lintCpuMs: number;
  floorCpuMs: number;
  ratio: number;
}

/** CPU (user + system) milliseconds that `fn` takes in this process. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The floor: what parsing alone costs (a file that does not parse costs what it cost to fail). */
function parseOnly(dir: string, files: readonly string[]): void {
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    try {
      const events = parseEvents(text, { filename: file, maxDepth: 200 });
      constructFromEvents(events, { source: text, filename: file, schema: ROS_YAML_SCHEMA });
    } catch {
      // counted as parsed: the linter reports it and moves on too
    }
  }
}

/** Measures the ratio, or `undefined` when the corpus folder is absent. */
export function measureCorpusRatio(dir: string, rounds: number): CorpusRatio | undefined {
  if (!existsSync(dir)) return undefined;
  // The files the linter would lint in directory mode: YAML/JSON files that are ROS templates.
  const files = expandPaths(['.'], dir)
    .map((f) => f.path)
    .filter((path) => readFileSync(join(dir, path), 'utf8').includes(TEMPLATE_MARKER));
  const lint = () =>
    lintFiles({
      cwd: dir,
      files: files.map((path) => ({ path, explicit: true })),
      config: { rules: {}, ignorePaths: [] },
      ignoreRules: [],
    });
  const floor = () => parseOnly(dir, files);
  lint();
  floor();
  const lintTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    lintTimes.push(cpuMs(lint));
    floorTimes.push(cpuMs(floor));
  }
  const lintCpuMs = median(lintTimes);
  const floorCpuMs = median(floorTimes);
  return { dir, files: files.length, rounds, lintCpuMs, floorCpuMs, ratio: lintCpuMs / floorCpuMs };
}

/** Where the corpus lives by default: the shared reference folder beside the repository. */
export function defaultCorpusDir(root: string): string {
  return process.env.BENCH_CORPUS ?? join(root, '..', 'shared', 'corpus', 'ros-templates');
}
