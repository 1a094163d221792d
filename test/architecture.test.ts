import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
// The folders of our own code, roughly from the bottom layer to the top.
const AREAS = [
  'cli',
  'sdk',
  'schemas',
  'template',
  'lint',
  'schema-tools',
  'handlers',
  'deploy',
  'plan',
  'local',
  'commands',
] as const;
type Area = (typeof AREAS)[number];

/** Which of our areas each area may import (besides itself). Anything else is a wrong-way import. */
const ALLOWED: Record<Area, readonly Area[]> = {
  cli: [],
  sdk: [],
  schemas: [],
  template: ['schemas'],
  lint: ['schemas', 'template', 'cli'],
  'schema-tools': ['schemas', 'template', 'lint', 'sdk', 'cli'],
  handlers: ['schemas', 'sdk'],
  deploy: ['sdk', 'cli'],
  // The plan reads the directory with the handlers' clients and walks a change as the provider would.
  plan: ['schemas', 'template', 'lint', 'handlers', 'sdk', 'cli'],
  local: ['schemas', 'template', 'lint', 'handlers', 'plan', 'sdk', 'cli'],
  commands: ['lint', 'schema-tools', 'cli'],
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

const rel = (file: string) => relative(ROOT, file).split('\\').join('/');
const areaOf = (file: string): string => rel(file).split('/')[0];

const files = AREAS.flatMap((area) => {
  try {
    return sourceFiles(join(ROOT, area));
  } catch {
    return [];
  }
});
const graph = new Map(files.map((f) => [f, relativeImports(f).map((s) => resolveImport(f, s))]));

/**
 * Edges between sibling folders, at every depth: for each folder, its subfolders (each with all
 * that is below it) import one another when any file in one imports any file in the other.
 * Imports between a folder's own files and its subfolders are not counted: a parent composes its
 * parts. The top level is the areas.
 */
function siblingEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = rel(file).split('/');
    for (const target of targets) {
      if (!graph.has(target)) continue;
      const to = rel(target).split('/');
      // The first folder level where the two paths part; both sides must still be folders there.
      let i = 0;
      while (i < from.length - 1 && i < to.length - 1 && from[i] === to[i]) i++;
      if (i >= from.length - 1 || i >= to.length - 1 || from[i] === to[i]) continue;
      const a = from.slice(0, i + 1).join('/');
      const b = to.slice(0, i + 1).join('/');
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)?.add(b);
    }
  }
  return edges;
}

/** Every cycle in a directed graph, each as `a → b → … → a`. */
function cyclesOf(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const state = new Map<string, 1 | 2>();
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    state.set(node, 1);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 1) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next, [...path, next]);
    }
    state.set(node, 2);
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node, [node]);
  return cycles;
}

/** The source files of ours that esbuild puts into a bundle, built as scripts/build.js builds it. */
function bundleInputs(entry: string): string[] {
  const { common } = require('../scripts/build.js') as { common: Record<string, unknown> };
  const result = buildSync({
    ...common,
    entryPoints: [entry],
    outfile: join(ROOT, 'dist', 'architecture-check.js'),
    write: false,
    metafile: true,
  });
  return Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'));
}

describe('architecture', () => {
  it('imports point one way between the areas (ALLOWED)', () => {
    const forbidden: string[] = [];
    for (const [file, targets] of graph) {
      const from = areaOf(file) as Area;
      for (const target of targets) {
        const to = areaOf(target);
        if (!target.startsWith(ROOT) || to === from || target.endsWith('package.json')) continue;
        // The checked-in policy documents are data the plan sends (templates/plan-*.json).
        if (to === 'templates' && target.endsWith('.json')) continue;
        if (!(ALLOWED[from] as readonly string[]).includes(to))
          forbidden.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(forbidden).toEqual([]);
  });

  it('allows no cycle between areas in ALLOWED itself', () => {
    const edges = new Map(AREAS.map((a) => [a as string, new Set<string>(ALLOWED[a])]));
    expect(cyclesOf(edges)).toEqual([]);
  });

  it('has no import cycles between files', () => {
    const edges = new Map(
      [...graph].map(([f, ts]) => [rel(f), new Set(ts.filter((t) => graph.has(t)).map(rel))]),
    );
    expect(cyclesOf(edges)).toEqual([]);
  });

  it('has no import cycles between sibling folders at any depth (e.g. lint/rules ↔ lint/update)', () => {
    const edges = siblingEdges();
    // The check sees real folder pairs: lint/rules imports lint/update, so a cycle would be caught.
    expect(edges.get('lint/rules')?.has('lint/update')).toBe(true);
    expect(cyclesOf(edges)).toEqual([]);
  });

  it('keeps the FC bundle to what runs in FC: no deploy, lint, local, schema tools or CLI code', () => {
    const inputs = bundleInputs('handlers/index.ts');
    expect(inputs).toContain('handlers/index.ts');
    const foreign = inputs.filter((input) =>
      ['deploy/', 'lint/', 'local/', 'schema-tools/', 'commands/', 'cli/', 'template/'].some((p) =>
        input.startsWith(p),
      ),
    );
    expect(foreign).toEqual([]);
  });

  it('keeps local mode, deploy and the handlers out of the lint bundle', () => {
    const inputs = bundleInputs('commands/main.ts');
    expect(inputs).toContain('lint/engine.ts');
    const foreign = inputs.filter((input) =>
      ['deploy/', 'local/', 'handlers/'].some((p) => input.startsWith(p)),
    );
    expect(foreign).toEqual([]);
  });

  it('keeps source files at about 300 lines at most (400 is the cap)', () => {
    const long = files.filter((f) => readFileSync(f, 'utf8').split('\n').length > 400).map(rel);
    expect(long).toEqual([]);
  });
});
