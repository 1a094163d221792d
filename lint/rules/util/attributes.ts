import { typeEntry } from '../../../schemas/catalog';
import { isMapping, type TemplateModel } from '../../../template/model';

export interface KnownAttributes {
  type: string;
  names: readonly string[];
  /** Set when only the bundled (possibly outdated) definitions list these names. */
  staleSchema?: string;
}

/**
 * The attributes a resource exposes, or `undefined` when any name is allowed (no schema, custom
 * resources, `DATASOURCE::*` without a definition).
 */
export function knownAttributes(template: TemplateModel, resource: string): KnownAttributes | undefined {
  const node = template.resources.get(resource);
  if (!isMapping(node) || typeof node.Type !== 'string') return undefined;
  const entry = typeEntry(node.Type);
  const names = entry?.schema.attributes;
  if (!entry || !names || names.includes('*')) return undefined;
  return {
    type: node.Type,
    names,
    staleSchema: entry.staleSource,
  };
}

/** Types whose `Fn::GetAtt` may read `Outputs.<Name>`: one output of the nested stack. */
const NESTED_STACK_TYPES = new Set(['ALIYUN::ROS::Stack']);

/** True when `attribute` is one of `names`, or an `Outputs.<Name>` of a type that has them. */
export function hasAttribute(known: KnownAttributes, attribute: string): boolean {
  if (known.names.includes(attribute)) return true;
  return (
    attribute.startsWith('Outputs.') &&
    (known.names.includes('Outputs') || NESTED_STACK_TYPES.has(known.type))
  );
}
