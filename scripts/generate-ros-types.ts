import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripDefinition, type TypeDefinition } from '../schemas/ros-spec/definition';
import type { RosTypesFile } from '../schemas/ros-spec/bundled';

const SPEC_PACKAGE = '@alicloud/ros-cdk-spec';

/**
 * Builds schemas/generated/ros-types.json: every type of the spec package, facts only, plus the
 * checked-in overlay (schemas/overlay/), whose entries replace the package's per type.
 */
export function generateRosTypes(root: string): string {
  const packageDir = join(require.resolve(`${SPEC_PACKAGE}/package.json`, { paths: [root] }), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const raw = readFileSync(join(packageDir, 'spec', 'specification_origin.json'));
  const spec = JSON.parse(raw.toString('utf8')) as { ResourceTypes: Record<string, TypeDefinition> };

  const out: RosTypesFile = {
    source: {
      package: SPEC_PACKAGE,
      version,
      file: 'spec/specification_origin.json',
      sha256: createHash('sha256').update(raw).digest('hex'),
    },
    types: {},
  };
  for (const [type, definition] of Object.entries(spec.ResourceTypes))
    out.types[type] = { provenance: 'bundled', ...stripDefinition(definition) };

  const overlayDir = join(root, 'schemas', 'overlay');
  for (const name of readdirSync(overlayDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const entry = JSON.parse(readFileSync(join(overlayDir, name), 'utf8')) as TypeDefinition & {
      ResourceType: string;
    };
    out.types[entry.ResourceType] = { provenance: 'overlay', ...stripDefinition(entry) };
  }

  const dir = join(root, 'schemas', 'generated');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'ros-types.json');
  writeFileSync(file, JSON.stringify(out));
  return file;
}
