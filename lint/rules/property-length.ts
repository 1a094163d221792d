import { defineSchemaRule } from './rule';

export default defineSchemaRule({
  id: 'property-length',
  defaultSeverity: 'error',
  description: 'String lengths and list sizes lie within their bounds.',
  keywords: ['minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems'],
});
