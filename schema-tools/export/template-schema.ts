import { knownTypeNames, typeEntry } from '../../schemas/catalog';
import { resourceSchemas } from '../../schemas/registry';
import { FUNCTION_NAMES } from '../../template/intrinsics';
import { TOP_LEVEL_SECTIONS } from '../../template/sections';

type Schema = Record<string, unknown>;

const FUNCTION_REF = { $ref: '#/$defs/intrinsicFunction' };

/** A hover line of our own wording, from the facts: type, limits, updatability. */
function hover(schema: Schema, notUpdatable: boolean, required: boolean): string {
  const facts: string[] = [];
  if (typeof schema.type === 'string') facts.push(String(schema.type));
  if (Array.isArray(schema.enum))
    facts.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  const bound = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));
  const range = [schema.minimum, schema.maximum];
  if (range.some((v) => v !== undefined)) facts.push(`range ${bound(range[0])}..${bound(range[1])}`);
  const length = [schema.minLength ?? schema.minItems, schema.maxLength ?? schema.maxItems];
  if (length.some((v) => v !== undefined)) facts.push(`length ${bound(length[0])}..${bound(length[1])}`);
  if (typeof schema.pattern === 'string') facts.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) facts.push(`default ${JSON.stringify(schema.default)}`);
  if (required) facts.push('required');
  if (notUpdatable) facts.push('cannot be updated: changing it fails the update or replaces the resource');
  return facts.join('; ');
}

/** Our hand-written schemas by file name, for inlining their `$ref`s (`X.json`, `X.json#/$defs/Y`, `#/$defs/Y`). */
const byFile = new Map(resourceSchemas.map((s) => [s.$id.replace(/^.*\//, ''), s as Schema]));

function resolveRef(ref: string, root: Schema): { schema: Schema; root: Schema } {
  const [file, fragment = ''] = ref.split('#');
  const doc = file ? byFile.get(file) : root;
  if (!doc) throw new Error(`cannot inline $ref ${ref}`);
  let node: unknown = doc;
  for (const token of fragment.split('/').filter(Boolean)) node = (node as Schema)[token];
  return { schema: node as Schema, root: doc };
}

/**
 * The schema with an intrinsic function accepted wherever a value is, so an editor does not flag
 * `{"Ref": ...}`; `$ref`s into our own schemas are inlined so the export stands alone.
 */
function allowFunctions(input: Schema, root: Schema): Schema {
  let schema = input;
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, root);
    const { $ref: _ref, ...rest } = schema;
    return allowFunctions({ ...target.schema, ...rest }, target.root);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && value && typeof value === 'object')
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, Schema>).map(([k, v]) => [k, allowFunctions(v, root)]),
      );
    else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object')
      out[key] = allowFunctions(value as Schema, root);
    else if (['allOf', 'anyOf', 'oneOf'].includes(key) && Array.isArray(value))
      out[key] = value.map((v: Schema) => allowFunctions(v, root));
    else if (['if', 'then', 'else', 'not'].includes(key) && value && typeof value === 'object')
      out[key] = allowFunctions(value as Schema, root);
    else if (key === '$defs') continue;
    else if (
      ![
        '$id',
        '$schema',
        'rosType',
        'notUpdatableProperties',
        'attributes',
        'uncheckedPatterns',
        'title',
      ].includes(key)
    )
      out[key] = value;
  }
  return 'type' in out || 'enum' in out || 'anyOf' in out ? { anyOf: [out, FUNCTION_REF] } : out;
}

/** The Properties schema of one type; each is its own `$defs` entry so validators compile it apart. */
function propertiesSchema(type: string): Schema | undefined {
  const entry = typeEntry(type);
  if (!entry) return undefined;
  const { schema } = entry;
  const notUpdatable = new Set(schema.notUpdatableProperties);
  const required = new Set(schema.required ?? []);
  const properties: Record<string, Schema> = {};
  for (const [name, inner] of Object.entries(schema.properties as Record<string, Schema>)) {
    const converted = allowFunctions(inner, schema);
    properties[name] = {
      ...converted,
      description: hover(inner, notUpdatable.has(`/${name}`), required.has(name)),
    };
  }
  return {
    type: 'object',
    description: `${type} (${entry.provenance} definition)`,
    properties,
    ...(schema.required ? { required: schema.required } : {}),
  };
}

const defName = (type: string) => `type:${type.replace(/::/g, '.')}`;

/** A JSON Schema for whole ROS templates, for yaml-language-server and VS Code. */
export function templateSchema(): Schema {
  // Includes ros-sso's own Custom:: types; any other Custom:: type is allowed by pattern below.
  const types = knownTypeNames();
  const typeDefs: Record<string, Schema> = {};
  const perType: Schema[] = [];
  for (const type of types) {
    const properties = propertiesSchema(type);
    if (!properties) continue;
    typeDefs[defName(type)] = properties;
    perType.push({
      if: { properties: { Type: { const: type } }, required: ['Type'] },
      then: { properties: { Properties: { $ref: `#/$defs/${defName(type)}` } } },
    });
  }
  const sections: Record<string, Schema> = Object.fromEntries(TOP_LEVEL_SECTIONS.map((s) => [s, {}]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Alibaba Cloud ROS template (generated by ros-sso schemas export)',
    type: 'object',
    required: ['ROSTemplateFormatVersion'],
    additionalProperties: false,
    properties: {
      ...sections,
      ROSTemplateFormatVersion: { enum: ['2015-09-01'], description: 'The only template format version.' },
      Description: { anyOf: [{ type: 'string' }, { type: 'object' }] },
      Parameters: { type: 'object', additionalProperties: { $ref: '#/$defs/parameter' } },
      Resources: { type: 'object', additionalProperties: { $ref: '#/$defs/resource' } },
      Outputs: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          properties: { Value: {}, Description: { type: 'string' }, Condition: { type: 'string' } },
          required: ['Value'],
        },
      },
    },
    $defs: {
      ...typeDefs,
      intrinsicFunction: {
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        propertyNames: { enum: [...FUNCTION_NAMES] },
      },
      parameter: {
        type: 'object',
        required: ['Type'],
        properties: {
          Type: {
            anyOf: [
              { enum: ['String', 'Number', 'CommaDelimitedList', 'Json', 'Boolean'] },
              { type: 'string', pattern: '^ALIYUN::' },
            ],
          },
          Default: {},
          AllowedValues: { type: 'array' },
          AllowedPattern: { type: 'string' },
          MinLength: { type: 'integer' },
          MaxLength: { type: 'integer' },
          MinValue: { type: 'number' },
          MaxValue: { type: 'number' },
          NoEcho: { type: 'boolean' },
          Description: {},
          Label: {},
          ConstraintDescription: {},
          AssociationProperty: { type: 'string' },
          AssociationPropertyMetadata: { type: 'object' },
          Confirm: { type: 'boolean' },
          TextArea: { type: 'boolean' },
          Placeholder: {},
        },
      },
      resource: {
        type: 'object',
        required: ['Type'],
        properties: {
          Type: {
            anyOf: [
              { enum: types, description: 'A ROS resource type' },
              { type: 'string', pattern: '^(Custom|DATASOURCE|MODULE|Aliyun::Serverless)::' },
            ],
          },
          Properties: { type: 'object' },
          DependsOn: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          Condition: { type: 'string' },
          DeletionPolicy: { enum: ['Delete', 'Retain', 'Snapshot'] },
          Metadata: { type: 'object' },
          Count: {},
          Description: {},
        },
        allOf: perType,
      },
    },
  };
}
