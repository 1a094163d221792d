import { isMapping, type TemplateModel } from '../../../template/model';

/**
 * Whether a Terraform-transform template (`Transform: Aliyun::Terraform-*`) declares `name` as a
 * `variable` block in one of its `Workspace` files: such names are the template's parameters.
 */
export function declaresTerraformVariable(template: TemplateModel, name: string): boolean {
  const transform = template.value.Transform;
  if (typeof transform !== 'string' || !transform.startsWith('Aliyun::Terraform')) return false;
  const workspace = template.value.Workspace;
  if (!isMapping(workspace)) return false;
  const block = new RegExp(`(^|\\n)\\s*variable\\s+"${name.replace(/[^\w-]/g, '\\$&')}"`);
  return Object.values(workspace).some((file) => typeof file === 'string' && block.test(file));
}
