import type { ErrorObject } from 'ajv';
import { type ResourceSchema, resourceSchemas, schemaForType } from './registry';
import {
  bundledType,
  bundledTypeNames,
  existingTypeNames,
  overlayDefinition,
  overlayTypeNames,
} from './ros-spec/bundled';
import type { TypeDefinition } from './ros-spec/definition';
import { validateSubset } from './ros-spec/subset-validator';
import { toResourceSchema } from './ros-spec/to-json-schema';
import { cachedTypeNames, cacheDir, readCachedType } from './type-cache';
import { validationErrors } from './validate';

/**
 * Where a type's facts came from, which decides how sure a finding can be:
 * - `project`: hand-written here (schemas/resources/), the source of truth for ros-sso's own types;
 * - `refreshed`: fetched from the live ROS API by `ros-sso schemas update` into the user cache;
 * - `overlay`: checked in (schemas/overlay/), CDK facts checked against the ROS documentation;
 * - `cdk`: bundled, extracted from a ROS CDK service package (schemas/ros-types/), which lags the
 *   service by months to years, so findings that stale data alone could cause are warnings;
 * - `spec`: bundled, from the old full specification `@alicloud/ros-cdk-spec`, for retired types
 *   no CDK package has any more (warnings likewise);
 * - `generic`: no definition, only the shape every type of its kind shares (`DATASOURCE::*`).
 */
export type Provenance = 'project' | 'refreshed' | 'overlay' | 'cdk' | 'spec' | 'generic';

/** Everything the linter knows about one resource type. */
export interface TypeEntry {
  type: string;
  schema: ResourceSchema;
  provenance: Provenance;
  /** Where the definition came from, e.g. `@alicloud/ros-cdk-ecs@1.11.0`; shown by `ros-sso schemas`. */
  source: string;
  /** The bundled `package@version` when only possibly outdated data backs this entry (cdk, spec). */
  staleSource?: string;
  /** Raw ajv errors for a `Properties` value (none when valid); coerces in place like ROS. */
  errors(value: unknown): ErrorObject[];
}

const cache = new Map<string, TypeEntry | null>();
let userCacheDir: string | undefined;

/** Read from the environment once, on first use. */
const userCache = () => (userCacheDir ??= cacheDir(process.env));

function fromDefinition(
  type: string,
  definition: TypeDefinition,
  provenance: Provenance,
  source: string,
): TypeEntry {
  const schema = toResourceSchema(type, definition);
  const staleSource = provenance === 'cdk' || provenance === 'spec' ? source : undefined;
  return { type, schema, provenance, source, staleSource, errors: (value) => validateSubset(schema, value) };
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
  return {
    type,
    schema,
    provenance: 'generic',
    source: 'none (every data source accepts RefreshOptions)',
    errors: (value) => validateSubset(schema, value),
  };
}

function lookUp(type: string): TypeEntry | undefined {
  const own = schemaForType(type);
  if (own)
    return {
      type,
      schema: own,
      provenance: 'project',
      source: `ros-sso (schemas/resources/${own.rosType.replaceAll('::', '.')}.json)`,
      errors: (v) => validationErrors(own.$id, v),
    };
  const refreshed = readCachedType(userCache(), type);
  if (refreshed) {
    try {
      const source = `ROS GetResourceType (${refreshed.Region}, ${refreshed.FetchedAt})`;
      return fromDefinition(type, refreshed as unknown as TypeDefinition, 'refreshed', source);
    } catch {
      // A cache file of an unexpected shape must not break linting: fall back to the bundle.
    }
  }
  const overlay = overlayDefinition(type);
  if (overlay) return fromDefinition(type, overlay.definition, 'overlay', overlay.source);
  const bundled = bundledType(type);
  if (bundled)
    return fromDefinition(type, bundled.definition(), bundled.retired ? 'spec' : 'cdk', bundled.source);
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

/** Every type name with a definition (bundled, overlay, refreshed), for exports and listings. */
export function knownTypeNames(): string[] {
  const names = [
    ...resourceSchemas.map((s) => s.rosType),
    ...overlayTypeNames(),
    ...bundledTypeNames(),
    ...cachedTypeNames(userCache()),
  ];
  return [...new Set(names)].sort();
}

/** Every type name known to exist, defined here or only listed by the ROS documentation: for did-you-mean. */
export function existingOrKnownTypeNames(): string[] {
  return [...new Set([...knownTypeNames(), ...existingTypeNames()])].sort();
}

/** Whether the official ROS type list names `type`, defined here or not. */
export { isExistingType } from './ros-spec/bundled';

/**
 * The bundled `package@version` when only that possibly outdated data backs `type`'s definition,
 * for findings that must say which data they rest on; undefined for trusted or missing data.
 */
export function staleSource(type: string): string | undefined {
  return typeEntry(type)?.staleSource;
}
