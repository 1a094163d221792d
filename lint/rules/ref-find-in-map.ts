import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'ref-find-in-map',
  defaultSeverity: 'error',
  description:
    'Fn::FindInMap must name a mapping of the Mappings section and, where the keys are literal, keys that exist in it.',
  messages: {
    unknownMap: 'Fn::FindInMap names mapping {name}, which is not in Mappings{hint}',
    unknownKey: 'mapping {map} has no key {key}{hint}',
  },
  check({ template, report }) {
    for (const use of template.intrinsics()) {
      if (use.fn !== 'Fn::FindInMap' || !Array.isArray(use.args)) continue;
      const [map, top, second] = use.args;
      const at = (i: number) => joinPointer(use.pointer, 'Fn::FindInMap', i);
      if (typeof map !== 'string') continue;
      const mapping = template.mappings.get(map);
      if (mapping === undefined) {
        report(at(0), 'unknownMap', { name: map, hint: suggestion(map, template.mappings.keys()) });
        continue;
      }
      if (!isMapping(mapping) || (typeof top !== 'string' && typeof top !== 'number')) continue;
      const topKey = String(top);
      const inner = mapping[topKey];
      if (!Object.hasOwn(mapping, topKey)) {
        report(at(1), 'unknownKey', { map, key: topKey, hint: suggestion(topKey, Object.keys(mapping)) });
        continue;
      }
      if (!isMapping(inner) || (typeof second !== 'string' && typeof second !== 'number')) continue;
      const secondKey = String(second);
      if (!Object.hasOwn(inner, secondKey)) {
        report(at(2), 'unknownKey', {
          map: `${map}.${topKey}`,
          key: secondKey,
          hint: suggestion(secondKey, Object.keys(inner)),
        });
      }
    }
  },
});
