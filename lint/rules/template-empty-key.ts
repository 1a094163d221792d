import { isMapping } from '../template/model';
import { joinPointer } from '../template/pointer';
import { defineRule } from './rule';

// js-yaml reads `: value` with nothing before the colon as the key "null"; PyYAML (pure and
// libyaml loaders alike, measured with PyYAML 6.0.3) refuses it: "while parsing a block mapping".
// ROS reads templates with a Python YAML loader (iac-code's parser), so it rejects the template.
export default defineRule({
  id: 'template-empty-key',
  defaultSeverity: 'error',
  description:
    'Every mapping key must be written: `: value` with no key (an output without a name, say) is refused by the Python YAML loader ROS uses.',
  messages: {
    empty:
      'the key before this value is empty; the Python YAML loader ROS uses refuses a mapping key left empty',
  },
  check({ template, report }) {
    const visit = (node: unknown, pointer: string) => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => visit(item, joinPointer(pointer, i)));
      } else if (isMapping(node)) {
        // js-yaml constructs an empty key as "null", while the position index files it under the
        // empty token (`…/`): an empty key is a "null" key with an indexed `…/` and no '' key.
        const empty = `${pointer}/`;
        if ('null' in node && !('' in node) && template.parsed.has(empty)) report(empty, 'empty');
        for (const [key, value] of Object.entries(node)) visit(value, joinPointer(pointer, key));
      }
    };
    visit(template.value, '');
  },
});
