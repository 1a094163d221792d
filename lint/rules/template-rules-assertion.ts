import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { evaluateUnderDefaults } from './util/rules-evaluation';

// ROS evaluates Rules when a stack is created, updated or previewed: while a RuleCondition holds
// (or there is none), an Assert that is false fails the request (ros-protocol.md §2.7;
// iac-code's ROS4006). Only what is certain is evaluated; anything else says nothing.
export default defineRule({
  id: 'template-rules-assertion',
  defaultSeverity: 'error',
  description:
    'A Rules assertion must be able to hold: one false whatever the parameters is an error, one false under the parameter defaults a warning.',
  messages: {
    alwaysFalse:
      'this assertion is false whatever the parameters, so every deployment fails validation{description}',
    falseByDefault:
      'with the defaults of {parameters} this assertion is false, so a deployment that keeps them fails validation{description}',
  },
  check({ template, report }) {
    const rules = template.value.Rules;
    if (!isMapping(rules)) return;
    for (const [name, rule] of Object.entries(rules)) {
      if (!isMapping(rule) || !Array.isArray(rule.Assertions)) continue;
      const used = new Set<string>();
      if ('RuleCondition' in rule) {
        const condition = evaluateUnderDefaults(template, rule.RuleCondition);
        // An unknown RuleCondition, or one that does not hold, may leave the assertions unused.
        if (!condition.known || condition.known.value !== true) continue;
        for (const p of condition.parameters) used.add(p);
      }
      rule.Assertions.forEach((assertion, i) => {
        if (!isMapping(assertion) || !('Assert' in assertion)) return;
        const result = evaluateUnderDefaults(template, assertion.Assert);
        if (!result.known || result.known.value !== false) return;
        const parameters = [...used, ...result.parameters];
        const text = assertion.AssertDescription;
        const description = typeof text === 'string' && text.trim() ? ` (${text.trim()})` : '';
        const pointer = joinPointer('/Rules', name, 'Assertions', i, 'Assert');
        if (parameters.length === 0) report(pointer, 'alwaysFalse', { description });
        else
          report(
            pointer,
            'falseByDefault',
            { parameters: [...new Set(parameters)].join(', '), description },
            { severity: 'warning' },
          );
      });
    }
  },
});
