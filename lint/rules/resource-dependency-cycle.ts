import { defineRule } from './rule';
import { resourceReferences } from './util/references';

export default defineRule({
  id: 'resource-dependency-cycle',
  defaultSeverity: 'error',
  description:
    'Resources must not depend on each other in a cycle, through DependsOn, Ref, Fn::GetAtt or Fn::Sub.',
  messages: { cycle: 'dependency cycle: {cycle}' },
  check({ template, report }) {
    const edges = new Map<string, Array<{ to: string; pointer: string }>>();
    for (const ref of resourceReferences(template)) {
      if (ref.from === ref.to) continue; // resource-depends-on and ref rules report self-references
      const list = edges.get(ref.from) ?? [];
      edges.set(ref.from, list);
      list.push({ to: ref.to, pointer: ref.pointer });
    }
    // Iterative DFS with colours; each back edge closes one cycle, reported once by its member set.
    const colour = new Map<string, 1 | 2>();
    const reported = new Set<string>();
    for (const start of template.resources.keys()) {
      if (colour.has(start)) continue;
      const path: string[] = [];
      const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
      colour.set(start, 1);
      path.push(start);
      while (stack.length) {
        const top = stack[stack.length - 1];
        const out = edges.get(top.node) ?? [];
        if (top.next >= out.length) {
          colour.set(top.node, 2);
          stack.pop();
          path.pop();
          continue;
        }
        const edge = out[top.next++];
        const state = colour.get(edge.to);
        if (state === undefined) {
          colour.set(edge.to, 1);
          stack.push({ node: edge.to, next: 0 });
          path.push(edge.to);
        } else if (state === 1) {
          const cycle = path.slice(path.indexOf(edge.to));
          const key = [...cycle].sort().join('\0');
          if (!reported.has(key)) {
            reported.add(key);
            report(edge.pointer, 'cycle', { cycle: [...cycle, edge.to].join(' → ') });
          }
        }
      }
    }
  },
});
