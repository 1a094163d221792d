import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const AREAS = [
  'cli',
  'schemas',
  'template',
  'lint',
  'schema-tools',
  'handlers',
  'deploy',
  'local',
  'commands',
] as const;
type Area = (typeof AREAS)[number];

/** Which of our areas each area may import (besides itself). */
const ALLOWED: Record<Area, readonly Area[]> = {
  cli: [],
  schemas: [],
  template: ['schemas'],
  lint: ['schemas', 'template', 'cli'],
  'schema-tools': ['schemas', 'template', 'lint', 'cli'],
  handlers: ['schemas', 'cli'],
  deploy: ['handlers', 'cli'],
  local: ['schemas', 'template', 'handlers', 'lint', 'cli'],
  commands: ['cli', 'lint', 'schema-tools'],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'generated' || name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|require\(\s*['"](\.[^'"]+)['"]\s*\)/g,
    ),
  ];
  return specs.map((m) => m[1] ?? m[2]);
}

function resolveImport(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return base;
}

const areaOf = (file: string): string => relative(ROOT, file).split('/')[0];

const files = AREAS.flatMap((area) => {
  try {
    return sourceFiles(join(ROOT, area));
  } catch {
    return [];
  }
});
const graph = new Map(files.map((f) => [f, relativeImports(f).map((s) => resolveImport(f, s))]));

describe('architecture', () => {
  it('imports point one way: cli, schemas ← lint, handlers ← local', () => {
    const forbidden: string[] = [];
    for (const [file, targets] of graph) {
      const from = areaOf(file) as Area;
      for (const target of targets) {
        const to = areaOf(target);
        if (to !== from && !(ALLOWED[from] as readonly string[]).includes(to) && target.startsWith(ROOT)) {
          if (to === 'package.json' || target.endsWith('package.json')) continue;
          forbidden.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
        }
      }
    }
    expect(forbidden).toEqual([]);
  });

  it('has no import cycles', () => {
    const state = new Map<string, 1 | 2>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      state.set(file, 1);
      for (const next of graph.get(file) ?? []) {
        if (!graph.has(next)) continue;
        if (state.get(next) === 1)
          cycles.push([...path.slice(path.indexOf(next)), next].map((f) => relative(ROOT, f)).join(' → '));
        else if (!state.has(next)) visit(next, [...path, next]);
      }
      state.set(file, 2);
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file, [file]);
    expect(cycles).toEqual([]);
  });

  it('keeps source files at about 300 lines at most (400 is the cap)', () => {
    const long = files
      .filter((f) => readFileSync(f, 'utf8').split('\n').length > 400)
      .map((f) => relative(ROOT, f));
    expect(long).toEqual([]);
  });
});
