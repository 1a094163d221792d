import { describe, expect, it } from 'vitest';
import {
  hclVariableNames,
  isTerraformTransform,
  terraformVariables,
} from '../../template/terraform-variables';

describe('hclVariableNames', () => {
  it('reads quoted and bare labels of top-level variable blocks', () => {
    const hcl = [
      'variable "vpc_cidr" {',
      '  type    = string',
      '  default = "10.0.0.0/8"',
      '}',
      'variable zone-id {}',
      'variable "empty" {}',
    ].join('\n');
    expect(hclVariableNames(hcl)).toEqual(['vpc_cidr', 'zone-id', 'empty']);
  });

  it('skips comments of all three kinds', () => {
    const hcl = [
      '# variable "hash" {}',
      '// variable "slashes" {}',
      '/* variable "block" {}',
      '   variable "still_block" {} */',
      'variable "real" {}',
    ].join('\n');
    expect(hclVariableNames(hcl)).toEqual(['real']);
  });

  it('skips strings and interpolations, braces inside them included', () => {
    const hcl = [
      'locals {',
      '  text = "variable \\"quoted\\" { } }"',
      '  mixed = "${jsonencode({ a = "}" })} variable \\"x\\" {"',
      '  literal = "$${not_interpolated} }"',
      '}',
      'variable "after_strings" {}',
    ].join('\n');
    expect(hclVariableNames(hcl)).toEqual(['after_strings']);
  });

  it('skips heredocs, indented ones and ones holding JSON braces', () => {
    const hcl = [
      'variable "with_metadata" {',
      '  description = <<EOT',
      '  {',
      '    "Label": "variable \\"inside\\" {"',
      '  EOT',
      '}',
      'resource "alicloud_instance" "web" {',
      '  user_data = <<-SCRIPT',
      '    #!/bin/sh',
      '    echo }}}',
      '    variable "in_script" {}',
      '    SCRIPT',
      '}',
      'variable "last" {}',
    ].join('\n');
    expect(hclVariableNames(hcl)).toEqual(['with_metadata', 'last']);
  });

  it('ignores variable blocks nested in other blocks and other block types', () => {
    const hcl = [
      'module "net" {',
      '  source = "./net"',
      '  variable "nested" {}',
      '}',
      'output "variable" { value = 1 }',
      'resource "variable" "x" {}',
    ].join('\n');
    expect(hclVariableNames(hcl)).toEqual([]);
  });

  it('never hangs or throws on unterminated input', () => {
    for (const broken of [
      'variable "a',
      'variable "a" {',
      '/* open',
      'x = <<EOT\nno end',
      'a = "${',
      '}}}{{{',
    ]) {
      expect(() => hclVariableNames(broken)).not.toThrow();
    }
    expect(hclVariableNames('variable "a" {\n')).toEqual(['a']);
  });
});

describe('terraformVariables', () => {
  it('takes the root module files, HCL and JSON, and leaves child modules out', () => {
    const workspace = {
      'main.tf': 'variable "region" {}',
      'variables.tf.json': '{"variable": {"instance_type": {"default": "ecs.g7.large"}}}',
      'modules/net/variables.tf': 'variable "cidr" {}',
      'README.md': 'variable "not_terraform" {}',
      'broken.tf.json': '{',
    };
    expect([...terraformVariables(workspace)].sort()).toEqual(['instance_type', 'region']);
  });

  it('gives nothing for a Workspace that is not a mapping of file texts', () => {
    expect(terraformVariables(undefined).size).toBe(0);
    expect(terraformVariables(['main.tf']).size).toBe(0);
    expect(terraformVariables({ 'main.tf': { nested: true } }).size).toBe(0);
  });

  it('recognises the Terraform transforms only', () => {
    expect(isTerraformTransform('Aliyun::Terraform-v1.5')).toBe(true);
    expect(isTerraformTransform('Aliyun::Serverless-2018-04-03')).toBe(false);
    expect(isTerraformTransform(undefined)).toBe(false);
  });
});
