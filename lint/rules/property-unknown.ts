import { defineSchemaRuleWithMessages, staleness } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineSchemaRuleWithMessages({
  id: 'property-unknown',
  defaultSeverity: 'error',
  description:
    'Only properties the resource type defines may be set; a near miss gets a did-you-mean. Against bundled data alone it is info: ROS accepts properties no published definition lists.',
  keywords: ['additionalProperties', 'propertyNames', 'unevaluatedProperties'],
  messages: {
    unknown: 'unknown property {name}{hint}{stale}',
    notInBundledData:
      'property {name} is not in the bundled {source} definitions{hint}: a typo ROS rejects, or a property newer than that data or one ROS accepts without documenting it (ros-sso schemas update refreshes the data)',
  },
  checkIssue(issue, { report }) {
    const { suffix: stale, options } = staleness(issue);
    const name = issue.property ?? '';
    if (issue.staleSchema !== undefined) {
      // Official, deployable templates set properties no published definition lists (hidden or
      // deprecated ones ROS still accepts), so bundled data alone cannot tell a typo from those.
      return report(
        issue.pointer,
        'notInBundledData',
        { name, hint: suggestion(name, issue.known ?? []), source: issue.staleSchema },
        { severity: 'info', blame: 'key' },
      );
    }
    // Definitions ROS publishes (the API, the docs) omit such properties too: only ros-sso's own
    // hand-written types are known exactly.
    const severity =
      issue.provenance === 'refreshed' || issue.provenance === 'overlay' ? 'warning' : undefined;
    report(
      issue.pointer,
      'unknown',
      { name, hint: suggestion(name, issue.known ?? []), stale },
      { ...options, ...(severity ? { severity } : {}), blame: 'key' },
    );
  },
});
