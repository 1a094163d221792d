import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TypeDefinition } from '../../schemas/ros-spec/definition';
import type { SpecInput } from './assemble';

/** Type names in the list formats we read: object keys, strings, or `{resource_type}` objects. */
export function typeNamesFrom(json: unknown): string[] {
  const list = (json as { resources?: unknown })?.resources ?? json;
  const items = Array.isArray(list) ? list : Object.keys((list as object) ?? {});
  return items
    .map((item) =>
      typeof item === 'string'
        ? item
        : ((item as Record<string, unknown>).resource_type ?? (item as Record<string, unknown>).ResourceType),
    )
    .filter((name): name is string => typeof name === 'string' && /^[A-Za-z]+::/.test(name));
}

/** Attribute names per type from a list of `{resource_type, attributes: [...]}` objects; empty lists are left out. */
export function attributesFrom(json: unknown): Record<string, string[]> {
  const list = (json as { resources?: unknown })?.resources;
  const out: Record<string, string[]> = {};
  if (!Array.isArray(list)) return out;
  for (const item of list as Array<Record<string, unknown>>) {
    const names = item?.attributes;
    if (typeof item?.resource_type === 'string' && Array.isArray(names) && names.length)
      out[item.resource_type] = names.filter((n): n is string => typeof n === 'string');
  }
  return out;
}

export function readSpec(file: string): SpecInput {
  const raw = readFileSync(file);
  const manifest = JSON.parse(readFileSync(join(dirname(file), '..', 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const { ResourceTypes } = JSON.parse(raw.toString('utf8')) as {
    ResourceTypes: Record<string, TypeDefinition>;
  };
  return {
    package: manifest.name,
    version: manifest.version,
    sha256: createHash('sha256').update(raw).digest('hex'),
    types: ResourceTypes,
  };
}

/** One JSON file with one type (or index entry) per line: small diffs when the data is regenerated. */
export function render(value: { generated: unknown } & Record<string, unknown>): string {
  const lines = Object.entries(value).map(([key, inner]) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && key !== 'generated') {
      const entries = Object.entries(inner).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
      return `  ${JSON.stringify(key)}: {\n${entries.join(',\n')}\n  }`;
    }
    if (Array.isArray(inner) && key !== 'generated')
      return `  ${JSON.stringify(key)}: [\n${inner.map((v) => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
    return `  ${JSON.stringify(key)}: ${JSON.stringify(inner)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
