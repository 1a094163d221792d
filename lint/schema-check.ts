import { schemaForType } from '../schemas/registry';
import type { ErrorObject } from 'ajv';
import { issuesFrom, validationErrors } from '../schemas/validate';
import type { LocatedIssue } from './rules/rule';
import { looksLikeFunction } from './template/intrinsics';
import { type ResourceView, type TemplateModel } from './template/model';
import { joinPointer, splitPointer, valueAt } from './template/pointer';
import { candidatesFor } from './template/resolve';

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

function functionNodes(node: unknown, pointer: string, out: string[]): void {
  if (node === null || typeof node !== 'object') return;
  if (looksLikeFunction(node)) {
    out.push(pointer);
    return;
  }
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) functionNodes(node[i], `${pointer}/${i}`, out);
  } else
    for (const key of Object.keys(node))
      functionNodes((node as Record<string, unknown>)[key], joinPointer(pointer, key), out);
}

function setAt(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const tokens = splitPointer(pointer);
  const last = tokens.pop() as string;
  const parent = valueAt(root, tokens.length ? `/${tokens.join('/')}` : '') as Record<string, unknown>;
  parent[last] = value;
}

// Same place, same schema rule: the same problem (the value may differ only where a candidate was put).
const errorKey = (e: ErrorObject) => `${e.instancePath}\0${e.schemaPath}`;

function displayPath(pointer: string): string {
  return splitPointer(pointer).join('.');
}

/** Validates one resource's Properties against its schema, literals first, then every candidate value. */
function checkResource(view: ResourceView, model: TemplateModel, out: LocatedIssue[]): void {
  const schema = view.type ? schemaForType(view.type) : undefined;
  if (!schema) return;
  if (view.node.Properties !== undefined && !view.properties) return; // resource-definition reports it
  const props = view.properties ?? {};
  const propsPointer = joinPointer(view.pointer, 'Properties');
  const place = (p: string) =>
    p === '' ? (view.properties ? propsPointer : view.pointer) : propsPointer + p;

  const baseErrors = validationErrors(schema.$id, props);
  // Errors on function values say nothing about the deployed value; drop them before wording.
  const literal = baseErrors.filter((e) => e.keyword === 'required' || !underFunction(props, e.instancePath));
  const seen = new Set(literal.map(errorKey));
  for (const issue of issuesFrom(literal)) {
    const pointer = issue.keyword === 'required' ? place(issue.pointer) : propsPointer + issue.pointer;
    out.push({ ...issue, pointer });
  }

  const nodes: string[] = [];
  functionNodes(props, '', nodes);
  for (const nodePointer of nodes) {
    for (const candidate of candidatesFor(valueAt(props, nodePointer), propsPointer + nodePointer, model)) {
      const trial = structuredClone(props);
      setAt(trial, nodePointer, structuredClone(candidate.value));
      const fresh = validationErrors(schema.$id, trial).filter(
        (e) => !seen.has(errorKey(e)) && !underFunction(trial, e.instancePath),
      );
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
        out.push(located);
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
