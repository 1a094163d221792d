import { looksLikeFunction } from '../../template/intrinsics';
import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { hasAttribute, knownAttributes } from './util/attributes';
import { suggestion } from './util/did-you-mean';

const NESTED_STACK = 'ALIYUN::ROS::Stack';
const PREFIX = 'Outputs.';

/** The output names of an inline nested template, when they can be read without evaluating anything. */
function inlineOutputs(properties: unknown): string[] | undefined {
  const body = isMapping(properties) ? properties.TemplateBody : undefined;
  // A Transform (Terraform, Serverless) makes its outputs from elsewhere; a function computes the body.
  if (!isMapping(body) || looksLikeFunction(body) || 'Transform' in body) return undefined;
  if (body.Outputs === undefined || body.Outputs === null) return [];
  return isMapping(body.Outputs) && !looksLikeFunction(body.Outputs) ? Object.keys(body.Outputs) : undefined;
}

// A nested stack exposes its child's outputs only as `Outputs.<name>` (the Fn::GetAtt doc;
// iac-code's ROS4005). An attribute without that prefix is left to ref-getatt when it already
// reports it from the type's attribute list, so one mistake gives one finding.
export default defineRule({
  id: 'ref-getatt-nested-stack',
  defaultSeverity: 'error',
  description:
    'Fn::GetAtt on an ALIYUN::ROS::Stack must read Outputs.<name>, and with an inline TemplateBody, an output that template declares.',
  messages: {
    prefix:
      'Fn::GetAtt on the nested stack {stack} must read Outputs.<name> (one of its outputs), not {attribute}',
    noSuchOutput: 'the nested stack {stack} has no output {output}; its TemplateBody declares {known}{hint}',
  },
  check({ template, report }) {
    for (const use of template.intrinsics()) {
      if (use.fn !== 'Fn::GetAtt' || !Array.isArray(use.args)) continue;
      const [stack, attribute] = use.args;
      if (typeof stack !== 'string' || typeof attribute !== 'string') continue;
      const node = template.resources.get(stack);
      if (!isMapping(node) || node.Type !== NESTED_STACK) continue;
      const pointer = joinPointer(use.pointer, 'Fn::GetAtt', 1);
      const output = attribute.startsWith(PREFIX) ? attribute.slice(PREFIX.length).trim() : '';
      if (output === '') {
        const known = knownAttributes(template, stack);
        if (!known || hasAttribute(known, attribute)) report(pointer, 'prefix', { stack, attribute });
        continue;
      }
      const outputs = inlineOutputs(node.Properties);
      if (outputs && !outputs.includes(output)) {
        report(pointer, 'noSuchOutput', {
          stack,
          output,
          known: outputs.length ? outputs.join(', ') : 'no outputs',
          hint: suggestion(output, outputs),
        });
      }
    }
  },
});
