import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

const OUTPUT_KEYS = ['Value', 'Description', 'Condition', 'Label', 'NoEcho', 'Console.Url'];

export default defineRule({
  id: 'output-definition',
  defaultSeverity: 'error',
  description:
    'Each output is a mapping with a Value (except in a Terraform template, whose outputs come from Terraform) and only the keys ROS knows (Value, Description, Condition, Label, NoEcho, Console.Url).',
  messages: {
    notMapping: 'output {name} must be a mapping with a Value',
    missingValue: 'output {name} has no Value',
    unknownKey: 'unknown output key {key}{hint}',
  },
  check({ template, report }) {
    for (const [name, output] of template.outputs) {
      const base = joinPointer('/Outputs', name);
      if (!isMapping(output)) {
        report(base, 'notMapping', { name });
        continue;
      }
      // A Terraform template's outputs come from its `output` blocks; here they only get a label.
      if (!('Value' in output) && !template.isTerraform)
        report(base, 'missingValue', { name }, { blame: 'key' });
      for (const key of Object.keys(output)) {
        if (!OUTPUT_KEYS.includes(key))
          report(
            joinPointer(base, key),
            'unknownKey',
            { key, hint: suggestion(key, OUTPUT_KEYS) },
            { blame: 'key' },
          );
      }
    }
  },
});
