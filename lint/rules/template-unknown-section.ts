import { joinPointer } from '../../template/pointer';
import { MAPPING_SECTIONS, TOP_LEVEL_SECTIONS } from '../../template/sections';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'template-unknown-section',
  defaultSeverity: 'error',
  description: 'Top-level keys must be ROS template sections, and mapping sections must be mappings.',
  messages: {
    unknown: 'unknown top-level section {name}{hint}',
    notMapping: 'section {name} must be a mapping',
  },
  check({ template, report }) {
    for (const [name, value] of Object.entries(template.value)) {
      const pointer = joinPointer('', name);
      if (!TOP_LEVEL_SECTIONS.includes(name)) {
        report(pointer, 'unknown', { name, hint: suggestion(name, TOP_LEVEL_SECTIONS) }, { blame: 'key' });
      } else if (
        MAPPING_SECTIONS.includes(name) &&
        value !== null &&
        (typeof value !== 'object' || Array.isArray(value))
      ) {
        report(pointer, 'notMapping', { name });
      }
    }
  },
});
