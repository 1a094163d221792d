import { asIntrinsic } from '../../template/intrinsics';
import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { addEdge, type Edge, findCycles } from './util/cycles';

// Locals are expanded into each other before the stack runs; a cycle never ends. The Locals doc
// allows nesting up to five levels and only Ref (or Fn::GetAtt of a DATASOURCE local) to refer
// to one (help.aliyun.com/en/ros/user-guide/local-variables-locals; iac-code's ROS4205).
export default defineRule({
  id: 'ref-locals-cycle',
  defaultSeverity: 'error',
  description: 'Locals must not refer to each other in a cycle, through Ref or Fn::GetAtt.',
  messages: { cycle: 'locals refer to each other in a cycle: {cycle}' },
  check({ template, report }) {
    const edges = new Map<string, Edge[]>();
    const visit = (from: string, node: unknown, pointer: string) => {
      const fn = asIntrinsic(node);
      if (fn) {
        const target =
          fn.fn === 'Ref'
            ? fn.args
            : fn.fn === 'Fn::GetAtt' && Array.isArray(fn.args)
              ? fn.args[0]
              : undefined;
        if (typeof target === 'string' && template.locals.has(target))
          addEdge(edges, from, { to: target, pointer: joinPointer(pointer, fn.fn) });
      }
      if (Array.isArray(node)) node.forEach((item, i) => visit(from, item, joinPointer(pointer, i)));
      else if (isMapping(node))
        for (const [key, value] of Object.entries(node)) visit(from, value, joinPointer(pointer, key));
    };
    for (const [name, local] of template.locals) visit(name, local, joinPointer('/Locals', name));
    for (const { path, pointer } of findCycles(template.locals.keys(), edges))
      report(pointer, 'cycle', { cycle: path.join(' → ') });
  },
});
