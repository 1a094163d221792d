import { subParts, subVariables } from '../../template/sub-variables';
import { asIntrinsic, looksLikeFunction } from '../../template/intrinsics';
import { isMapping, type ResourceView, type TemplateModel } from '../../template/model';
import { joinPointer, splitPointer } from '../../template/pointer';
import { childAt, childKeys } from './sites';
import { type Consequence, type FactsLookup, type UpdateFacts, updateFacts } from './facts';

/**
 * What changing a parameter can do through one use: `replace` or `refuse` (it reaches a property
 * that cannot be updated), `exists` (it decides whether a resource exists, or how many), `unknown`
 * (it reaches a resource whose type has no update facts).
 */
export type Effect = Consequence | 'exists' | 'unknown';

/**
 * `definite`: the property follows the parameter; `conditional`: only when a Condition selects
 * that path, or when the condition's value flips; `uncertain`: an expression builds the enclosing
 * value, so the property may or may not change.
 */
export type Certainty = 'definite' | 'conditional' | 'uncertain';

export interface Reach {
  parameter: string;
  /** Source node where the flow arrives (inside an `Fn::If` branch when it goes through one). */
  pointer: string;
  /** The property as a stack sees it: `Resources.X.Properties.Parameters.TargetId`. */
  target: string;
  effect: Effect;
  certainty: Certainty;
  /** Functions and conditions from the property down to the parameter, outermost first. */
  via: string[];
}

const RANK: Record<Certainty, number> = { definite: 0, conditional: 1, uncertain: 2 };
const weaker = (a: Certainty, b: Certainty): Certainty => (RANK[a] >= RANK[b] ? a : b);

interface Walk {
  certainty: Certainty;
  via: readonly string[];
  /** Locals and conditions already on the path (cycles are other rules' business). */
  seen: ReadonlySet<string>;
}

/** The functions whose arguments may be `{ Condition: Name }` (ros-protocol.md §2.4). */
const CONDITION_FUNCTIONS = new Set(['Fn::And', 'Fn::Or', 'Fn::Not']);

type Emit = (parameter: string, certainty: Certainty, via: readonly string[]) => void;

/** Finds the parameters an expression's value depends on, through every function. */
class ParameterFinder {
  constructor(private readonly model: TemplateModel) {}

  expression(node: unknown, walk: Walk, emit: Emit): void {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) this.expression(item, walk, emit);
      return;
    }
    const fn = asIntrinsic(node);
    if (!fn) {
      for (const value of Object.values(node)) this.expression(value, walk, emit);
      return;
    }
    const inner = { ...walk, via: [...walk.via, fn.fn] };
    if (fn.fn === 'Fn::GetAtt') return; // a resource's attribute, not a parameter
    if (fn.fn === 'Ref') this.ref(fn.args, inner, emit);
    else if (fn.fn === 'Fn::Sub') this.sub(fn.args, inner, emit);
    else if (fn.fn === 'Fn::If' && Array.isArray(fn.args) && fn.args.length === 3) {
      this.condition(fn.args[0], inner, emit);
      const branch = { ...inner, certainty: weaker(walk.certainty, 'conditional') };
      this.expression(fn.args[1], branch, emit);
      this.expression(fn.args[2], branch, emit);
    } else this.expression(fn.args, inner, emit);
  }

  /** The parameters a named condition reads, including through the conditions it names. */
  condition(name: unknown, walk: Walk, emit: Emit): void {
    const key = `Condition ${String(name)}`;
    if (typeof name !== 'string' || walk.seen.has(key) || !this.model.conditions.has(name)) return;
    const inner: Walk = {
      certainty: weaker(walk.certainty, 'conditional'),
      via: [...walk.via, key],
      seen: new Set([...walk.seen, key]),
    };
    this.conditionExpression(this.model.conditions.get(name), inner, emit);
  }

  /** Like `expression`, plus `{ Condition: Name }`, by which a condition uses another. */
  private conditionExpression(node: unknown, walk: Walk, emit: Emit): void {
    if (isMapping(node) && Object.keys(node).length === 1 && typeof node.Condition === 'string') {
      this.condition(node.Condition, walk, emit);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) this.conditionExpression(item, walk, emit);
      return;
    }
    const fn = asIntrinsic(node);
    if (!fn || !CONDITION_FUNCTIONS.has(fn.fn)) {
      this.expression(node, walk, emit);
      return;
    }
    const inner = { ...walk, via: [...walk.via, fn.fn] };
    for (const arg of Array.isArray(fn.args) ? fn.args : [fn.args])
      this.conditionExpression(arg, inner, emit);
  }

  private ref(name: unknown, walk: Walk, emit: Emit): void {
    if (typeof name !== 'string') return;
    if (this.model.parameters.has(name)) emit(name, walk.certainty, walk.via);
    else if (this.model.locals.has(name) && !walk.seen.has(`Locals.${name}`)) {
      const key = `Locals.${name}`;
      const inner = { ...walk, via: [...walk.via, key], seen: new Set([...walk.seen, key]) };
      this.expression(this.model.locals.get(name), inner, emit);
    }
  }

  /** `${Name}` in the string: a variable of the map, else a parameter (`${R.Attr}` is a resource's). */
  private sub(args: unknown, walk: Walk, emit: Emit): void {
    const parts = subParts(args);
    if (!parts) {
      this.expression(args, walk, emit);
      return;
    }
    for (const { name } of subVariables(parts.text)) {
      if (Object.hasOwn(parts.vars, name)) this.expression(parts.vars[name], walk, emit);
      else if (this.model.parameters.has(name)) emit(name, walk.certainty, walk.via);
    }
  }
}

const logicalName = (tokens: readonly string[]) => tokens.join('.');

/**
 * Every way a parameter reaches something that a stack update cannot simply change: a property
 * that cannot be updated (through any function, `Fn::If` branches and their conditions included),
 * a resource's `Condition` or `Count`, or a resource of a type with no update facts.
 */
export function parameterReaches(model: TemplateModel, factsOf: FactsLookup = updateFacts): Reach[] {
  const finder = new ParameterFinder(model);
  const found = new Map<string, Reach>();
  const add = (reach: Reach) => {
    const key = `${reach.parameter}\0${reach.pointer}\0${reach.effect}`;
    const known = found.get(key);
    if (!known || RANK[reach.certainty] < RANK[known.certainty]) found.set(key, reach);
  };
  const start: Walk = { certainty: 'definite', via: [], seen: new Set() };
  for (const view of model.resourceViews()) {
    const emitter =
      (pointer: string, target: string, effect: Effect, floor: Certainty = 'definite'): Emit =>
      (parameter, certainty, via) =>
        add({ parameter, pointer, target, effect, certainty: weaker(certainty, floor), via: [...via] });
    const existence = emitter(joinPointer(view.pointer, 'Condition'), `Resources.${view.id}`, 'exists');
    finder.condition(view.node.Condition, start, existence);
    const count = joinPointer(view.pointer, 'Count');
    finder.expression(
      view.node.Count,
      start,
      emitter(count, `Resources.${view.id}.Count`, 'exists', 'conditional'),
    );
    reachProperties(view, view.type ? factsOf(view.type) : undefined, finder, start, emitter);
  }
  return [...found.values()].sort(
    (a, b) =>
      (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0) ||
      (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0),
  );
}

type Emitter = (pointer: string, target: string, effect: Effect, floor?: Certainty) => Emit;

/** Follows each non-updatable pointer pattern into the resource's Properties and collects what feeds it. */
function reachProperties(
  view: ResourceView,
  facts: UpdateFacts | undefined,
  finder: ParameterFinder,
  start: Walk,
  emitter: Emitter,
): void {
  const propertiesAt = joinPointer(view.pointer, 'Properties');
  const logicalBase = ['Resources', view.id, 'Properties'];
  if (!facts) {
    const target = logicalName(logicalBase);
    finder.expression(view.node.Properties, start, emitter(propertiesAt, target, 'unknown', 'uncertain'));
    return;
  }
  for (const pattern of facts.pointers) {
    const tokens = splitPointer(pattern);
    const effect = facts.consequenceOf(pattern);
    // `conditions`: Fn::If tests met above the property; they decide which branch supplies it.
    const follow = (
      node: unknown,
      i: number,
      at: string,
      logical: string[],
      walk: Walk,
      conditions: Array<{ name: unknown; walk: Walk }>,
    ): void => {
      if (node === undefined) return;
      const fn = asIntrinsic(node);
      if (i < tokens.length && fn?.fn === 'Fn::If' && Array.isArray(fn.args) && fn.args.length === 3) {
        const inner: Walk = {
          ...walk,
          certainty: weaker(walk.certainty, 'conditional'),
          via: [...walk.via, 'Fn::If'],
        };
        const tests = [...conditions, { name: fn.args[0], walk: inner }];
        const base = joinPointer(at, 'Fn::If');
        follow(fn.args[1], i, joinPointer(base, 1), logical, inner, tests);
        follow(fn.args[2], i, joinPointer(base, 2), logical, inner, tests);
        return;
      }
      const leaf = i === tokens.length || looksLikeFunction(node);
      if (leaf) {
        // An expression under `*` tokens only supplies non-updatable items alone (see sites.ts).
        const whole = tokens.slice(i).every((t) => t === '*');
        const certainty = whole ? walk.certainty : 'uncertain';
        const emit = emitter(at, logicalName(logical), effect, certainty);
        for (const test of conditions) finder.condition(test.name, test.walk, emit);
        finder.expression(node, walk, emit);
        return;
      }
      const token = tokens[i];
      for (const key of token === '*' ? childKeys(node) : [token]) {
        follow(childAt(node, key), i + 1, joinPointer(at, key), [...logical, key], walk, conditions);
      }
    };
    follow(view.node.Properties, 0, propertiesAt, logicalBase, start, []);
  }
}
