import { joinPointer } from '../../template/pointer';
import { defineRule, staleness } from './rule';
import { hasAttribute, knownAttributes } from './util/attributes';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'ref-getatt',
  defaultSeverity: 'error',
  description:
    'Fn::GetAtt must name a resource of the template (inside Locals, also a DATASOURCE:: entry of Locals) and, where its schema lists them, one of its attributes.',
  messages: {
    unknownResource: 'Fn::GetAtt names {name}, which is not a resource of this template{hint}',
    localOutsideLocals:
      'Fn::GetAtt names {name}, a data source of Locals: its attributes can be read only inside Locals; declare a Local whose Value reads it, and Ref that',
    unknownAttribute: '{type} has no attribute {attribute}; it has {known}{hint}{stale}',
  },
  check({ template, report }) {
    for (const use of template.intrinsics()) {
      if (use.fn !== 'Fn::GetAtt' || !Array.isArray(use.args)) continue;
      const [resource, attribute] = use.args;
      if (typeof resource !== 'string') continue;
      if (!template.resources.has(resource) && template.isDataSourceLocal(resource)) {
        // A data source declared in Locals has attributes, which other Locals may read.
        if (!use.pointer.startsWith('/Locals/'))
          report(joinPointer(use.pointer, 'Fn::GetAtt', 0), 'localOutsideLocals', { name: resource });
        continue;
      }
      if (!template.resources.has(resource)) {
        const hint = suggestion(resource, template.resources.keys());
        report(joinPointer(use.pointer, 'Fn::GetAtt', 0), 'unknownResource', { name: resource, hint });
        continue;
      }
      const known = knownAttributes(template, resource);
      if (!known || typeof attribute !== 'string' || hasAttribute(known, attribute)) continue;
      const type = String((template.resources.get(resource) as { Type: string }).Type);
      const { suffix: stale, options } = staleness(known);
      report(
        joinPointer(use.pointer, 'Fn::GetAtt', 1),
        'unknownAttribute',
        {
          type,
          attribute,
          known: known.names.join(', ') || 'none',
          hint: suggestion(attribute, known.names),
          stale,
        },
        options,
      );
    }
  },
});
