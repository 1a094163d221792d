import { stripDefinition, type TypeDefinition } from '../../schemas/ros-spec/definition';
import type { ExistingTypes, RosTypesFile, RosTypesIndex } from '../../schemas/ros-spec/bundled';
import { extractTypes, type Extracted } from './cdk-extract';
import type { CdkPackage } from './package-files';
import { addSpecFacts } from './spec-facts';

export interface SpecInput {
  package: string;
  version: string;
  sha256: string;
  types: Record<string, TypeDefinition>;
}

export interface TypeListInput {
  from: string;
  origin: string;
  names: string[];
  /** Attribute names per type, when the list has them: added to the defined types' own. */
  attributes?: Record<string, string[]>;
}

export interface Assembled {
  index: RosTypesIndex;
  /** Data file name → contents. */
  files: Record<string, RosTypesFile>;
  existing: ExistingTypes;
  unrecognized: string[];
  summary: string[];
}

/** `1.11.0` > `1.3.0`: numeric, part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => Number(p) || 0);
  const pb = b.split(/[.-]/).map((p) => Number(p) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** `@alicloud/ros-cdk-ecs` → `ecs.json`. */
const fileFor = (packageName: string) => `${packageName.replace(/^.*\/(?:ros-cdk-)?/, '')}.json`;
export const RETIRED_FILE = 'retired.json';

/**
 * The committed data from the CDK packages (each with the origin it was read from), the old full
 * specification and the official type lists. A type is taken from the newest package version that
 * defines it (so a type a newer version dropped still comes from an older one); types no CDK
 * package has come from the old specification (retired types templates still use).
 */
export function assemble(
  packages: ReadonlyArray<CdkPackage & { origin: string }>,
  spec: SpecInput,
  typeLists: readonly TypeListInput[],
  generated: Record<string, unknown>,
): Assembled {
  const ordered = [...packages].sort(
    (a, b) => compareVersions(b.version, a.version) || a.name.localeCompare(b.name),
  );
  const sources: RosTypesIndex['sources'] = [];
  const files: Record<string, RosTypesFile> = {};
  const indexFiles: RosTypesIndex['files'] = {};
  const unrecognized: string[] = [];
  const summary: string[] = [];
  const taken = new Set<string>();
  let merged = 0;

  const put = (file: string, sourceId: number, type: string, definition: TypeDefinition) => {
    files[file] ??= { generated: { ...generated, file }, types: {} };
    files[file].types[type] = stripDefinition(definition);
    (indexFiles[file] ??= {})[type] = sourceId;
    taken.add(type);
  };

  for (const pkg of ordered) {
    const extracted: Extracted = { types: {}, unrecognized };
    for (const module of pkg.modules)
      extractTypes(`${pkg.name}@${pkg.version}/${module.path}`, module.text, extracted);
    const fresh = Object.keys(extracted.types).filter((type) => !taken.has(type));
    if (!fresh.length) continue;
    const sourceId =
      sources.push({ id: `${pkg.name}@${pkg.version}`, origin: pkg.origin, sha256: pkg.sha256 }) - 1;
    for (const type of fresh.sort()) {
      const definition = extracted.types[type];
      merged += addSpecFacts(definition, spec.types[type]);
      put(fileFor(pkg.name), sourceId, type, definition);
    }
    summary.push(`${pkg.name}@${pkg.version} (${pkg.origin}): ${fresh.length} types`);
  }
  const retired = Object.keys(spec.types)
    .filter((type) => !taken.has(type))
    .sort();
  if (retired.length) {
    const sourceId =
      sources.push({ id: `${spec.package}@${spec.version}`, origin: 'npm registry', sha256: spec.sha256 }) -
      1;
    for (const type of retired) put(RETIRED_FILE, sourceId, type, spec.types[type]);
    summary.push(`${spec.package}@${spec.version}: ${retired.length} types no CDK package defines`);
  }
  summary.push(`UpdateAllowed/Default/integer from ${spec.package}@${spec.version} on ${merged} properties`);
  summary.push(`attribute names added from the type lists: ${addAttributes(files, typeLists)}`);

  const names = new Set<string>();
  for (const list of typeLists) for (const name of list.names) names.add(name);
  const existing: ExistingTypes = {
    generated: {
      ...generated,
      file: 'existing-types.json',
      from: typeLists.map((l) => `${l.from} (${l.origin})`),
    },
    types: [...names].sort(),
  };
  const notDefined = existing.types.filter((t) => !taken.has(t)).length;
  summary.push(
    `${existing.types.length} existing type names, ${notDefined} of them without a definition here`,
  );
  return {
    index: { generated, sources, files: sortKeys(indexFiles) },
    files,
    existing,
    unrecognized,
    summary,
  };
}

/**
 * Adds the attribute names a type list gives to the types defined here: an attribute is a fact a
 * newer list may know (ROCKETMQ5::Instance `UserName`) and an extra name only ever allows more.
 */
function addAttributes(files: Record<string, RosTypesFile>, lists: readonly TypeListInput[]): number {
  let added = 0;
  for (const file of Object.values(files))
    for (const [type, definition] of Object.entries(file.types))
      for (const list of lists)
        for (const name of list.attributes?.[type] ?? []) {
          definition.Attributes ??= {};
          if (Object.hasOwn(definition.Attributes, name)) continue;
          definition.Attributes[name] = {};
          added++;
        }
  return added;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
