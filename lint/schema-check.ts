import type { ErrorObject } from 'ajv';
import { typeEntry } from '../schemas/catalog';
import { issuesFrom } from '../schemas/validate';
import type { LocatedIssue } from './rules/rule';
import { looksLikeFunction } from './template/intrinsics';
import { type ResourceView, type TemplateModel } from './template/model';
import { joinPointer, splitPointer, valueAt } from './template/pointer';
import { conditionTruth } from './template/conditions';
import { UNKNOWN_ITEM, withoutNulls } from './template/not-set';
import { type Candidate, candidatesFor } from './template/resolve';

/** True when the node at `pointer` (relative to `root`) is, or sits inside, an intrinsic function. */
function underFunction(root: unknown, pointer: string): boolean {
  let node = root;
  for (const token of splitPointer(pointer)) {
    if (looksLikeFunction(node)) return true;
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return false;
    node = (node as Record<string, unknown>)[token];
  }
  return looksLikeFunction(node);
}

/** Pointers of the function nodes under `node`; a pointer string is built only for a node found. */
function functionNodes(node: unknown, tokens: Array<string | number>, out: string[]): void {
  if (node === null || typeof node !== 'object') return;
  if (looksLikeFunction(node)) {
    out.push(joinPointer('', ...tokens));
    return;
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
function checkResource(view: ResourceView, model: TemplateModel, out: LocatedIssue[]): void {
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
  // Errors on function values say nothing about the deployed value (a `required` one included: the
  // mapping a function builds is unknown); drop them before wording.
  const literal = baseErrors.filter((e) => !underFunction(props, e.instancePath));
  const seen = new Set(literal.map(errorKey));
  for (const issue of issuesFrom(literal)) {
    const pointer = issue.keyword === 'required' ? place(issue.pointer) : propsPointer + issue.pointer;
    push({ ...issue, pointer }, issue.pointer);
  }

  const nodes: string[] = [];
  functionNodes(props, [], nodes);
  for (const nodePointer of nodes) {
    for (const candidate of candidatesFor(valueAt(props, nodePointer), propsPointer + nodePointer, model)) {
      if (excludedByCondition(view, candidate, model)) continue;
      const trial = withValueAt(props, nodePointer, withoutNulls(structuredClone(candidate.value)));
      const fresh = entry
        .errors(trial)
        .filter((e) => !seen.has(errorKey(e)) && !underFunction(trial, e.instancePath));
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
  for (const view of model.resourceViews()) checkResource(view, model, out);
  const unique = new Map<string, LocatedIssue>();
  for (const issue of out) unique.set(`${issue.pointer}\0${issue.keyword}\0${issue.message}`, issue);
  return [...unique.values()];
}
