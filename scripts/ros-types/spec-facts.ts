import type { PropertyDefinition, TypeDefinition } from '../../schemas/ros-spec/definition';

/**
 * What the CDK code does not carry, taken from the older full specification
 * (`@alicloud/ros-cdk-spec`'s `specification_origin.json`) where the type and the property path
 * match: `UpdateAllowed`, `Default`, and `integer` where the CDK only says number (its validators
 * do not tell the two apart). Everything else stays as the CDK has it: it is the newer source.
 * Returns how many properties received a fact, for the generator's summary.
 */
export function addSpecFacts(definition: TypeDefinition, old: TypeDefinition | undefined): number {
  if (!old) return 0;
  return mergeProperties(definition.Properties, old.Properties ?? {});
}

function mergeProperties(
  properties: Record<string, PropertyDefinition>,
  old: Record<string, PropertyDefinition>,
): number {
  let merged = 0;
  for (const [name, property] of Object.entries(properties)) {
    const before = Object.hasOwn(old, name) ? old[name] : undefined;
    if (before) merged += mergeProperty(property, before);
  }
  return merged;
}

function mergeProperty(property: PropertyDefinition, old: PropertyDefinition): number {
  let merged = 0;
  if (old.UpdateAllowed !== undefined) property.UpdateAllowed = old.UpdateAllowed;
  // A default only makes sense for the same kind of value.
  if (old.Default !== undefined && sameKind(property.Type, old.Type)) property.Default = old.Default;
  if (property.Type === 'number' && old.Type === 'integer') property.Type = 'integer';
  if (old.UpdateAllowed !== undefined || old.Default !== undefined) merged++;
  if (property.Schema && old.Schema && property.Type === old.Type)
    merged += mergeProperties(property.Schema, old.Schema);
  return merged;
}

const sameKind = (a: string | undefined, b: string | undefined) =>
  a === b || (a === 'number' && b === 'integer');
