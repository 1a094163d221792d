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

/**
 * Keys of a parameter: the documented ones, then the console's (TextArea, Required, Placeholder,
 * ReadOnly: published templates use them, and the console adds new ones, so an unknown key is a
 * warning, not an error).
 */
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
  'ReadOnly',
];

/** Letters, digits, `_` and `-` (Terraform templates name parameters after their variables). */
export const PARAMETER_NAME = /^[A-Za-z0-9_-]+$/;

/** Numbers are often written as strings (`MinLength: "6"`); both count. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

export const STRING_TYPES = new Set(['String', 'CommaDelimitedList']);
