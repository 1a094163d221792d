import type { ErrorObject } from 'ajv';
import { type ResourceSchema, resourceSchemas, schemaForType } from './registry';
import { bundledTypes } from './ros-spec/bundled';
import type { TypeDefinition } from './ros-spec/definition';
import { validateSubset } from './ros-spec/subset-validator';
import { toResourceSchema } from './ros-spec/to-json-schema';
import { cachedTypeNames, cacheDir, readCachedType } from './type-cache';
import { validationErrors } from './validate';

/**
 * Where a type's facts came from, which decides how sure a finding can be:
 * - `project`: hand-written here (schemas/resources/), the source of truth for ros-sso's own types;
 * - `refreshed`: fetched from the live ROS API by `ros-sso schemas update` into the user cache;
 * - `overlay`: checked in (schemas/overlay/) for types the spec package lacks;
 * - `bundled`: the npm spec package, years behind the service, so findings that stale data alone
 *   could cause are warnings;
 * - `generic`: no definition, only the shape every type of its kind shares (`DATASOURCE::*`).
 */
export type Provenance = 'project' | 'refreshed' | 'overlay' | 'bundled' | 'generic';

/** Everything the linter knows about one resource type. */
export interface TypeEntry {
  type: string;
  schema: ResourceSchema;
  provenance: Provenance;
  /** Raw ajv errors for a `Properties` value (none when valid); coerces in place like ROS. */
  errors(value: unknown): ErrorObject[];
}

const cache = new Map<string, TypeEntry | null>();
let userCacheDir: string | undefined;

/** Read from the environment once, on first use. */
const userCache = () => (userCacheDir ??= cacheDir(process.env));

function fromDefinition(type: string, definition: TypeDefinition, provenance: Provenance): TypeEntry {
  const schema = toResourceSchema(type, definition);
  return { type, schema, provenance, errors: (value) => validateSubset(schema, value) };
}

/** `DATASOURCE::*` types share one optional property; anything else about them is unknown offline. */
function genericDataSource(type: string): TypeEntry {
  const schema: ResourceSchema = {
    $id: `https://ros-sso.dev/schemas/generic/${type.replace(/::/g, '.')}.json`,
    title: type,
    rosType: type,
    type: 'object',
    properties: { RefreshOptions: { enum: ['Never', 'Always'] } },
    notUpdatableProperties: [],
    attributes: ['*'],
  };
  return { type, schema, provenance: 'generic', errors: (value) => validateSubset(schema, value) };
}

function lookUp(type: string): TypeEntry | undefined {
  const own = schemaForType(type);
  if (own) return { type, schema: own, provenance: 'project', errors: (v) => validationErrors(own.$id, v) };
  const refreshed = readCachedType(userCache(), type);
  if (refreshed) {
    try {
      return fromDefinition(type, refreshed as unknown as TypeDefinition, 'refreshed');
    } catch {
      // A cache file of an unexpected shape must not break linting: fall back to the bundle.
    }
  }
  const bundled = bundledTypes().types[type];
  if (bundled) return fromDefinition(type, bundled, bundled.provenance);
  if (type.startsWith('DATASOURCE::')) return genericDataSource(type);
  return undefined;
}

/** The entry that governs `type`, or undefined when no definition is known for it. */
export function typeEntry(type: string): TypeEntry | undefined {
  let entry = cache.get(type);
  if (entry === undefined) {
    entry = lookUp(type) ?? null;
    cache.set(type, entry);
  }
  return entry ?? undefined;
}

/** JSON Pointers (relative to `Properties`) that cannot change in a stack update; undefined when unknown. */
export function notUpdatableProperties(type: string): readonly string[] | undefined {
  return typeEntry(type)?.schema.notUpdatableProperties;
}

/** Every type name with a definition (bundled, overlay, refreshed), for did-you-mean and exports. */
export function knownTypeNames(): string[] {
  const names = [
    ...resourceSchemas.map((s) => s.rosType),
    ...Object.keys(bundledTypes().types),
    ...cachedTypeNames(userCache()),
  ];
  return [...new Set(names)].sort();
}

/** Where the bundled definitions came from, for messages that tell the user how old they are. */
export function bundledSource(): string {
  const { source } = bundledTypes();
  return `${source.package}@${source.version}`;
}
