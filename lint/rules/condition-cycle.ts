import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { addEdge, type Edge, findCycles } from './util/cycles';

/**
 * The conditions an expression builds on, as iac-code reads them: `{Condition: Name}`, a name
 * given as an operand of Fn::And / Fn::Or / Fn::Not, and the first argument of Fn::If.
 */
function conditionReferences(node: unknown, pointer: string, out: Array<{ name: string; pointer: string }>) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => conditionReferences(item, joinPointer(pointer, i), out));
    return;
  }
  if (!isMapping(node)) return;
  const keys = Object.keys(node);
  if (keys.length !== 1) return;
  const [fn] = keys;
  const args = node[fn];
  const at = joinPointer(pointer, fn);
  if (fn === 'Condition' && typeof args === 'string') {
    out.push({ name: args, pointer: at });
  } else if (fn === 'Fn::And' || fn === 'Fn::Or' || fn === 'Fn::Not') {
    const operands = Array.isArray(args) ? args : [args];
    operands.forEach((item, i) => {
      const itemPointer = Array.isArray(args) ? joinPointer(at, i) : at;
      if (typeof item === 'string') out.push({ name: item, pointer: itemPointer });
      else conditionReferences(item, itemPointer, out);
    });
  } else if (fn === 'Fn::If' && Array.isArray(args)) {
    if (typeof args[0] === 'string') out.push({ name: args[0], pointer: joinPointer(at, 0) });
    args.slice(1).forEach((item, i) => conditionReferences(item, joinPointer(at, i + 1), out));
  } else {
    conditionReferences(args, at, out);
  }
}

// A condition that depends on itself has no value: ROS cannot evaluate it (iac-code's ROS4004).
export default defineRule({
  id: 'condition-cycle',
  defaultSeverity: 'error',
  description:
    'Conditions must not build on each other in a cycle (through Condition, Fn::And/Or/Not operands or Fn::If).',
  messages: { cycle: 'conditions build on each other in a cycle: {cycle}' },
  check({ template, report }) {
    const edges = new Map<string, Edge[]>();
    for (const [name, expression] of template.conditions) {
      const refs: Array<{ name: string; pointer: string }> = [];
      conditionReferences(expression, joinPointer('/Conditions', name), refs);
      for (const ref of refs) {
        if (template.conditions.has(ref.name)) addEdge(edges, name, { to: ref.name, pointer: ref.pointer });
      }
    }
    for (const { path, pointer } of findCycles(template.conditions.keys(), edges))
      report(pointer, 'cycle', { cycle: path.join(' → ') });
  },
});
