import { asIntrinsic, looksLikeFunction } from '../template/intrinsics';
import { isMapping } from '../template/model';
import { joinPointer } from '../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

export const RESOURCE_KEYS = [
  'Type',
  'Properties',
  'DependsOn',
  'DeletionPolicy',
  'Metadata',
  'Condition',
  'Count',
];
const DELETION_POLICIES = ['Delete', 'Retain'];
// Custom::<Name>: letters, digits, _ @ -, the whole type at most 68 characters (ros-protocol.md §1.1).
const CUSTOM_TYPE = /^Custom::[A-Za-z0-9_@-]+$/;
const TYPE_SHAPE = /^(ALIYUN|DATASOURCE|MODULE|Aliyun|Custom)::[A-Za-z0-9_@-]+(::[A-Za-z0-9_@-]+)*$/;

export default defineRule({
  id: 'resource-definition',
  defaultSeverity: 'error',
  description:
    'Each resource is a mapping with a well-formed Type and only the keys ROS knows (Type, Properties, DependsOn, DeletionPolicy, Metadata, Condition, Count), each of the right shape.',
  messages: {
    notMapping: 'resource {name} must be a mapping with a Type',
    missingType: 'resource {name} has no Type',
    badType:
      'resource Type {type} is not a ROS type name (ALIYUN::Service::Resource, Custom::Name, DATASOURCE::…, MODULE::…)',
    badCustomType:
      'custom resource type {type} must be Custom:: followed by letters, digits, _, @ or -, at most 68 characters',
    unknownKey: 'unknown resource key {key}{hint}',
    propertiesNotMapping: 'Properties must be a mapping',
    badDeletionPolicy: 'DeletionPolicy must be Delete or Retain, not {value}',
    badCondition: 'Condition must be the name of a condition',
    badDependsOn: 'DependsOn must be a resource name or a list of resource names',
    badCount: 'Count must be a non-negative integer or a function that yields one, not {value}',
    noResources: 'the template defines no Resources',
  },
  check({ template, report }) {
    if (template.value.Resources === undefined) return report('', 'noResources', {}, { severity: 'warning' });
    for (const [name, node] of template.resources) {
      const base = joinPointer('/Resources', name);
      if (!isMapping(node)) {
        report(base, 'notMapping', { name });
        continue;
      }
      if (node.Type === undefined) report(base, 'missingType', { name }, { blame: 'key' });
      else if (typeof node.Type !== 'string' || !TYPE_SHAPE.test(node.Type))
        report(joinPointer(base, 'Type'), 'badType', { type: JSON.stringify(node.Type) });
      else if (node.Type.startsWith('Custom::') && (!CUSTOM_TYPE.test(node.Type) || node.Type.length > 68)) {
        report(joinPointer(base, 'Type'), 'badCustomType', { type: node.Type });
      }
      // Aliyun::Serverless::Service nests its functions as extra keys; the Transform owns that shape.
      const serverless = typeof node.Type === 'string' && node.Type.startsWith('Aliyun::Serverless::');
      for (const key of Object.keys(node)) {
        if (!serverless && !RESOURCE_KEYS.includes(key))
          report(
            joinPointer(base, key),
            'unknownKey',
            { key, hint: suggestion(key, RESOURCE_KEYS) },
            { blame: 'key' },
          );
      }
      if (node.Properties !== undefined && node.Properties !== null && !isMapping(node.Properties)) {
        report(joinPointer(base, 'Properties'), 'propertiesNotMapping');
      }
      if (node.DeletionPolicy !== undefined && !DELETION_POLICIES.includes(String(node.DeletionPolicy))) {
        report(joinPointer(base, 'DeletionPolicy'), 'badDeletionPolicy', {
          value: JSON.stringify(node.DeletionPolicy),
        });
      }
      if (node.Condition !== undefined && typeof node.Condition !== 'string')
        report(joinPointer(base, 'Condition'), 'badCondition');
      const deps = node.DependsOn;
      if (
        deps !== undefined &&
        typeof deps !== 'string' &&
        !(Array.isArray(deps) && deps.every((d) => typeof d === 'string'))
      ) {
        report(joinPointer(base, 'DependsOn'), 'badDependsOn');
      }
      const count = node.Count;
      if (count !== undefined && !asIntrinsic(count) && !looksLikeFunction(count)) {
        const n = typeof count === 'string' ? Number(count) : count;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
          report(joinPointer(base, 'Count'), 'badCount', { value: JSON.stringify(count) });
      }
    }
  },
});
