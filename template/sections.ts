/** The top-level sections of a ROS template, in the order ROS documents them (docs/ros-protocol.md). */
export const TOP_LEVEL_SECTIONS: readonly string[] = [
  'ROSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Resources',
  'Outputs',
  'Rules',
  'Locals',
  'Transform',
  'Workspace',
];

/** Sections not required to be mappings: two scalars, Transform (a name or a list) and Workspace. */
const OTHER_SECTIONS = new Set(['ROSTemplateFormatVersion', 'Description', 'Transform', 'Workspace']);

/** The sections whose value must be a mapping. */
export const MAPPING_SECTIONS: readonly string[] = TOP_LEVEL_SECTIONS.filter((s) => !OTHER_SECTIONS.has(s));
