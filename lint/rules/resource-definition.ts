import { typeEntry } from '../../schemas/catalog';
import { asIntrinsic, looksLikeFunction } from '../../template/intrinsics';
import { isMapping, type Mapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule, type RuleContext } from './rule';
import { closest } from './util/did-you-mean';

/** Keys every resource may have (docs/template-grammar.md); `Version` only on modules. */
export const RESOURCE_KEYS = [
  'Type',
  'Properties',
  'DependsOn',
  'DeletionPolicy',
  'Metadata',
  'Condition',
  'Count',
  'Description',
  'UpdatePolicy',
];
const MODULE_KEYS = [...RESOURCE_KEYS, 'Version'];
const DELETION_POLICIES = ['Delete', 'Retain'];
// A module version: vN, default or latest ("Use a module" doc).
const MODULE_VERSION = /^(v[0-9]+|default|latest)$/;
// Custom::<Name>: letters, digits, _ @ -, the whole type at most 68 characters (ros-protocol.md §1.1).
const CUSTOM_TYPE = /^Custom::[A-Za-z0-9_@-]+$/;
const TYPE_SHAPE = /^(ALIYUN|DATASOURCE|MODULE|Aliyun|Custom)::[A-Za-z0-9_@-]+(::[A-Za-z0-9_@-]+)*$/;

type Messages =
  | 'notMapping'
  | 'missingType'
  | 'badType'
  | 'badCustomType'
  | 'unknownKey'
  | 'propertyBeside'
  | 'versionNotModule'
  | 'missingVersion'
  | 'badVersion'
  | 'propertiesNotMapping'
  | 'badDeletionPolicy'
  | 'badCondition'
  | 'badDependsOn'
  | 'badCount'
  | 'noResources';

/**
 * The property names the resource's type defines, and whether that list is complete (false when no
 * definition is known, or only bundled data, which may lag the service).
 */
function propertyNames(type: unknown): { names: readonly string[]; complete: boolean } {
  const entry = typeof type === 'string' ? typeEntry(type) : undefined;
  const properties = entry?.schema.properties;
  return {
    names: properties ? Object.keys(properties) : [],
    complete: entry !== undefined && entry.staleSource === undefined && entry.provenance !== 'generic',
  };
}

/** Keys beside Type: a property written at resource level says so; anything else gets a did-you-mean. */
function checkKeys(node: Mapping, base: string, report: RuleContext<Messages>['report']): void {
  const type = typeof node.Type === 'string' ? node.Type : '';
  // Aliyun::Serverless::Service nests its functions as extra keys; the Transform owns that shape.
  if (type.startsWith('Aliyun::Serverless::')) return;
  const isModule = type.startsWith('MODULE::');
  const allowed = isModule ? MODULE_KEYS : RESOURCE_KEYS;
  let properties: ReturnType<typeof propertyNames> | undefined;
  for (const key of Object.keys(node)) {
    if (allowed.includes(key)) continue;
    const at = joinPointer(base, key);
    if (key === 'Version') {
      report(at, 'versionNotModule', {}, { blame: 'key' });
      continue;
    }
    properties ??= propertyNames(node.Type);
    const near = closest(key, allowed);
    if (properties.names.includes(key) && near === undefined)
      report(at, 'propertyBeside', { key, type }, { blame: 'key' });
    else report(at, 'unknownKey', { key, hint: hintFor(near, properties) }, { blame: 'key' });
  }
  if (isModule) {
    if (node.Version === undefined) report(base, 'missingVersion', { type }, { blame: 'key' });
    else if (
      !looksLikeFunction(node.Version) &&
      (typeof node.Version !== 'string' || !MODULE_VERSION.test(node.Version))
    )
      report(joinPointer(base, 'Version'), 'badVersion', { value: JSON.stringify(node.Version) });
  }
}

function hintFor(near: string | undefined, properties: { complete: boolean }): string {
  if (near !== undefined) return `; did you mean ${near}?`;
  // Without a full definition of the type, a property written at resource level looks just like this.
  return properties.complete ? '' : '; if it is a property, move it into Properties';
}

export default defineRule({
  id: 'resource-definition',
  defaultSeverity: 'error',
  description:
    'Each resource is a mapping with a well-formed Type and only the keys ROS knows (Type, Properties, DependsOn, DeletionPolicy, Metadata, Condition, Count, Description, UpdatePolicy, and on a MODULE:: resource its required Version), each of the right shape; a property written beside Properties is told to move into it.',
  messages: {
    notMapping: 'resource {name} must be a mapping with a Type',
    missingType: 'resource {name} has no Type',
    badType:
      'resource Type {type} is not a ROS type name (ALIYUN::Service::Resource, Custom::Name, DATASOURCE::…, MODULE::…)',
    badCustomType:
      'custom resource type {type} must be Custom:: followed by letters, digits, _, @ or -, at most 68 characters',
    unknownKey: 'unknown resource key {key}{hint}',
    propertyBeside:
      '{key} is a property of {type} but is written beside Properties, at resource level: move it into Properties',
    versionNotModule: 'Version is a key of MODULE:: resources only',
    missingVersion: 'module resource of type {type} has no Version (vN, default or latest)',
    badVersion: 'module Version must be vN (v1, v10, …), default or latest, not {value}',
    propertiesNotMapping: 'Properties must be a mapping',
    badDeletionPolicy: 'DeletionPolicy must be Delete or Retain, not {value}',
    badCondition: 'Condition must be the name of a condition',
    badDependsOn: 'DependsOn must be a resource name or a list of resource names',
    badCount: 'Count must be a non-negative integer or a function that yields one, not {value}',
    noResources: 'the template defines no Resources',
  },
  check({ template, report }) {
    if (template.value.Resources === undefined) {
      // A Terraform template's resources are in its Workspace.
      if (!template.isTerraform) report('', 'noResources', {}, { severity: 'warning' });
      return;
    }
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
      checkKeys(node, base, report);
      if (node.Properties !== undefined && node.Properties !== null && !isMapping(node.Properties)) {
        report(joinPointer(base, 'Properties'), 'propertiesNotMapping');
      }
      const policy = node.DeletionPolicy;
      if (
        policy !== undefined &&
        !looksLikeFunction(policy) &&
        (typeof policy !== 'string' || !DELETION_POLICIES.includes(policy))
      ) {
        report(joinPointer(base, 'DeletionPolicy'), 'badDeletionPolicy', { value: JSON.stringify(policy) });
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
