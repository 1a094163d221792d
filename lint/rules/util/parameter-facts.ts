/** Facts about template Parameters (ros-protocol.md §2.2), shared by the parameter rules. */
export const PARAMETER_TYPES = [
  'String',
  'Number',
  'CommaDelimitedList',
  'Json',
  'Boolean',
  'ALIYUN::OOS::Parameter::Value',
  'ALIYUN::OOS::SecretParameter::Value',
];

export const PARAMETER_KEYS = [
  'Type',
  'Default',
  'AllowedValues',
  'AllowedPattern',
  'MinLength',
  'MaxLength',
  'MinValue',
  'MaxValue',
  'NoEcho',
  'Confirm',
  'Description',
  'ConstraintDescription',
  'Label',
  'AssociationProperty',
  'AssociationPropertyMetadata',
  'TextArea',
  'Required',
  'Placeholder',
];

/** Numbers are often written as strings (`MinLength: "6"`); both count. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

export const STRING_TYPES = new Set(['String', 'CommaDelimitedList']);
