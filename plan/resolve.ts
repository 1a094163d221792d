import { isMapping, type Mapping } from '../template/model';
import { type EvaluationContext, evaluate, NO_VALUE } from '../template/evaluate';
import { planStack } from './stack-plan';
import { type PlanResourceInput, type StackSide, Unresolved } from './model';

/** A created resource's physical ID and attributes, where the caller knows them (a local stack record). */
export type ResourceLookup = (
  logicalId: string,
) => { physicalId: string; attributes: Readonly<Record<string, unknown>> } | undefined;

export interface ResolveOptions {
  file: string;
  text: string;
  parameters: Record<string, string>;
  /** `ALIYUN::StackName`, `ALIYUN::Region`, … as the runner sets them. */
  pseudo: Record<string, string>;
  resource?: ResourceLookup;
}

/**
 * One stack side from a template, resolved as local mode resolves it (local/stack-plan.ts:
 * validation, parameters, conditions, dependency order): resources whose Condition is false are
 * left out. Properties are evaluated one by one (a custom resource's Parameters key by key), so a
 * value that cannot be known yet (a GetAtt of a resource not created) marks only itself.
 * Throws TemplateError / ParameterError like the runner.
 */
export function resolveStackSide(options: ResolveOptions): StackSide {
  const plan = planStack(options.file, options.text, options.parameters, options.pseudo);
  const resources = (plan.template.Resources ?? {}) as Mapping;
  const ctx: EvaluationContext = {
    parameters: plan.parameters,
    conditions: plan.conditions,
    mappings: isMapping(plan.template.Mappings) ? plan.template.Mappings : {},
    pseudo: { ...options.pseudo, 'ALIYUN::TenantId': options.pseudo['ALIYUN::AccountId'] ?? '' },
    resource: options.resource ?? (() => undefined),
  };
  return {
    resources: plan.order.map((logicalId): PlanResourceInput => {
      const node = resources[logicalId] as Mapping;
      const type = String(node.Type);
      const raw = isMapping(node.Properties) ? node.Properties : {};
      const properties = evaluateEach(raw, ctx);
      if (type.startsWith('Custom::') && isMapping(raw.Parameters))
        properties.Parameters = evaluateEach(raw.Parameters, ctx);
      return {
        logicalId,
        type,
        properties,
        ...(typeof node.DeletionPolicy === 'string' ? { deletionPolicy: node.DeletionPolicy } : {}),
      };
    }),
  };
}

function evaluateEach(values: Mapping, ctx: EvaluationContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    try {
      const result = evaluate(value, ctx);
      if (result !== NO_VALUE) out[key] = result;
    } catch (err) {
      out[key] = new Unresolved(err instanceof Error ? err.message : String(err));
    }
  }
  return out;
}
