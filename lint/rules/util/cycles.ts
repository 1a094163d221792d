/** A reference from one named entry to another, at `pointer` (where a cycle is reported). */
export interface Edge {
  to: string;
  pointer: string;
}

export interface Cycle {
  /** The entries in order, the first repeated at the end: `A → B → A`. */
  path: string[];
  /** The reference that closes the cycle. */
  pointer: string;
}

/**
 * Every cycle of a reference graph, each once (by its set of members), found by an iterative
 * depth-first search so that a deep chain cannot overflow the stack. Self-references count.
 */
export function findCycles(nodes: Iterable<string>, edges: ReadonlyMap<string, readonly Edge[]>): Cycle[] {
  const found: Cycle[] = [];
  const colour = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  for (const start of nodes) {
    if (colour.has(start)) continue;
    const path = [start];
    const stack = [{ node: start, next: 0 }];
    colour.set(start, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const out = edges.get(top.node) ?? [];
      if (top.next >= out.length) {
        colour.set(top.node, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const edge = out[top.next++];
      const state = colour.get(edge.to);
      if (state === undefined) {
        colour.set(edge.to, 'open');
        stack.push({ node: edge.to, next: 0 });
        path.push(edge.to);
      } else if (state === 'open') {
        const members = path.slice(path.indexOf(edge.to));
        const key = [...members].sort().join('\0');
        if (!reported.has(key)) {
          reported.add(key);
          found.push({ path: [...members, edge.to], pointer: edge.pointer });
        }
      }
    }
  }
  return found;
}

/** Adds an edge to a graph being built. */
export function addEdge(edges: Map<string, Edge[]>, from: string, edge: Edge): void {
  const list = edges.get(from);
  if (list) list.push(edge);
  else edges.set(from, [edge]);
}
