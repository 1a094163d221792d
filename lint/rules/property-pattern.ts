import { defineSchemaRule } from './rule';

export default defineSchemaRule({
  id: 'property-pattern',
  defaultSeverity: 'error',
  description:
    'String property values match their pattern, including patterns that depend on another property (PrincipalId must be g-… for a Group and u-… for a User).',
  keywords: ['pattern', 'format'],
});
