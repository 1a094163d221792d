import { lintText } from '../lint/engine';
import { allRules } from '../lint/rules';
import { resourceReferences } from '../template/references';
import { isMapping, type Mapping, TemplateModel } from '../template/model';
import { parseTemplate } from '../template/parse';
import { splitPointer, valueAt } from '../template/pointer';
import { schemaForType } from '../schemas/registry';
import { type EvaluationContext, evaluateCondition } from '../template/evaluate';
import { resolveParameters } from '../template/parameters';

/** A template that cannot be deployed as it is: the runner stops before touching anything. */
export class TemplateError extends Error {}

export interface Plan {
  template: Mapping;
  parameters: Record<string, unknown>;
  conditions: Record<string, boolean>;
  /** Resources to apply (their Condition holds), dependencies first. */
  order: string[];
}

/** Parses, validates (all lint rules; errors refuse the deploy, like ValidateTemplate), resolves parameters and conditions, orders resources. */
export function planStack(
  file: string,
  text: string,
  given: Record<string, string>,
  pseudo: Record<string, string>,
): Plan {
  const parsed = parseTemplate(file, text);
  if (!parsed.ok) throw new TemplateError(`${file}: ${parsed.failure.message}`);
  const errors = lintText(file, text, { rules: allRules }).filter((f) => f.severity === 'error');
  if (errors.length) {
    const list = errors
      .slice(0, 10)
      .map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.ruleId}  ${f.message}`);
    throw new TemplateError(
      `the template has ${errors.length} error(s); fix them first:\n${list.join('\n')}`,
    );
  }
  const template = parsed.template.value;
  const parameters = resolveParameters(template, given);
  const conditions = evaluateAllConditions(template, parameters, pseudo);
  const model = new TemplateModel(parsed.template);
  const active = [...model.resources.keys()].filter((id) => {
    const node = model.resources.get(id);
    return !isMapping(node) || typeof node.Condition !== 'string' || conditions[node.Condition];
  });
  return { template, parameters, conditions, order: orderResources(active, model) };
}

function evaluateAllConditions(
  template: Mapping,
  parameters: Record<string, unknown>,
  pseudo: Record<string, string>,
): Record<string, boolean> {
  const defs = isMapping(template.Conditions) ? template.Conditions : {};
  const values: Record<string, boolean> = {};
  const ctx: EvaluationContext = {
    parameters,
    mappings: isMapping(template.Mappings) ? template.Mappings : {},
    pseudo,
    resource: () => undefined,
    conditions: new Proxy(values, {
      // Conditions may name other conditions; evaluate on first use.
      get: (target, name: string) => {
        if (!(name in target) && Object.hasOwn(defs, name)) target[name] = evaluateCondition(defs[name], ctx);
        return target[name];
      },
      has: (target, name: string) => name in target || Object.hasOwn(defs, name),
      getOwnPropertyDescriptor: (target, name: string) =>
        Object.hasOwn(defs, name)
          ? { configurable: true, enumerable: true, value: ctx.conditions[name] }
          : Reflect.getOwnPropertyDescriptor(target, name),
    }),
  };
  for (const name of Object.keys(defs)) void ctx.conditions[name];
  return { ...values };
}

/** Dependencies first (Kahn's algorithm, template order among equals). */
function orderResources(active: string[], model: TemplateModel): string[] {
  const wanted = new Set(active);
  const deps = new Map(active.map((id) => [id, new Set<string>()]));
  for (const ref of resourceReferences(model)) {
    if (wanted.has(ref.from) && wanted.has(ref.to) && ref.from !== ref.to) deps.get(ref.from)?.add(ref.to);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < active.length) {
    const next = active.find((id) => !done.has(id) && [...(deps.get(id) ?? [])].every((d) => done.has(d)));
    if (!next) throw new TemplateError('the resources depend on each other in a cycle');
    order.push(next);
    done.add(next);
  }
  return order;
}

/**
 * The properties that changed between two evaluated property sets and cannot be updated in place,
 * as ROS sees the type: its own schema, or for every custom type the generic custom resource
 * (ROS cannot know a provider's inner rules; the provider refuses those itself).
 */
export function nonUpdatableChanges(type: string, before: Mapping, after: Mapping): string[] {
  const schema = schemaForType(type.startsWith('Custom::') ? 'ALIYUN::ROS::CustomResource' : type);
  const changed: string[] = [];
  for (const pointer of schema?.notUpdatableProperties ?? []) {
    if (JSON.stringify(valueAt(before, pointer)) !== JSON.stringify(valueAt(after, pointer)))
      changed.push(splitPointer(pointer).join('.'));
  }
  return changed;
}
