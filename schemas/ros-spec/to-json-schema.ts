import { patternVerdict, wholeValueSource } from '../pattern';
import type { ResourceSchema } from '../registry';
import { escapePointerToken } from '../validate';
import type { Constraint, PropertyDefinition, TypeDefinition } from './definition';

type JsonSchema = Record<string, unknown>;

const JSON_TYPES: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  list: 'array',
  map: 'object',
};

/** `$id` of a converted type; its own namespace so it never clashes with the hand-written schemas. */
export function specSchemaId(type: string): string {
  return `https://ros-sso.dev/schemas/ros-types/${type.replace(/::/g, '.')}.json`;
}

/**
 * A ROS type definition as a JSON Schema for its `Properties`, with the extra keywords of
 * schemas/README.md. Patterns JavaScript cannot compile are listed in `uncheckedPatterns` instead.
 *
 * Only top-level `UpdateAllowed: false` becomes `notUpdatableProperties`: ROS's engine checks
 * updatability per top-level property, and the flag inside list items (for example on each
 * policy name of `RAM::Role.PolicyAttachments.Custom`) does not stop the list from being updated.
 */
export function toResourceSchema(type: string, definition: TypeDefinition): ResourceSchema {
  const unchecked: string[] = [];
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const notUpdatable: string[] = [];
  for (const [name, property] of Object.entries(definition.Properties ?? {})) {
    properties[name] = propertySchema(property, `/${escapePointerToken(name)}`, unchecked);
    if (property.Required) required.push(name);
    if (property.UpdateAllowed === false) notUpdatable.push(`/${escapePointerToken(name)}`);
  }
  const schema: ResourceSchema = {
    $id: specSchemaId(type),
    title: type,
    rosType: type,
    type: 'object',
    properties,
    additionalProperties: false,
    notUpdatableProperties: notUpdatable,
    attributes: Object.keys(definition.Attributes ?? {}),
  };
  if (required.length) schema.required = required;
  if (unchecked.length) schema.uncheckedPatterns = unchecked;
  return schema;
}

function propertySchema(property: PropertyDefinition, path: string, unchecked: string[]): JsonSchema {
  const type = JSON_TYPES[property.Type ?? ''];
  const schema: JsonSchema = type ? { type } : {};
  if (property.Default !== undefined) schema.default = property.Default;
  const nested = property.Schema;
  if (nested && type === 'array' && nested['*']) {
    schema.items = propertySchema(nested['*'], `${path}/*`, unchecked);
  } else if (nested && type === 'object') {
    const named = Object.entries(nested).filter(([key]) => key !== '*');
    if (named.length) {
      schema.properties = Object.fromEntries(
        named.map(([key, inner]) => [
          key,
          propertySchema(inner, `${path}/${escapePointerToken(key)}`, unchecked),
        ]),
      );
      const required = named.filter(([, inner]) => inner.Required).map(([key]) => key);
      if (required.length) schema.required = required;
    }
    schema.additionalProperties = nested['*']
      ? propertySchema(nested['*'], `${path}/*`, unchecked)
      : named.length === 0;
  }
  for (const constraint of property.Constraints ?? [])
    applyConstraint(schema, constraint, property.Type ?? '', path, unchecked);
  return schema;
}

/** Adds one constraint's keywords; a keyword already set goes into `allOf` so neither is lost. */
function applyConstraint(
  schema: JsonSchema,
  constraint: Constraint,
  specType: string,
  path: string,
  unchecked: string[],
): void {
  const add: JsonSchema = {};
  if (constraint.AllowedValues) {
    const values = allowedValues(constraint.AllowedValues, specType);
    if (specType === 'list') add.items = { enum: values };
    else add.enum = values;
  }
  if (constraint.Length) {
    const [min, max] =
      specType === 'list'
        ? ['minItems', 'maxItems']
        : specType === 'map'
          ? ['minProperties', 'maxProperties']
          : ['minLength', 'maxLength'];
    setLimit(add, min, constraint.Length.Min);
    setLimit(add, max, constraint.Length.Max);
  }
  if (constraint.Range && (specType === 'integer' || specType === 'number')) {
    setLimit(add, 'minimum', constraint.Range.Min);
    setLimit(add, 'maximum', constraint.Range.Max);
  }
  if (constraint.AllowedPattern !== undefined && specType === 'string') {
    // Whole-value, as ROS matches it; a pattern the linear engine cannot run is listed, not kept.
    if (patternVerdict(constraint.AllowedPattern).kind === 'checked')
      add.pattern = wholeValueSource(constraint.AllowedPattern);
    else unchecked.push(path);
  }
  const clash = Object.keys(add).some((key) => key in schema);
  if (clash) schema.allOf = [...((schema.allOf as JsonSchema[]) ?? []), add];
  else Object.assign(schema, add);
}

/** A numeric limit; the spec sometimes writes one as a string (`"9223372036854775807"`). */
function setLimit(schema: JsonSchema, keyword: string, value: unknown): void {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n === 'number' && Number.isFinite(n)) schema[keyword] = n;
}

/**
 * AllowedValues as the validator compares them after type coercion: the spec mixes `0` and `"0"`
 * on string properties and `"1"` on integer ones.
 */
function allowedValues(values: readonly unknown[], specType: string): unknown[] {
  const cast = (v: unknown): unknown => {
    if (specType === 'string' || specType === 'list')
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
    if ((specType === 'integer' || specType === 'number') && typeof v === 'string' && v.trim() !== '') {
      const n = Number(v);
      return Number.isNaN(n) ? v : n;
    }
    return v;
  };
  const unique = new Map<string, unknown>();
  for (const value of values.map(cast)) unique.set(JSON.stringify(value), value);
  return [...unique.values()];
}
