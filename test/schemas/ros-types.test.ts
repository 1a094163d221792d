import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTRA_KEYWORDS } from '../../schemas/ajv-factory';
import { existingOrKnownTypeNames, knownTypeNames, typeEntry } from '../../schemas/catalog';
import { bundledIndex, bundledType, bundledTypeNames, isExistingType } from '../../schemas/ros-spec/bundled';
import { validateSubset } from '../../schemas/ros-spec/subset-validator';
import { toResourceSchema } from '../../schemas/ros-spec/to-json-schema';

const ROOT = join(__dirname, '..', '..');
const DATA = join(ROOT, 'schemas', 'ros-types');
const spec = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/@alicloud/ros-cdk-spec/spec/specification_origin.json'), 'utf8'),
) as { ResourceTypes: Record<string, { Properties: Record<string, { UpdateAllowed?: boolean }> }> };
const specTypes = Object.keys(spec.ResourceTypes);
const bundled = bundledTypeNames().sort();

describe('the committed ROS type data', () => {
  it('keeps every type of the old specification, each with the package@version it came from', () => {
    expect(bundled.length).toBeGreaterThan(900);
    for (const type of specTypes) expect(bundledType(type), type).toBeDefined();
    for (const type of bundled)
      expect(bundledType(type)?.source, type).toMatch(/^@alicloud\/ros-cdk-[a-z0-9-]+@\d+\.\d+\.\d+$/);
    // Retired types (no CDK package has them any more) come from the old specification.
    expect(bundledType('ALIYUN::POLARDB::DBInstance')).toMatchObject({
      source: '@alicloud/ros-cdk-spec@1.0.13',
      retired: true,
    });
    expect(bundledType('ALIYUN::ECS::VPC')).toMatchObject({
      source: '@alicloud/ros-cdk-ecs@1.11.0',
      retired: false,
    });
    expect(bundledType('ALIYUN::SAE::Application')?.source).toBe('@alicloud/ros-cdk-sae@1.3.0');
    expect(bundledType('DATASOURCE::VPC::Vpcs')?.source).toBe('@alicloud/ros-cdk-vpc@1.11.0');
    const origins = bundledIndex().sources.map((s) => s.origin);
    expect(origins).toContain('npm registry');
    expect(origins.some((o) => o.includes('alibabacloud-go/ros-cdk at 11cf43d'))).toBe(true);
  });

  it('keeps UpdateAllowed: false from the old specification where the type and property still exist', () => {
    let checked = 0;
    for (const type of specTypes) {
      const entry = typeEntry(type);
      if (!entry || entry.provenance === 'project' || entry.provenance === 'overlay') continue;
      for (const [name, property] of Object.entries(spec.ResourceTypes[type].Properties)) {
        if (property.UpdateAllowed !== false || !(name in entry.schema.properties)) continue;
        expect(entry.schema.notUpdatableProperties, `${type}.${name}`).toContain(`/${name}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it('keeps facts only: no descriptions, small files, one per service package', () => {
    const prose: string[] = [];
    const visit = (where: string, node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, inner] of Object.entries(node)) {
        // Prose is a string under these keys; a property may itself be named Description.
        const flag = key === 'SupportDriftDetection' || key === 'SupportScratchDetection';
        if (flag || ((key === 'Description' || key === 'Documentation') && typeof inner === 'string'))
          prose.push(`${where}.${key}`);
        if (key !== 'AllowedValues') visit(`${where}.${key}`, inner);
      }
    };
    const files = readdirSync(DATA).filter((f) => f.endsWith('.json'));
    let total = 0;
    for (const file of files) {
      const text = readFileSync(join(DATA, file), 'utf8');
      total += text.length;
      if (file !== 'index.json' && file !== 'existing-types.json') {
        visit(file, (JSON.parse(text) as { types: object }).types);
        expect(text.length, file).toBeLessThan(150_000);
      }
    }
    expect(prose).toEqual([]);
    expect(readFileSync(join(DATA, 'index.json'), 'utf8').length).toBeLessThan(80_000);
    expect(total).toBeLessThan(1_500_000);
  });

  it('settles what the old specification got wrong on the official templates', () => {
    const properties = (type: string) =>
      typeEntry(type)?.schema.properties as Record<string, Record<string, unknown>>;
    const sae = properties('ALIYUN::SAE::Application');
    for (const name of ['AutoConfig', 'NasConfigs', 'ProgrammingLanguage'])
      expect(sae[name], name).toBeDefined();
    expect(properties('ALIYUN::GPDB::DBInstance').DBInstanceMode).toBeDefined();
    expect(typeEntry('ALIYUN::GPDB::DBInstance')?.schema.required ?? []).not.toContain(
      'DBInstanceGroupCount',
    );
    expect(properties('ALIYUN::OSS::Bucket').RedundancyType).toBeDefined();
    expect(properties('ALIYUN::ROS::AutoEnableService').ServiceName.enum).toContain('CDN');
    expect(properties('ALIYUN::RDS::DBInstance').Category.enum).toBeUndefined();
    expect(properties('ALIYUN::RDS::DBInstance').ReleasedKeepPolicy.enum).toContain('None');
    expect(typeEntry('ALIYUN::ECS::RunCommand')?.schema.attributes).toContain('InvokeResults');
    expect(typeEntry('ALIYUN::ECS::VPC')?.schema.attributes).toContain('VpcName');
    // Attribute names a newer type list adds to an older CDK package's.
    expect(typeEntry('ALIYUN::ROCKETMQ5::Instance')?.schema.attributes).toEqual(
      expect.arrayContaining(['UserName', 'Password']),
    );
    // integer where the old specification said so (the CDK only says number).
    expect(properties('ALIYUN::ECS::RunCommand').Timeout.type).toBe('integer');
  });

  it('knows the official type list, so a type that exists without a definition is not "unknown"', () => {
    expect(isExistingType('ALIYUN::ACS::ApplicationPod')).toBe(true);
    expect(bundledType('ALIYUN::ACS::ApplicationPod')).toBeUndefined();
    expect(isExistingType('ALIYUN::Nope::Nothing')).toBe(false);
    expect(existingOrKnownTypeNames()).toEqual(
      expect.arrayContaining(['ALIYUN::ACS::ApplicationPod', 'ALIYUN::ECS::VPC']),
    );
  });

  it('puts hand-written schemas first, then the overlay, then the bundled data', () => {
    expect(typeEntry('ALIYUN::FC3::Function')).toMatchObject({
      provenance: 'overlay',
      staleSource: undefined,
    });
    expect(typeEntry('ALIYUN::FC3::Function')?.schema.required).toEqual([
      'FunctionName',
      'Handler',
      'Runtime',
    ]);
    expect(typeEntry('ALIYUN::CloudSSO::UserProvision')?.provenance).toBe('project');
    expect(typeEntry('ALIYUN::ROS::CustomResource')?.provenance).toBe('project');
    expect(typeEntry('Custom::Anything')?.schema.rosType).toBe('ALIYUN::ROS::CustomResource');
    expect(typeEntry('ALIYUN::ECS::VPC')).toMatchObject({
      provenance: 'cdk',
      staleSource: '@alicloud/ros-cdk-ecs@1.11.0',
    });
    expect(typeEntry('ALIYUN::POLARDB::DBInstance')).toMatchObject({
      provenance: 'spec',
      staleSource: '@alicloud/ros-cdk-spec@1.0.13',
    });
    expect(typeEntry('DATASOURCE::VPC::Vpcs')?.provenance).toBe('cdk');
    expect(typeEntry('DATASOURCE::Nope::Things')?.provenance).toBe('generic');
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
  // Every 8th type keeps this test to a few seconds; ajv compiles each schema by generating code.
  const sample = bundled.filter((type, i) => i % 8 === 0 && typeEntry(type)?.staleSource !== undefined);

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
