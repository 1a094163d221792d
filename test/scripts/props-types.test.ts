import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSchemas, type ResourceSchema, resourceSchemas } from '../../schemas/registry';
import { PROPS_TYPES_FILE, renderPropsTypes } from '../../scripts/props-types';
import { ROOT } from '../support/cli';

const ID = 'https://ros-sso.dev/schemas/resources/Custom.Widget.json';
const SHARED = 'https://ros-sso.dev/schemas/resources/Shared.json';

/** A made-up custom type using every construct the converter knows. */
function widget(parameters: Record<string, unknown>): ResourceSchema {
  return {
    $id: ID,
    title: 'Custom::Widget',
    rosType: 'Custom::Widget',
    type: 'object',
    properties: { ServiceToken: { type: 'string' }, Parameters: parameters },
    notUpdatableProperties: [],
    attributes: [],
  };
}
const shared = { $id: SHARED, $defs: { Size: { type: 'integer', minimum: 1, description: 'how big' } } };
const render = (parameters: Record<string, unknown>) => {
  const schema = widget(parameters);
  return renderPropsTypes([schema], [schema, shared]);
};

describe('props types generator', () => {
  it('commits handlers/resources/props.generated.ts as generated from the custom schemas', () => {
    expect(readFileSync(join(ROOT, PROPS_TYPES_FILE), 'utf8')).toBe(
      renderPropsTypes(resourceSchemas, allSchemas()),
    );
  });

  it('converts refs, scalars, enums, consts, lists and nested mappings', () => {
    const text = render({
      type: 'object',
      required: ['Name', 'Size'],
      properties: {
        Name: { type: 'string', maxLength: 8 },
        Size: { $ref: 'Shared.json#/$defs/Size' },
        Mode: { type: 'string', enum: ['fast', "it's slow"] },
        Kind: { const: 'widget' },
        Tags: { type: 'array', items: { type: 'string' } },
        'Odd-Key': { type: ['string', 'null'] },
        Nested: { type: 'object', properties: { On: { type: 'boolean' } }, additionalProperties: false },
        Free: { type: 'object' },
      },
      additionalProperties: false,
      allOf: [{ if: { required: ['Mode'] }, then: { required: ['Tags'] } }],
    });
    expect(text).toContain(
      [
        'export interface WidgetProps {',
        '  Name: string;',
        '  /** how big */',
        '  Size: number;',
        "  Mode?: 'fast' | 'it\\'s slow';",
        "  Kind?: 'widget';",
        '  Tags?: string[];',
        "  'Odd-Key'?: string | null;",
        '  Nested?: {',
        '    On?: boolean;',
        '  };',
        '  Free?: {',
        '    [key: string]: unknown;',
        '  };',
        '}',
      ].join('\n'),
    );
    expect(text).toContain("  'Custom::Widget': WidgetProps;");
    expect(text).toContain(`  'Custom::Widget': '${ID}',`);
  });

  it('stops at a keyword outside its subset, and at a $ref to nothing, naming where', () => {
    expect(() => render({ type: 'object', properties: { A: { oneOf: [{ type: 'string' }] } } })).toThrow(
      `${ID}#/properties/Parameters/properties/A: keyword oneOf is outside the subset`,
    );
    expect(() => render({ type: 'object', allOf: [{ type: 'object', required: ['A'] }] })).toThrow(
      'keyword allOf is outside the subset',
    );
    expect(() => render({ type: 'object', properties: { A: { $ref: 'Shared.json#/$defs/Gone' } } })).toThrow(
      `$ref Shared.json#/$defs/Gone (from ${ID}): nothing at /$defs/Gone`,
    );
    expect(() => render({ type: 'object', properties: { A: { $ref: 'Other.json#/x' } } })).toThrow(
      'no schema https://ros-sso.dev/schemas/resources/Other.json',
    );
  });
});
