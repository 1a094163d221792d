/**
 * A resource type definition in the shape of the ROS `GetResourceType` response, which is also the
 * shape of `@alicloud/ros-cdk-spec`'s `specification_origin.json` and of our overlay files. Only
 * the facts are kept; descriptions and detection flags are dropped when the data is built.
 */
export interface TypeDefinition {
  Properties: Record<string, PropertyDefinition>;
  /** Attribute names; values carry prose only. `*` means any name. */
  Attributes?: Record<string, unknown>;
  EntityType?: string;
}

export type SpecType = 'string' | 'integer' | 'number' | 'boolean' | 'list' | 'map' | 'json';

export interface PropertyDefinition {
  Type?: SpecType | string;
  Required?: boolean;
  UpdateAllowed?: boolean;
  Default?: unknown;
  Constraints?: Constraint[];
  /** Lists: `{"*": item}`; maps: the named keys (or `*` for any key). */
  Schema?: Record<string, PropertyDefinition>;
}

export interface Constraint {
  AllowedValues?: unknown[];
  Length?: { Min?: number; Max?: number };
  Range?: { Min?: number; Max?: number };
  AllowedPattern?: string;
  /** A server-side check by name (e.g. `ecs.name`); cannot be checked offline. */
  CustomConstraint?: string;
}

const KEPT_PROPERTY_KEYS = ['Type', 'Required', 'UpdateAllowed', 'Default', 'Constraints', 'Schema'] as const;

/** The facts of a definition, without prose, detection flags or opaque custom constraints. */
export function stripDefinition(definition: TypeDefinition): TypeDefinition {
  const properties: Record<string, PropertyDefinition> = {};
  for (const [name, property] of Object.entries(definition.Properties ?? {}))
    properties[name] = stripProperty(property);
  const attributes: Record<string, object> = {};
  for (const name of Object.keys(definition.Attributes ?? {})) attributes[name] = {};
  const out: TypeDefinition = { Properties: properties, Attributes: attributes };
  if (definition.EntityType) out.EntityType = definition.EntityType;
  return out;
}

function stripProperty(property: PropertyDefinition): PropertyDefinition {
  const out: PropertyDefinition = {};
  for (const key of KEPT_PROPERTY_KEYS) {
    if (property[key] === undefined) continue;
    if (key === 'Schema') {
      out.Schema = {};
      for (const [name, inner] of Object.entries(property.Schema ?? {}))
        out.Schema[name] = stripProperty(inner);
    } else if (key === 'Constraints') {
      const kept = (property.Constraints ?? []).filter((c) => !c.CustomConstraint);
      if (kept.length) out.Constraints = kept;
    } else {
      (out as Record<string, unknown>)[key] = property[key];
    }
  }
  return out;
}
