import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTRA_KEYWORDS } from '../../schemas/ajv-factory';
import { knownTypeNames, typeEntry } from '../../schemas/catalog';
import { bundledTypes } from '../../schemas/ros-spec/bundled';
import { validateSubset } from '../../schemas/ros-spec/subset-validator';
import { toResourceSchema } from '../../schemas/ros-spec/to-json-schema';

const ROOT = join(__dirname, '..', '..');
const spec = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/@alicloud/ros-cdk-spec/spec/specification_origin.json'), 'utf8'),
) as { ResourceTypes: Record<string, { Properties: Record<string, { UpdateAllowed?: boolean }> }> };
const specTypes = Object.keys(spec.ResourceTypes);

describe('generated ROS type definitions', () => {
  it('cover every type of the spec package, with its properties and updatability', () => {
    const generated = bundledTypes().types;
    expect(specTypes.length).toBe(408);
    for (const type of specTypes) {
      expect(generated[type], type).toBeDefined();
      const entry = typeEntry(type);
      if (entry?.provenance === 'project') continue; // hand-written here (ROS::CustomResource)
      expect(entry?.provenance, type).toBe('bundled');
      const props = spec.ResourceTypes[type].Properties;
      expect(Object.keys(entry?.schema.properties ?? {})).toEqual(Object.keys(props));
      const fixed = Object.entries(props)
        .filter(([, p]) => p.UpdateAllowed === false)
        .map(([name]) => `/${name}`);
      expect(entry?.schema.notUpdatableProperties).toEqual(fixed);
    }
  });

  it('keep facts only: no descriptions in the generated file', () => {
    const prose: string[] = [];
    const visit = (where: string, definition: Record<string, unknown>) => {
      if ('Description' in definition || 'SupportDriftDetection' in definition) prose.push(where);
      for (const [key, inner] of Object.entries((definition.Schema as Record<string, object>) ?? {}))
        visit(`${where}.${key}`, inner as Record<string, unknown>);
    };
    for (const [type, definition] of Object.entries(bundledTypes().types))
      for (const [name, property] of Object.entries(definition.Properties))
        visit(`${type}.${name}`, { ...property });
    expect(prose).toEqual([]);
    expect(JSON.stringify(bundledTypes()).length).toBeLessThan(700_000);
  });

  it('let the overlay add types the package lacks, and hand-written schemas win', () => {
    expect(typeEntry('ALIYUN::FC3::Function')?.provenance).toBe('overlay');
    expect(typeEntry('ALIYUN::FC3::Function')?.schema.required).toEqual([
      'FunctionName',
      'Handler',
      'Runtime',
    ]);
    expect(typeEntry('ALIYUN::CloudSSO::UserProvision')?.provenance).toBe('project');
    expect(typeEntry('ALIYUN::ROS::CustomResource')?.provenance).toBe('project');
    expect(typeEntry('Custom::Anything')?.schema.rosType).toBe('ALIYUN::ROS::CustomResource');
    expect(typeEntry('DATASOURCE::VPC::Vpcs')?.provenance).toBe('generic');
    expect(typeEntry('ALIYUN::Nope::Nothing')).toBeUndefined();
    expect(knownTypeNames()).toContain('ALIYUN::CloudSSO::UserProvision');
  });

  it('read booleans as ROS does: strings in any case, and a YAML boolean against True/False values', () => {
    const schema = toResourceSchema('ALIYUN::Test::T', {
      Properties: {
        Flag: { Type: 'boolean' },
        Switch: { Type: 'string', Constraints: [{ AllowedValues: ['True', 'False'] }] },
      },
    });
    expect(validateSubset(schema, { Flag: 'True', Switch: false })).toEqual([]);
    expect(validateSubset(schema, { Flag: 'FALSE', Switch: true })).toEqual([]);
    expect(validateSubset(schema, { Flag: 'yes', Switch: 'false' }).map((e) => e.keyword)).toEqual([
      'type',
      'enum',
    ]);
  });

  it('normalise Python-dialect patterns: anchored, {,n} rewritten, uncompilable ones listed as unchecked', () => {
    const schema = toResourceSchema('ALIYUN::Test::T', {
      Properties: {
        Code: { Type: 'string', Constraints: [{ AllowedPattern: '[a-z]{,3}' }] },
        Bad: { Type: 'string', Constraints: [{ AllowedPattern: '(?P<x>a' }] },
        Two: { Type: 'string', Constraints: [{ AllowedValues: [0, '0', 'a'] }, { AllowedValues: ['a'] }] },
      },
    });
    expect(validateSubset(schema, { Code: 'abc' })).toEqual([]);
    expect(validateSubset(schema, { Code: 'abcd' }).map((e) => e.keyword)).toEqual(['pattern']);
    expect(validateSubset(schema, { Code: 'xabc' }).map((e) => e.keyword)).toEqual(['pattern']);
    expect(schema.uncheckedPatterns).toEqual(['/Bad']);
    expect((schema.properties.Two as { enum: unknown[] }).enum).toEqual(['0', 'a']);
    expect(validateSubset(schema, { Two: 0 }).map((e) => e.keyword)).toEqual(['enum']);
  });
});

/** ajv with the options the subset validator mirrors; the reference it must agree with. */
const ajv = new Ajv2020({
  allErrors: true,
  coerceTypes: true,
  verbose: true,
  allowUnionTypes: true,
  strict: false,
  unicodeRegExp: false,
});
for (const keyword of EXTRA_KEYWORDS) ajv.addKeyword({ keyword });

/** `path keyword` of each error, leaving out what lies under a type error (ajv goes on there, we stop). */
function summary(errors: ReadonlyArray<{ instancePath: string; keyword: string }>): string[] {
  const typeFailures = errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath);
  return errors
    .filter((e) => e.keyword === 'type' || !typeFailures.some((p) => e.instancePath.startsWith(p)))
    .map((e) => `${e.instancePath} ${e.keyword}`)
    .sort();
}

describe('the subset validator', () => {
  // Every 4th type keeps this test to a few seconds; ajv compiles each schema by generating code.
  const sample = specTypes.filter((_, i) => i % 4 === 0 && typeEntry(specTypes[i])?.provenance === 'bundled');

  it('finds the same problems as ajv on random property values of real types', () => {
    let found = 0;
    for (const type of sample) {
      const schema = typeEntry(type)?.schema;
      if (!schema) throw new Error(type);
      const names = [...Object.keys(schema.properties), 'NotAProperty'];
      const validate = ajv.compile(schema);
      const value = fc.dictionary(fc.constantFrom(...names), fc.oneof(fc.jsonValue(), fc.constant('true')), {
        maxKeys: 6,
      });
      fc.assert(
        fc.property(value, (props) => {
          const ours = validateSubset(schema, structuredClone(props));
          validate(structuredClone(props));
          const reference = summary(validate.errors ?? []);
          expect(summary(ours), type).toEqual(reference);
          found += reference.length;
        }),
        { numRuns: 25, seed: 7 },
      );
    }
    expect(found).toBeGreaterThan(1000); // the random values do break the schemas
  });
});
