import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'resource-depends-on',
  defaultSeverity: 'error',
  description: 'Every DependsOn entry must name another resource of the template.',
  messages: {
    unknown: 'DependsOn names {name}, which is not a resource of this template{hint}',
    self: 'resource {name} depends on itself',
  },
  check({ template, report }) {
    for (const view of template.resourceViews()) {
      const deps = view.node.DependsOn;
      const list = typeof deps === 'string' ? [deps] : Array.isArray(deps) ? deps : [];
      list.forEach((dep, i) => {
        if (typeof dep !== 'string') return;
        const at =
          typeof deps === 'string'
            ? joinPointer(view.pointer, 'DependsOn')
            : joinPointer(view.pointer, 'DependsOn', i);
        if (dep === view.id) report(at, 'self', { name: dep });
        else if (!template.resources.has(dep))
          report(at, 'unknown', { name: dep, hint: suggestion(dep, template.resources.keys()) });
      });
    }
  },
});
