import { PSEUDO_PARAMETERS } from '../../template/intrinsics';
import { joinPointer } from '../../template/pointer';
import { defineRule, staleness } from './rule';
import { hasAttribute, knownAttributes } from './util/attributes';
import { suggestion } from './util/did-you-mean';
import { subParts, subVariables } from '../../template/sub-variables';

export default defineRule({
  id: 'ref-sub-variable',
  defaultSeverity: 'error',
  description:
    'Each variable of Fn::Sub must be a key of its variable map, a parameter, a resource or a pseudo parameter; Resource.Attribute must name a resource and a known attribute. Locals cannot be used there.',
  messages: {
    unknown: 'Fn::Sub variable {name} is not a variable, parameter, resource or pseudo parameter{hint}',
    local:
      'Fn::Sub variable {name} names a Locals entry; Fn::Sub cannot read locals, use Ref or Fn::Join instead',
    unknownResource:
      'Fn::Sub variable {name} names {resource}, which is not a resource of this template{hint}',
    unknownAttribute: 'Fn::Sub variable {name}: {resource} has no attribute {attribute}{hint}{stale}',
  },
  check({ template, report }) {
    for (const use of template.intrinsics()) {
      if (use.fn !== 'Fn::Sub') continue;
      const parts = subParts(use.args);
      if (!parts) continue;
      const at = joinPointer(use.pointer, 'Fn::Sub') + parts.textPointer;
      const seen = new Set<string>(); // a name used twice in one string is one finding
      for (const { name } of subVariables(parts.text)) {
        if (Object.hasOwn(parts.vars, name) || seen.has(name)) continue;
        seen.add(name);
        const dot = name.indexOf('.');
        if (dot === -1) {
          if (template.locals.has(name) && !template.isParameter(name)) report(at, 'local', { name });
          else if (!template.isRefTarget(name)) {
            const all = [
              ...Object.keys(parts.vars),
              ...template.parameters.keys(),
              ...template.terraformVariables,
              ...template.resources.keys(),
              ...PSEUDO_PARAMETERS,
            ];
            report(at, 'unknown', { name, hint: suggestion(name, all) });
          }
          continue;
        }
        const resource = name.slice(0, dot);
        const attribute = name.slice(dot + 1);
        if (PSEUDO_PARAMETERS.includes(name) || template.isParameter(name)) continue;
        if (!template.resources.has(resource)) {
          report(at, 'unknownResource', {
            name,
            resource,
            hint: suggestion(resource, template.resources.keys()),
          });
          continue;
        }
        const known = knownAttributes(template, resource);
        if (known && !hasAttribute(known, attribute)) {
          const { suffix: stale, options } = staleness(known);
          const hint = suggestion(attribute, known.names);
          report(at, 'unknownAttribute', { name, resource, attribute, hint, stale }, options);
        }
      }
    }
  },
});
