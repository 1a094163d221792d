import { defineSchemaRule } from './rule';

export default defineSchemaRule({
  id: 'property-type',
  defaultSeverity: 'error',
  description:
    'Property values have the type their schema gives (string, number, integer, boolean, list, mapping); numbers written as strings are accepted where ROS accepts them.',
  keywords: ['type'],
});
