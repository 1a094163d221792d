import type { ResourceSchema } from '../schemas/registry';

/**
 * JSON Schema to TypeScript for the subset our custom types' schemas use: `$ref` (within and
 * across schema files), `type`, `enum`, `const`, object `properties`/`required`/
 * `additionalProperties`, array `items`. Keywords that only constrain values further (lengths,
 * patterns, bounds, the `if`/`then` refinements in `allOf`) do not change the type. Any other
 * keyword stops the generator, so a schema outgrowing the subset cannot yield a wrong type.
 */

/** Where the committed output lives, relative to the repository root. */
export const PROPS_TYPES_FILE = 'handlers/resources/props.generated.ts';

type Schema = Record<string, unknown>;

const VALUE_ONLY = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'default',
  'examples',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
]);
const TYPED = new Set(['type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items']);
const SCALARS: Record<string, string> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
  null: 'null',
};
/** .prettierrc.json's printWidth: the output is committed as prettier would format it. */
const PRINT_WIDTH = 110;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Resolves `$ref`s against the schema documents, by `$id` (refs are relative URLs). */
class Resolver {
  private readonly byId: Map<string, Schema>;

  constructor(documents: readonly { $id: string }[]) {
    this.byId = new Map(documents.map((d) => [d.$id, d as unknown as Schema]));
  }

  resolve(ref: string, baseId: string): { schema: Schema; baseId: string } {
    const url = new URL(ref, baseId);
    const docId = `${url.origin}${url.pathname}`;
    let node: unknown = this.byId.get(docId);
    if (node === undefined) throw new Error(`$ref ${ref} (from ${baseId}): no schema ${docId}`);
    const pointer = decodeURIComponent(url.hash.replace(/^#/, ''));
    for (const token of pointer.split('/').slice(1)) {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as Schema | undefined)?.[key];
      if (node === undefined) throw new Error(`$ref ${ref} (from ${baseId}): nothing at ${pointer}`);
    }
    return { schema: node as Schema, baseId: docId };
  }
}

const literal = (value: unknown) =>
  typeof value === 'string' ? `'${value.replace(/[\\']/g, '\\$&')}'` : JSON.stringify(value);
const propertyKey = (name: string) => (IDENTIFIER.test(name) ? name : literal(name));
const docComment = (schema: Schema, indent: string) =>
  typeof schema.description === 'string'
    ? [`${indent}/** ${schema.description.replace(/\*\//g, '*\\/')} */`]
    : [];

/** `allOf` members that only refine values (`if`/`then`/`else`), which the type leaves to validation. */
function isRefinementOnly(allOf: unknown, resolver: Resolver, baseId: string, where: string): boolean {
  if (!Array.isArray(allOf)) throw new Error(`${where}: allOf is not a list`);
  return allOf.every((member: Schema) => {
    const target = typeof member.$ref === 'string' ? resolver.resolve(member.$ref, baseId).schema : member;
    return Object.keys(target).every((k) => k === 'if' || k === 'then' || k === 'else');
  });
}

class Converter {
  constructor(private readonly resolver: Resolver) {}

  /** The TypeScript type of `schema`, its object members indented one level below `indent`. */
  typeOf(schema: Schema, baseId: string, where: string, indent: string): string {
    if (typeof schema.$ref === 'string') {
      const siblings = Object.keys(schema).filter((k) => k !== '$ref' && !VALUE_ONLY.has(k));
      if (siblings.length > 0) throw new Error(`${where}: $ref beside ${siblings.join(', ')}`);
      const target = this.resolver.resolve(schema.$ref, baseId);
      return this.typeOf(target.schema, target.baseId, `${where} -> ${schema.$ref}`, indent);
    }
    this.checkKeywords(schema, baseId, where);
    if (Array.isArray(schema.enum)) return schema.enum.map(literal).join(' | ');
    if ('const' in schema) return literal(schema.const);
    const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
    return types.map((t) => this.ofType(t, schema, baseId, where, indent)).join(' | ');
  }

  private ofType(type: unknown, schema: Schema, baseId: string, where: string, indent: string): string {
    if (typeof type === 'string' && type in SCALARS) return SCALARS[type];
    if (type === 'array') {
      const items = schema.items as Schema | undefined;
      if (items === undefined) return 'unknown[]';
      const item = this.typeOf(items, baseId, `${where}/items`, indent);
      return item.includes(' | ') ? `Array<${item}>` : `${item}[]`;
    }
    if (type === 'object') return this.objectType(schema, baseId, where, indent);
    throw new Error(
      `${where}: type ${JSON.stringify(type)} is outside the subset the props generator converts`,
    );
  }

  private checkKeywords(schema: Schema, baseId: string, where: string): void {
    for (const keyword of Object.keys(schema)) {
      if (VALUE_ONLY.has(keyword) || TYPED.has(keyword)) continue;
      if (keyword === 'allOf' && isRefinementOnly(schema.allOf, this.resolver, baseId, where)) continue;
      throw new Error(`${where}: keyword ${keyword} is outside the subset the props generator converts`);
    }
  }

  /** The members of an object schema, one per line. */
  members(schema: Schema, baseId: string, where: string, indent: string): string[] {
    this.checkKeywords(schema, baseId, where);
    if (schema.type !== 'object') throw new Error(`${where}: not an object schema`);
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    const lines: string[] = [];
    for (const [name, property] of Object.entries(properties)) {
      const type = this.typeOf(property, baseId, `${where}/properties/${name}`, indent);
      const target =
        typeof property.$ref === 'string' ? this.resolver.resolve(property.$ref, baseId).schema : property;
      lines.push(
        ...docComment(target, indent),
        `${indent}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${type};`,
      );
    }
    const extra = schema.additionalProperties;
    if (extra !== false) {
      const type =
        extra === undefined || extra === true
          ? 'unknown'
          : this.typeOf(extra as Schema, baseId, `${where}/additionalProperties`, indent);
      lines.push(`${indent}[key: string]: ${type};`);
    }
    return lines;
  }

  private objectType(schema: Schema, baseId: string, where: string, indent: string): string {
    const lines = this.members(schema, baseId, where, `${indent}  `);
    return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('\n')}\n${indent}}`;
  }
}

/** A `key: value` line, or two when longer than the print width (as prettier writes it). */
const wrapped = (head: string, tail: string) =>
  head.length + 1 + tail.length <= PRINT_WIDTH ? `${head} ${tail}` : `${head}\n    ${tail}`;

/** `Custom::CloudSSOUserProvision` -> `CloudSSOUserProvisionProps`. */
export function propsTypeName(rosType: string): string {
  return `${rosType.replace(/^Custom::/, '').replace(/[^A-Za-z0-9]/g, '')}Props`;
}

/**
 * The committed module: per custom type (a `Custom::*` schema in the registry) the type of its
 * `ResourceProperties` (the schema's `Parameters`), and a map from type name to that type and to
 * the schema's `$id`.
 */
export function renderPropsTypes(
  resourceSchemas: readonly ResourceSchema[],
  documents: readonly { $id: string }[],
): string {
  const converter = new Converter(new Resolver(documents));
  const custom = resourceSchemas.filter((s) => s.rosType.startsWith('Custom::'));
  const out = [
    '// Generated by scripts/generate-props-types.ts (npm run docs) from the Custom::* schemas in',
    '// schemas/resources; do not edit. test/scripts/props-types.test.ts checks it is current.',
  ];
  for (const schema of custom) {
    const parameters = schema.properties.Parameters as Schema | undefined;
    if (parameters === undefined) throw new Error(`${schema.$id}: no Parameters property`);
    const members = converter.members(parameters, schema.$id, `${schema.$id}#/properties/Parameters`, '  ');
    out.push(
      '',
      `/** \`ResourceProperties\` of ${schema.rosType}: the \`Parameters\` of its schema. */`,
      `export interface ${propsTypeName(schema.rosType)} {`,
      ...members,
      '}',
    );
  }
  out.push(
    '',
    '/** The properties of each custom type, by type name. */',
    'export interface CustomResourceProps {',
    ...custom.map((s) => `  '${s.rosType}': ${propsTypeName(s.rosType)};`),
    '}',
    '',
    'export type CustomResourceType = keyof CustomResourceProps;',
    '',
    '/** The schema each type is validated with (its `$id` in schemas/registry.ts). */',
    'export const CUSTOM_RESOURCE_SCHEMA_IDS: Readonly<Record<CustomResourceType, string>> = {',
    ...custom.map((s) => wrapped(`  '${s.rosType}':`, `'${s.$id}',`)),
    '};',
  );
  return `${out.join('\n')}\n`;
}
