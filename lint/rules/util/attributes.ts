import { schemaForType } from '../../../schemas/registry';
import { isMapping, type TemplateModel } from '../../template/model';

/**
 * The attributes a resource exposes, or `undefined` when any name is allowed (no schema, custom
 * resources, nested stacks' `Outputs.<Name>`).
 */
export function knownAttributes(template: TemplateModel, resource: string): readonly string[] | undefined {
  const node = template.resources.get(resource);
  if (!isMapping(node) || typeof node.Type !== 'string') return undefined;
  const attributes = schemaForType(node.Type)?.attributes;
  return !attributes || attributes.includes('*') ? undefined : attributes;
}
