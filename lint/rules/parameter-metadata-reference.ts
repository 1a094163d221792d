import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';
import { subVariables } from '../../template/sub-variables';
import { declaresTerraformVariable } from './util/terraform-variables';

/** Names the console supplies itself (iac-code's contract: `x-ore-injected-symbols`). */
const INJECTED = new Set(['RegionId']);
/** Nested parameter forms: their `${…}` may name a row's own fields, not the template's parameters. */
const NESTED_FORMS = new Set(['Parameters', 'Parameter']);

/** `Zone` of `${Zone}`, `${Zone.Id}` and `${Zone[0]}`: the parameter a console reference reads. */
function parameterOf(reference: string): string {
  return reference.split(/[.[]/)[0].trim();
}

/**
 * Parameter names a metadata reference may use: the parameters, and each one's `LocaleKey` (the
 * key the console files its value under; templates write `${InstanceChargeType}` for a `PayType`
 * whose LocaleKey is `InstanceChargeType`).
 */
function referableNames(parameters: ReadonlyMap<string, unknown>): Set<string> {
  const names = new Set(parameters.keys());
  for (const parameter of parameters.values()) {
    const metadata = isMapping(parameter) ? parameter.AssociationPropertyMetadata : undefined;
    if (isMapping(metadata) && typeof metadata.LocaleKey === 'string') names.add(metadata.LocaleKey);
  }
  return names;
}

export default defineRule({
  id: 'parameter-metadata-reference',
  defaultSeverity: 'warning',
  description:
    'A ${Name} reference in AssociationPropertyMetadata (a Visible condition, a ZoneId filter, …) must name a parameter; the console cannot resolve any other (ROS itself ignores metadata).',
  messages: {
    missing: '{reference} names no parameter of this template, so the console cannot resolve it{hint}',
  },
  check({ template, report }) {
    let names: Set<string> | undefined;
    const visit = (node: unknown, pointer: string) => {
      if (typeof node === 'string') {
        for (const { name } of subVariables(node)) {
          const parameter = parameterOf(name);
          // `ALIYUN::Region` and the like are pseudo parameters; whether the console reads them is unknown.
          if (!parameter || parameter.includes('::') || INJECTED.has(parameter)) continue;
          names ??= referableNames(template.parameters);
          if (names.has(parameter) || declaresTerraformVariable(template, parameter)) continue;
          report(pointer, 'missing', {
            reference: `\${${name}}`,
            hint: suggestion(parameter, template.parameters.keys()),
          });
        }
      } else if (Array.isArray(node)) {
        node.forEach((item, i) => visit(item, joinPointer(pointer, i)));
      } else if (isMapping(node)) {
        for (const [key, value] of Object.entries(node)) {
          if (!NESTED_FORMS.has(key)) visit(value, joinPointer(pointer, key));
        }
      }
    };
    for (const [name, parameter] of template.parameters) {
      const metadata = isMapping(parameter) ? parameter.AssociationPropertyMetadata : undefined;
      if (isMapping(metadata))
        visit(metadata, joinPointer('/Parameters', name, 'AssociationPropertyMetadata'));
    }
  },
});
