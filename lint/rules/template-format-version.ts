import { defineRule } from './rule';

const VERSION = '2015-09-01';

export default defineRule({
  id: 'template-format-version',
  defaultSeverity: 'error',
  description: 'ROSTemplateFormatVersion is required and must be 2015-09-01 (quoted or not).',
  messages: {
    missing: 'ROSTemplateFormatVersion is missing; add ROSTemplateFormatVersion: "2015-09-01"',
    wrong: 'ROSTemplateFormatVersion must be "2015-09-01", not {value}',
  },
  check({ template, report }) {
    const value = template.value.ROSTemplateFormatVersion;
    if (value === undefined) return report('', 'missing');
    // An unquoted 2015-09-01 is a YAML 1.1 timestamp; accept it in whatever form a loader gave.
    // A list or mapping is wrong even when its text would read 2015-09-01.
    const text =
      value instanceof Date
        ? value.toISOString().slice(0, 10)
        : typeof value === 'string'
          ? value
          : undefined;
    if (text !== VERSION) report('/ROSTemplateFormatVersion', 'wrong', { value: JSON.stringify(value) });
  },
});
