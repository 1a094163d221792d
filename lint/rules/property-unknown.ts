import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'property-unknown',
  defaultSeverity: 'error',
  description: 'Only properties the resource type defines may be set; a near miss gets a did-you-mean.',
  keywords: ['additionalProperties', 'propertyNames', 'unevaluatedProperties'],
  messages: {
    unknown: 'unknown property {name}{hint}',
    viaParameter: 'parameter {parameter} allows {value}, but {target} rejects it: {message}',
  },
  checkIssue(issue, { report }) {
    if (issue.viaParameter) {
      const { parameter, value, target } = issue.viaParameter;
      return report(issue.pointer, 'viaParameter', {
        parameter,
        value: JSON.stringify(value),
        target,
        message: issue.message,
      });
    }
    const name = issue.property ?? '';
    report(issue.pointer, 'unknown', { name, hint: suggestion(name, issue.known ?? []) }, { blame: 'key' });
  },
});
