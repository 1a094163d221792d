import type { ErrorObject } from 'ajv';
import { typeEntry } from '../schemas/catalog';
import { issuesFrom } from '../schemas/validate';
import type { LocatedIssue } from './rules/rule';
import { looksLikeFunction } from '../template/intrinsics';
import { type ResourceView, type TemplateModel } from '../template/model';
import { joinPointer, splitPointer, valueAt } from '../template/pointer';
import { conditionTruth } from '../template/conditions';
import { UNKNOWN_ITEM, withoutNulls } from '../template/not-set';
import { type Candidate, candidatesFor } from '../template/resolve';

/**
 * True when `pointer` is, or sits inside, one of the function nodes whose pointers are in
 * `functions` (built once per value by functionNodes), other than `except`: O(depth) per issue,
 * where walking from the root tested every mapping on the way (O(keys) each) for every issue.
 */
function underFunction(functions: ReadonlySet<string>, pointer: string, except?: string): boolean {
  const hit = (prefix: string) => prefix !== except && functions.has(prefix);
  if (hit('')) return true;
  for (let end = pointer.indexOf('/', 1); end !== -1; end = pointer.indexOf('/', end + 1))
    if (hit(pointer.slice(0, end))) return true;
  return pointer !== '' && hit(pointer);
}

/** Pointers of the function nodes under `node`; a pointer string is built only for a node found. */
function functionNodes(node: unknown, tokens: Array<string | number>, out: string[]): string[] {
  if (node === null || typeof node !== 'object') return out;
  if (looksLikeFunction(node)) {
    out.push(joinPointer('', ...tokens));
    return out;
  }
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      tokens.push(i);
      functionNodes(node[i], tokens, out);
      tokens.pop();
    }
  } else
    for (const key of Object.keys(node)) {
      tokens.push(key);
      functionNodes((node as Record<string, unknown>)[key], tokens, out);
      tokens.pop();
    }
  return out;
}

/** Nodes (containers and leaves) in a value: what validating it once costs, roughly. */
function sizeOf(node: unknown): number {
  if (node === null || typeof node !== 'object') return 1;
  let n = 1;
  for (const child of Array.isArray(node) ? node : Object.values(node)) n += sizeOf(child);
  return n;
}

/**
 * Nodes one template may validate again for candidate values (each candidate copies and validates
 * the whole Properties mapping of its resource): about 80 times what the busiest resource of the
 * official corpus needs (25,000), and about a second of work. A hostile resource with 100,000 Refs
 * would otherwise cost 100,000 × 100,000; past the budget the remaining candidates are not tried
 * (every literal finding is still reported).
 */
export const CANDIDATE_NODE_BUDGET = 2_000_000;

interface Budget {
  nodesLeft: number;
}

/**
 * A copy of `root` with `value` at `pointer`: only the containers on the path are copied. The rest
 * is shared, which is safe because validating `root` first already coerced it in place.
 */
function withValueAt(
  root: Record<string, unknown>,
  pointer: string,
  value: unknown,
): Record<string, unknown> {
  const copy = (node: unknown, tokens: string[]): unknown => {
    if (tokens.length === 0) return value;
    const [head, ...rest] = tokens;
    const container = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<string, unknown>;
    // A null candidate (an Fn::If branch left empty) is "not set", as a null literal is.
    if (rest.length === 0 && value === null) {
      if (Array.isArray(container)) container[Number(head)] = UNKNOWN_ITEM;
      else delete container[head];
    } else container[head] = copy(container[head], rest);
    return container;
  };
  return copy(root, splitPointer(pointer)) as Record<string, unknown>;
}

// Same place, same schema rule: the same problem (the value may differ only where a candidate was put).
const errorKey = (e: ErrorObject) => `${e.instancePath}\0${e.schemaPath}`;

function displayPath(pointer: string): string {
  return splitPointer(pointer).join('.');
}

/**
 * Findings that out-of-date data alone could cause: a property, attribute, allowed value or format
 * newer than the bundled spec package, a requirement it has since dropped, or a nested shape that
 * has since been widened (RAM policy `Resource: '*'` where the package says list).
 */
const STALE_PRONE_KEYWORDS = new Set(['additionalProperties', 'required', 'enum', 'const', 'pattern']);
/** Decided on the issue's place inside Properties, before it is moved to a parameter's value. */
const staleProne = (keyword: string, pointerInProperties: string) =>
  STALE_PRONE_KEYWORDS.has(keyword) || (keyword === 'type' && splitPointer(pointerInProperties).length > 1);

/**
 * True when a parameter value makes the resource's own Condition false: the resource is then not
 * created, so the value never reaches its properties (a count of 0 for a resource made only when
 * the count is not 0).
 */
function excludedByCondition(view: ResourceView, candidate: Candidate, model: TemplateModel): boolean {
  const condition = view.node.Condition;
  if (typeof condition !== 'string' || candidate.parameter === undefined) return false;
  return conditionTruth(model, condition, new Map([[candidate.parameter, candidate.value]])) === false;
}

/** Validates one resource's Properties against its schema, literals first, then every candidate value. */
function checkResource(view: ResourceView, model: TemplateModel, out: LocatedIssue[], budget: Budget): void {
  const entry = view.type ? typeEntry(view.type) : undefined;
  if (!entry) return;
  const stale = entry.staleSource;
  if (view.node.Properties !== undefined && view.node.Properties !== null && !view.properties) return; // resource-definition reports it
  const props = withoutNulls(view.properties ?? {});
  const propsPointer = joinPointer(view.pointer, 'Properties');
  const push = (issue: LocatedIssue, pointerInProperties: string) =>
    out.push(
      stale && staleProne(issue.keyword, pointerInProperties)
        ? { ...issue, staleSchema: stale, provenance: entry.provenance }
        : { ...issue, provenance: entry.provenance },
    );
  const place = (p: string) =>
    p === '' ? (view.properties ? propsPointer : view.pointer) : propsPointer + p;

  const baseErrors = entry.errors(props);
  const nodes = functionNodes(props, [], []);
  const functions = new Set(nodes);
  // Errors on function values say nothing about the deployed value (a `required` one included: the
  // mapping a function builds is unknown); drop them before wording.
  const literal = baseErrors.filter((e) => !underFunction(functions, e.instancePath));
  const seen = new Set(literal.map(errorKey));
  for (const issue of issuesFrom(literal)) {
    const pointer = issue.keyword === 'required' ? place(issue.pointer) : propsPointer + issue.pointer;
    push({ ...issue, pointer }, issue.pointer);
  }

  const trialCost = nodes.length ? sizeOf(props) + baseErrors.length : 0;
  for (const nodePointer of nodes) {
    for (const candidate of candidatesFor(valueAt(props, nodePointer), propsPointer + nodePointer, model)) {
      if (excludedByCondition(view, candidate, model)) continue;
      if ((budget.nodesLeft -= trialCost) < 0) return;
      const value = withoutNulls(structuredClone(candidate.value));
      const trial = withValueAt(props, nodePointer, value);
      // The trial's function nodes: the others of props, and those inside the candidate value.
      const inside = new Set(functionNodes(value, [], []));
      const isFunction = (p: string) =>
        underFunction(functions, p, nodePointer) ||
        ((p === nodePointer || p.startsWith(`${nodePointer}/`)) &&
          underFunction(inside, p.slice(nodePointer.length)));
      const fresh = entry.errors(trial).filter((e) => !seen.has(errorKey(e)) && !isFunction(e.instancePath));
      for (const issue of issuesFrom(fresh)) {
        const inside = issue.pointer === nodePointer || issue.pointer.startsWith(`${nodePointer}/`);
        const where = propsPointer + (inside ? nodePointer : issue.pointer);
        const located: LocatedIssue = {
          ...issue,
          message:
            inside || candidate.parameter ? issue.message : `${displayPath(issue.pointer)}: ${issue.message}`,
          pointer:
            inside && !candidate.parameter
              ? candidate.origin + issue.pointer.slice(nodePointer.length)
              : candidate.origin,
        };
        if (candidate.parameter) {
          located.viaParameter = {
            parameter: candidate.parameter,
            value: candidate.value,
            target: displayPath(where),
          };
        }
        push(located, issue.pointer);
      }
    }
  }
}

/** Schema issues of every resource that has a schema, placed in the template. */
export function schemaIssues(model: TemplateModel): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  const budget = { nodesLeft: CANDIDATE_NODE_BUDGET };
  for (const view of model.resourceViews()) checkResource(view, model, out, budget);
  const unique = new Map<string, LocatedIssue>();
  for (const issue of out) unique.set(`${issue.pointer}\0${issue.keyword}\0${issue.message}`, issue);
  return [...unique.values()];
}
