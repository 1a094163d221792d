import { defineSchemaRule } from './rule';

export default defineSchemaRule({
  id: 'property-required',
  defaultSeverity: 'error',
  description: 'Every property the resource type requires is present (checked against the schemas).',
  keywords: ['required'],
});
