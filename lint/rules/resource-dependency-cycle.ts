import { defineRule } from './rule';
import { addEdge, type Edge, findCycles } from './util/cycles';
import { resourceReferences } from '../../template/references';

export default defineRule({
  id: 'resource-dependency-cycle',
  defaultSeverity: 'error',
  description:
    'Resources must not depend on each other in a cycle, through DependsOn, Ref, Fn::GetAtt or Fn::Sub.',
  messages: { cycle: 'dependency cycle: {cycle}' },
  check({ template, report }) {
    const edges = new Map<string, Edge[]>();
    for (const ref of resourceReferences(template)) {
      if (ref.from === ref.to) continue; // resource-depends-on and ref rules report self-references
      addEdge(edges, ref.from, { to: ref.to, pointer: ref.pointer });
    }
    for (const { path, pointer } of findCycles(template.resources.keys(), edges))
      report(pointer, 'cycle', { cycle: path.join(' → ') });
  },
});
