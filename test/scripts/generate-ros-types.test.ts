import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspace } from '../support/cli';

/*
 * A made-up service "demo" in the shape the ROS CDK generator writes (written here, not copied):
 * a class per type with ROS_RESOURCE_TYPE_NAME and getAtt calls, a renderer mapping camelCase to
 * ROS names, and a validator with the constraint calls. Version 1.2.0 as compiled JavaScript, an
 * older 1.1.0 as a tarball, and a data source as TypeScript source (a static type name).
 */
const WIDGET_JS = `"use strict";
const ros = require("@alicloud/ros-cdk-core");
function RosWidgetPropsValidator(properties) {
    const errors = new ros.ValidationResults();
    errors.collect(ros.propertyValidator('widgetName', ros.requiredValidator)(properties.widgetName));
    if (properties.widgetName && (typeof properties.widgetName) === 'string') {
        errors.collect(ros.propertyValidator('widgetName', ros.validateLength)({ data: properties.widgetName.length, min: 2, max: undefined }));
    }
    if (properties.size && (typeof properties.size) !== 'object') {
        errors.collect(ros.propertyValidator('size', ros.validateRange)({ data: properties.size, min: -1, max: 64 }));
    }
    if (properties.mode && (typeof properties.mode) !== 'object') {
        errors.collect(ros.propertyValidator('mode', ros.validateAllowedValues)({ data: properties.mode, allowedValues: ["fast", "slow"] }));
    }
    if (properties.code && (typeof properties.code) !== 'object') {
        errors.collect(ros.propertyValidator('code', ros.validateAllowedPattern)({ data: properties.code, reg: /^[a-z]{2,4}$/ }));
    }
    errors.collect(ros.propertyValidator('labels', ros.listValidator(RosWidget_LabelPropertyValidator))(properties.labels));
    return errors.wrap('not a RosWidgetProps');
}
function rosWidgetPropsToRosTemplate(properties, enableResourcePropertyConstraint) {
    if (enableResourcePropertyConstraint) {
        RosWidgetPropsValidator(properties).assertSuccess();
    }
    return {
        'WidgetName': ros.stringToRosTemplate(properties.widgetName),
        'Size': ros.numberToRosTemplate(properties.size),
        'Mode': ros.stringToRosTemplate(properties.mode),
        'Code': ros.stringToRosTemplate(properties.code),
        'Enabled': ros.booleanToRosTemplate(properties.enabled),
        'Labels': ros.listMapper(rosWidgetLabelPropertyToRosTemplate)(properties.labels),
        'Extra': ros.hashMapper(ros.objectToRosTemplate)(properties.extra),
        'Ports': ros.hashMapper(ros.numberToRosTemplate)(properties.ports),
        'Odd': ros.somethingNew(properties.odd),
    };
}
class RosWidget extends ros.RosResource {
    constructor(scope, id, props, enableResourcePropertyConstraint) {
        super(scope, id, { type: RosWidget.ROS_RESOURCE_TYPE_NAME, properties: props });
        this.attrWidgetId = this.getAtt('WidgetId');
        this.attrArn = this.getAtt('Arn');
    }
    renderProperties(props) {
        return rosWidgetPropsToRosTemplate(props, this.enableResourcePropertyConstraint);
    }
}
exports.RosWidget = RosWidget;
RosWidget.ROS_RESOURCE_TYPE_NAME = "ALIYUN::DEMO::Widget";
function RosWidget_LabelPropertyValidator(properties) {
    const errors = new ros.ValidationResults();
    errors.collect(ros.propertyValidator('key', ros.requiredValidator)(properties.key));
    return errors.wrap('not a LabelProperty');
}
function rosWidgetLabelPropertyToRosTemplate(properties) {
    RosWidget_LabelPropertyValidator(properties).assertSuccess();
    return { 'Key': ros.stringToRosTemplate(properties.key), 'Value': ros.stringToRosTemplate(properties.value) };
}
`;

/** The older release: Widget without most properties, plus a type the newer one dropped. */
const OLD_JS = `const ros = require("@alicloud/ros-cdk-core");
function rosWidgetPropsToRosTemplate(properties) { return { 'WidgetName': ros.stringToRosTemplate(properties.widgetName) }; }
class RosWidget extends ros.RosResource { renderProperties(p) { return rosWidgetPropsToRosTemplate(p); } }
RosWidget.ROS_RESOURCE_TYPE_NAME = "ALIYUN::DEMO::Widget";
function rosGizmoPropsToRosTemplate(properties) { return { 'Speed': ros.numberToRosTemplate(properties.speed) }; }
class RosGizmo extends ros.RosResource {
    constructor(scope, id, props) { super(scope, id, {}); this.attrGizmoId = this.getAtt('GizmoId'); }
    renderProperties(p) { return rosGizmoPropsToRosTemplate(p); }
}
RosGizmo.ROS_RESOURCE_TYPE_NAME = "ALIYUN::DEMO::Gizmo";
`;

const DATASOURCE_TS = `import * as ros from '@alicloud/ros-cdk-core';
function RosGadgetsPropsValidator(properties: any): ros.ValidationResult {
    const errors = new ros.ValidationResults();
    errors.collect(ros.propertyValidator('refreshOptions', ros.validateAllowedValues)({ data: properties.refreshOptions, allowedValues: ["Always", "Never"] }));
    return errors.wrap('not a RosGadgetsProps');
}
function rosGadgetsPropsToRosTemplate(properties: any, enableResourcePropertyConstraint: boolean): any {
    if (enableResourcePropertyConstraint) { RosGadgetsPropsValidator(properties).assertSuccess(); }
    return { 'RefreshOptions': ros.stringToRosTemplate(properties.refreshOptions), 'GadgetIds': ros.listMapper(ros.stringToRosTemplate)(properties.gadgetIds) };
}
export class RosGadgets extends ros.RosResource {
    public static readonly ROS_RESOURCE_TYPE_NAME = "DATASOURCE::DEMO::Gadgets";
    public readonly attrGadgets: ros.IResolvable;
    constructor(scope: ros.Construct, id: string, props: any) {
        super(scope, id, { type: RosGadgets.ROS_RESOURCE_TYPE_NAME, properties: props });
        this.attrGadgets = this.getAtt('Gadgets');
    }
    protected renderProperties(props: any): { [key: string]: any } {
        return rosGadgetsPropsToRosTemplate(props, true);
    }
}
`;

const SPEC = {
  ResourceTypes: {
    'ALIYUN::DEMO::Widget': {
      Properties: {
        WidgetName: { Type: 'string', Required: true, UpdateAllowed: false, Description: 'prose' },
        Size: { Type: 'integer', Default: 4, UpdateAllowed: true },
        Mode: { Type: 'boolean', Default: true },
      },
      Attributes: { WidgetId: { Description: 'prose' } },
    },
    'ALIYUN::DEMO::Retired': {
      Properties: { Name: { Type: 'string', Required: true, Description: 'prose' } },
      Attributes: {},
    },
  },
};

const TYPE_LIST = {
  resources: [
    { resource_type: 'ALIYUN::DEMO::Widget', attributes: ['WidgetId', 'Status'] },
    { resource_type: 'ALIYUN::DEMO::Unbuilt', attributes: [] },
  ],
};

interface Generated {
  index: {
    generated: Record<string, string>;
    sources: Array<{ id: string; origin: string }>;
    files: Record<string, Record<string, number>>;
  };
  files: Record<string, { types: Record<string, unknown> }>;
  existing: { types: string[] };
  stdout: string;
  stderr: string;
  status: number | null;
}

function generate(): Generated {
  const dir = workspace({
    'npm/demo-1.2.0/package.json': JSON.stringify({ name: '@alicloud/ros-cdk-demo', version: '1.2.0' }),
    'npm/demo-1.2.0/lib/demo.generated.js': WIDGET_JS,
    'npm/demo-1.2.0/lib/datasource/demo.generated.ts': DATASOURCE_TS,
    'old/package/package.json': JSON.stringify({ name: '@alicloud/ros-cdk-demo', version: '1.1.0' }),
    'old/package/lib/demo.generated.js': OLD_JS,
    'spec-pkg/package.json': JSON.stringify({ name: '@alicloud/ros-cdk-spec', version: '0.9.0' }),
    'spec-pkg/spec/specification_origin.json': JSON.stringify(SPEC),
    'types.json': JSON.stringify(TYPE_LIST),
  });
  // The older release as npm packs it: a gzipped tar with everything under package/.
  mkdirSync(join(dir, 'go'));
  const tar = spawnSync('tar', ['czf', 'go/demo-1.1.0.tgz', '-C', 'old', 'package'], { cwd: dir });
  if (tar.status !== 0) throw new Error(String(tar.stderr));
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts/run-ts.js'),
      join(ROOT, 'scripts/generate-ros-types.ts'),
      '--out',
      'data',
      '--spec',
      'spec-pkg/spec/specification_origin.json',
      'npm',
      '--origin',
      'a Go snapshot',
      'go',
      '--origin',
      'a type list',
      '--type-list',
      'types.json',
    ],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  );
  const read = (name: string) => JSON.parse(readFileSync(join(dir, 'data', name), 'utf8'));
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    index: read('index.json'),
    files: { 'demo.json': read('demo.json'), 'retired.json': read('retired.json') },
    existing: read('existing-types.json'),
  };
}

describe('npm run generate:types', () => {
  let out: Generated;
  beforeAll(() => {
    out = generate();
  }, 120_000);

  it('reads packages from folders and tarballs, records each source, and says what it did', () => {
    expect(out.status).toBe(0);
    expect(out.index.sources.map((s) => [s.id, s.origin])).toEqual([
      ['@alicloud/ros-cdk-demo@1.2.0', 'npm registry'],
      ['@alicloud/ros-cdk-demo@1.1.0', 'a Go snapshot'],
      ['@alicloud/ros-cdk-spec@0.9.0', 'npm registry'],
    ]);
    // The newest version that defines a type wins; a type only an older one has comes from it.
    expect(out.index.files).toEqual({
      'demo.json': { 'ALIYUN::DEMO::Widget': 0, 'DATASOURCE::DEMO::Gadgets': 0, 'ALIYUN::DEMO::Gizmo': 1 },
      'retired.json': { 'ALIYUN::DEMO::Retired': 2 },
    });
    expect(out.stdout).toContain('@alicloud/ros-cdk-demo@1.2.0 (npm registry): 2 types');
    expect(out.stdout).toContain('2 existing type names, 1 of them without a definition here');
    expect(out.index.generated.by).toContain('scripts/generate-ros-types.ts');
  });

  it('extracts names, types, required-ness, constraints, nested shapes and attributes', () => {
    expect(out.files['demo.json'].types['ALIYUN::DEMO::Widget']).toEqual({
      Properties: {
        WidgetName: {
          Type: 'string',
          Required: true,
          UpdateAllowed: false,
          Constraints: [{ Length: { Min: 2 } }],
        },
        // integer and the default from the old specification, where the CDK only says number
        Size: {
          Type: 'integer',
          Required: false,
          UpdateAllowed: true,
          Default: 4,
          Constraints: [{ Range: { Min: -1, Max: 64 } }],
        },
        // a default of another kind (the old spec's boolean) is not carried over
        Mode: { Type: 'string', Required: false, Constraints: [{ AllowedValues: ['fast', 'slow'] }] },
        Code: { Type: 'string', Required: false, Constraints: [{ AllowedPattern: '^[a-z]{2,4}$' }] },
        Enabled: { Type: 'boolean', Required: false },
        Labels: {
          Type: 'list',
          Required: false,
          Schema: {
            '*': {
              Type: 'map',
              Required: false,
              Schema: { Key: { Type: 'string', Required: true }, Value: { Type: 'string', Required: false } },
            },
          },
        },
        Extra: { Type: 'map', Required: false },
        Ports: { Type: 'map', Required: false, Schema: { '*': { Type: 'number', Required: false } } },
        // a mapper this reader does not know: the name is kept, untyped, and reported
        Odd: { Required: false },
      },
      // the CDK's attributes plus the ones the type list adds
      Attributes: { WidgetId: {}, Arn: {}, Status: {} },
    });
    expect(out.stderr).toContain(
      'not understood: @alicloud/ros-cdk-demo@1.2.0/lib/demo.generated.js: ALIYUN::DEMO::Widget.Odd: unknown mapper ros.somethingNew',
    );
  });

  it('reads TypeScript sources too (a static type name), and data sources', () => {
    expect(out.files['demo.json'].types['DATASOURCE::DEMO::Gadgets']).toEqual({
      Properties: {
        RefreshOptions: {
          Type: 'string',
          Required: false,
          Constraints: [{ AllowedValues: ['Always', 'Never'] }],
        },
        GadgetIds: { Type: 'list', Required: false, Schema: { '*': { Type: 'string', Required: false } } },
      },
      Attributes: { Gadgets: {} },
    });
  });

  it('keeps types no CDK package has from the old specification, without prose', () => {
    expect(out.files['retired.json'].types['ALIYUN::DEMO::Retired']).toEqual({
      Properties: { Name: { Type: 'string', Required: true } },
      Attributes: {},
    });
    expect(out.existing.types).toEqual(['ALIYUN::DEMO::Unbuilt', 'ALIYUN::DEMO::Widget']);
  });
});
