import { defineSchemaRule } from './rule';

export default defineSchemaRule({
  id: 'property-range',
  defaultSeverity: 'error',
  description: 'Numeric property values lie within their minimum and maximum.',
  keywords: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
});
