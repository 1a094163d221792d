import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripDefinition, type TypeDefinition } from './definition';

/**
 * The bundled type data, committed in schemas/ros-types/ and written by
 * scripts/generate-ros-types.ts (see schemas/README.md). Split so that linting reads only what a
 * template uses: `index.json` (type → data file and source), one data file per CDK service
 * package, and `existing-types.json` (names only) for types known to exist but not defined here.
 */
export interface RosTypesIndex {
  /** How the data was made: generator, command, sources. */
  generated: Record<string, unknown>;
  /** Where definitions came from: `package@version`, plus where the package was read. */
  sources: Array<{ id: string; origin: string; sha256?: string }>;
  /** Data file name → type name → index into `sources`. */
  files: Record<string, Record<string, number>>;
}

/** One data file: the definitions of one service package, facts only. */
export interface RosTypesFile {
  generated: Record<string, unknown>;
  types: Record<string, TypeDefinition>;
}

export interface ExistingTypes {
  generated: Record<string, unknown>;
  /** Every type name the official ROS documentation lists, sorted. */
  types: string[];
}

/** Where one type's bundled definition came from. */
export interface BundledType {
  type: string;
  /** `package@version`, e.g. `@alicloud/ros-cdk-ecs@1.11.0`. */
  source: string;
  /** True for the old full specification (`@alicloud/ros-cdk-spec`): types the CDK no longer has. */
  retired: boolean;
  definition(): TypeDefinition;
}

export const DATA_DIR = join('schemas', 'ros-types');
export const SPEC_PACKAGE = '@alicloud/ros-cdk-spec';

/**
 * The committed data folder, found in the nearest ancestor directory that has it: from the
 * sources and from the esbuild bundles in dist/ alike.
 */
function dataDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, DATA_DIR, 'index.json'))) return join(dir, DATA_DIR);
    if (dirname(dir) === dir) throw new Error(`cannot find ${DATA_DIR}/index.json`);
  }
}

let dir: string | undefined;
let index: Map<string, { file: string; source: string }> | undefined;
let indexFile: RosTypesIndex | undefined;
const files = new Map<string, RosTypesFile>();
let existing: Set<string> | undefined;

function readJson<T>(name: string): T {
  dir ??= dataDir();
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
}

/** The index, read on first use; the data files are read only when one of their types is asked for. */
function typeIndex(): Map<string, { file: string; source: string }> {
  if (index) return index;
  indexFile = readJson<RosTypesIndex>('index.json');
  index = new Map();
  for (const [file, types] of Object.entries(indexFile.files))
    for (const [type, source] of Object.entries(types))
      index.set(type, { file, source: indexFile.sources[source].id });
  return index;
}

/** The bundled definition of `type`, read lazily (its data file is parsed on first use). */
export function bundledType(type: string): BundledType | undefined {
  const at = typeIndex().get(type);
  if (!at) return undefined;
  return {
    type,
    source: at.source,
    retired: at.source.startsWith(`${SPEC_PACKAGE}@`),
    definition: () => {
      let data = files.get(at.file);
      if (!data) files.set(at.file, (data = readJson<RosTypesFile>(at.file)));
      return data.types[type];
    },
  };
}

/** Every bundled type name (reads the index only). */
export function bundledTypeNames(): string[] {
  return [...typeIndex().keys()];
}

/** The index's record of sources and how the data was generated. */
export function bundledIndex(): RosTypesIndex {
  typeIndex();
  return indexFile as RosTypesIndex;
}

/** Whether the official ROS type list names `type` (a type that exists though it may not be defined here). */
export function isExistingType(type: string): boolean {
  existing ??= new Set(readJson<ExistingTypes>('existing-types.json').types);
  return existing.has(type);
}

/** The official type list, for did-you-mean. */
export function existingTypeNames(): string[] {
  isExistingType('');
  return [...(existing as Set<string>)];
}

let overlays: Set<string> | undefined;

/** `schemas/overlay/<Type with :: as .>.json`: checked-in definitions that replace the bundled one. */
function overlayFiles(): Set<string> {
  dir ??= dataDir();
  if (!overlays)
    try {
      overlays = new Set(readdirSync(join(dir, '..', 'overlay')).filter((n) => n.endsWith('.json')));
    } catch {
      overlays = new Set();
    }
  return overlays;
}

/** The overlay definition of `type` and its recorded `Source`, when there is one. */
export function overlayDefinition(type: string): { definition: TypeDefinition; source: string } | undefined {
  const name = `${type.replaceAll('::', '.')}.json`;
  if (!overlayFiles().has(name)) return undefined;
  const entry = JSON.parse(
    readFileSync(join(dir as string, '..', 'overlay', name), 'utf8'),
  ) as TypeDefinition & {
    Source?: string;
  };
  return { definition: stripDefinition(entry), source: `ros-sso (schemas/overlay/${name})` };
}

/** The types the overlay defines. */
export function overlayTypeNames(): string[] {
  return [...overlayFiles()].map((name) => name.slice(0, -'.json'.length).replaceAll('.', '::'));
}
