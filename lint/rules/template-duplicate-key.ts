import { splitPointer } from '../../template/pointer';
import { defineRule } from './rule';

// Whether ROS refuses a repeated key is not settled (its Python YAML loader keeps the last value
// without complaint), so this is a warning, and the rest of the file is linted with the last value.
export default defineRule({
  id: 'template-duplicate-key',
  defaultSeverity: 'warning',
  description:
    'A key must appear only once in a mapping: the template is read with the last value, and the earlier ones are silently lost.',
  messages: {
    duplicate: 'key {key} appears {count} times in this mapping; only the last value is used',
  },
  check({ template, report }) {
    for (const { pointer, count } of template.parsed.duplicateKeys) {
      const key = splitPointer(pointer).pop() ?? '';
      report(pointer, 'duplicate', { key, count }, { blame: 'key' });
    }
  },
});
