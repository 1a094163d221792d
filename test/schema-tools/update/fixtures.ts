import { readFileSync } from 'node:fs';
import type { FakeType } from './fake-ros';

/** Real definitions, as GetResourceType serves them, from the bundled spec package (NPM-SPEC). */
const spec = JSON.parse(
  readFileSync(require.resolve('@alicloud/ros-cdk-spec/spec/specification_origin.json'), 'utf8'),
) as {
  ResourceTypes: Record<string, { Properties: Record<string, unknown>; Attributes: Record<string, unknown> }>;
};

const REAL = [
  'ALIYUN::ECS::VPC',
  'ALIYUN::FC::Function',
  'ALIYUN::FC::Service',
  'ALIYUN::RAM::Role',
  'ALIYUN::ROS::CustomResource',
  'ALIYUN::ROS::WaitConditionHandle',
] as const;

const string = (description: string, extra: Record<string, unknown> = {}) => ({
  Type: 'string',
  Description: description,
  Required: false,
  UpdateAllowed: true,
  Immutable: false,
  ...extra,
});

/** Newer than the spec package: shaped like its entries. */
const SYNTHETIC: Record<string, FakeType> = {
  'ALIYUN::FC3::Function': {
    EntityType: 'Resource',
    Description: 'Creates a function (FC 3.0).',
    Properties: {
      FunctionName: string('The function name.', { Required: true, UpdateAllowed: false }),
      Runtime: string('The runtime.', {
        Required: true,
        Constraints: [{ AllowedValues: ['nodejs20', 'python3.10'] }],
      }),
      Handler: string('The handler.', { Required: true }),
      MemorySize: { Type: 'integer', Description: 'MB.', Required: false, UpdateAllowed: true, Default: 512 },
    },
    Attributes: { FunctionName: { Description: 'The function name.' }, FunctionArn: { Description: 'ARN.' } },
  },
  'ALIYUN::FC3::Trigger': {
    EntityType: 'Resource',
    Properties: {
      FunctionName: string('The function.', { Required: true, UpdateAllowed: false }),
      TriggerType: string('The type.', { Required: true, UpdateAllowed: false }),
    },
    Attributes: { TriggerName: { Description: 'The trigger name.' } },
  },
  'DATASOURCE::VPC::Vpcs': {
    EntityType: 'DataSource',
    Properties: {
      VpcName: string('Filter by name.'),
      RefreshOptions: string('When to refresh.', {
        Default: 'Never',
        Constraints: [{ AllowedValues: ['Always', 'Never'] }],
      }),
    },
    Attributes: { VpcIds: { Description: 'The VPC IDs.' }, Vpcs: { Description: 'The VPCs.' } },
  },
  'MODULE::ACS::Demo': {
    EntityType: 'Module',
    Properties: { Name: string('A module parameter.') },
    Attributes: { Out: { Description: 'A module output.' } },
  },
};

/** A few plain types, so that runs have enough work to interrupt. */
function generated(count: number): Record<string, FakeType> {
  const out: Record<string, FakeType> = {};
  for (let i = 1; i <= count; i++)
    out[`ALIYUN::GEN::Type${String(i).padStart(2, '0')}`] = {
      EntityType: 'Resource',
      Properties: { Name: string(`Name of generated type ${i}.`, { Required: true }) },
      Attributes: { Id: { Description: 'The ID.' } },
    };
  return out;
}

export const TYPES: Readonly<Record<string, FakeType>> = {
  ...Object.fromEntries(
    REAL.map((name) => {
      const entry = spec.ResourceTypes[name];
      if (entry === undefined) throw new Error(`${name} is not in the spec package`);
      return [name, { EntityType: 'Resource' as const, ...entry }];
    }),
  ),
  ...SYNTHETIC,
  ...generated(10),
};

export const TYPE_NAMES: readonly string[] = Object.keys(TYPES).sort();
