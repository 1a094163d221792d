import { defineSchemaRule } from './rule';

export default defineSchemaRule({
  id: 'property-allowed-values',
  defaultSeverity: 'error',
  description:
    'Property values are among the values their schema allows, also when they come from a parameter (each AllowedValues entry and the Default) or from either branch of Fn::If.',
  keywords: ['enum', 'const'],
});
