/** A `${…}` reference inside an `Fn::Sub` string, with its offset in that string. */
export interface SubVariable {
  name: string;
  offset: number;
}

/** Variables of an `Fn::Sub` string; `${!Literal}` is an escape, not a variable. */
export function subVariables(text: string): SubVariable[] {
  const out: SubVariable[] = [];
  const re = /\$\{([^}]*)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1].trim();
    if (!name.startsWith('!')) out.push({ name, offset: m.index });
  }
  return out;
}

/** The Sub string and the variable map of `Fn::Sub` arguments (`"s"` or `["s", {…}]`). */
export function subParts(
  args: unknown,
): { text: string; vars: Record<string, unknown>; textPointer: string } | undefined {
  if (typeof args === 'string') return { text: args, vars: {}, textPointer: '' };
  if (Array.isArray(args) && typeof args[0] === 'string') {
    const vars =
      args[1] !== null && typeof args[1] === 'object' && !Array.isArray(args[1])
        ? (args[1] as Record<string, unknown>)
        : {};
    return { text: args[0], vars, textPointer: '/0' };
  }
  return undefined;
}
