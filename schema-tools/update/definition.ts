import type { CachedType } from '../../schemas/type-cache';
import type { TypeDefinition } from './client';

/**
 * What the cache keeps of a GetResourceType answer: everything but the prose. `Description` is
 * dropped only where it is a string inside a property or attribute definition, so a property that
 * is itself named `Description` (RAM::Role's `Policies[*].Description`) stays.
 */
export function toCachedType(
  type: string,
  definition: TypeDefinition,
  region: string,
  fetchedAt: string,
): CachedType {
  return {
    ResourceType: type,
    EntityType: definition.EntityType ?? entityTypeOf(type),
    Properties: stripDefinitions(definition.Properties),
    Attributes: stripDefinitions(definition.Attributes),
    FetchedAt: fetchedAt,
    Region: region,
  };
}

/** The entity type a name implies, for answers that leave it out. */
export function entityTypeOf(type: string): string {
  if (type.startsWith('DATASOURCE::')) return 'DataSource';
  if (type.startsWith('MODULE::')) return 'Module';
  return 'Resource';
}

/** name → definition; `Schema` nests the same shape (`*` for list items, keys for maps). */
function stripDefinitions(definitions: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(definitions)) out[name] = stripDefinition(definition);
  return out;
}

function stripDefinition(definition: unknown): unknown {
  if (!isRecord(definition)) return definition;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(definition)) {
    if (key === 'Description' && typeof value === 'string') continue;
    out[key] = key === 'Schema' && isRecord(value) ? stripDefinitions(value) : value;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
