import type { TemplateModel } from './model';
import { joinPointer, splitPointer } from './pointer';
import { subParts, subVariables } from './sub-variables';

/** A resource-to-resource reference: `from` uses `to` at `pointer`. */
export interface ResourceReference {
  from: string;
  to: string;
  pointer: string;
}

/** Every reference between resources: DependsOn, Ref, Fn::GetAtt and `${…}` in Fn::Sub. */
export function resourceReferences(template: TemplateModel): ResourceReference[] {
  const refs: ResourceReference[] = [];
  for (const view of template.resourceViews()) {
    const deps = view.node.DependsOn;
    const list = typeof deps === 'string' ? [deps] : Array.isArray(deps) ? deps : [];
    list.forEach((to, i) => {
      if (typeof to === 'string' && template.resources.has(to)) {
        refs.push({
          from: view.id,
          to,
          pointer: joinPointer(view.pointer, 'DependsOn', ...(typeof deps === 'string' ? [] : [i])),
        });
      }
    });
  }
  for (const use of template.intrinsics()) {
    const tokens = splitPointer(use.pointer);
    if (tokens[0] !== 'Resources' || tokens.length < 3) continue;
    const from = tokens[1];
    const targets: string[] = [];
    if (use.fn === 'Ref' && typeof use.args === 'string') targets.push(use.args);
    if (use.fn === 'Fn::GetAtt' && Array.isArray(use.args) && typeof use.args[0] === 'string')
      targets.push(use.args[0]);
    if (use.fn === 'Fn::Sub') {
      const parts = subParts(use.args);
      for (const v of parts ? subVariables(parts.text) : []) {
        if (!(v.name in (parts?.vars ?? {}))) targets.push(v.name.split('.')[0]);
      }
    }
    for (const to of targets) {
      if (template.resources.has(to)) refs.push({ from, to, pointer: joinPointer(use.pointer, use.fn) });
    }
  }
  return refs;
}
