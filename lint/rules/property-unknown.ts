import { defineRule, staleness } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'property-unknown',
  defaultSeverity: 'error',
  description: 'Only properties the resource type defines may be set; a near miss gets a did-you-mean.',
  keywords: ['additionalProperties', 'propertyNames', 'unevaluatedProperties'],
  messages: {
    unknown: 'unknown property {name}{hint}{stale}',
    viaParameter: 'parameter {parameter} allows {value}, but {target} rejects it: {message}{stale}',
  },
  checkIssue(issue, { report }) {
    const { suffix: stale, options } = staleness(issue);
    if (issue.viaParameter) {
      const { parameter, value, target } = issue.viaParameter;
      return report(
        issue.pointer,
        'viaParameter',
        { parameter, value: JSON.stringify(value), target, message: issue.message, stale },
        options,
      );
    }
    const name = issue.property ?? '';
    report(
      issue.pointer,
      'unknown',
      { name, hint: suggestion(name, issue.known ?? []), stale },
      { ...options, blame: 'key' },
    );
  },
});
