import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCE_HANDLERS } from '../../handlers/steps';
import { apiSchemas, resourceSchemas, validatorName } from '../../schemas/registry';
import { ROOT } from '../support/cli';

// Parity of the schema files and schemas/registry.ts, like the rule catalogue's test: a file the
// registry misses is never bundled nor checked, an entry without its file cannot build.

const SCHEMAS = join(ROOT, 'schemas');
const BASE = 'https://ros-sso.dev/schemas/';

const filesIn = (folder: string) =>
  readdirSync(join(SCHEMAS, folder))
    .filter((f) => f.endsWith('.json'))
    .sort();
const read = (folder: string, file: string) =>
  JSON.parse(readFileSync(join(SCHEMAS, folder, file), 'utf8')) as Record<string, unknown>;

/** `Product.Action` of every API call in our code: the receiver (or the file) names the product. */
function actionsCalled(): string[] {
  const sources: Array<[string, Record<string, string>]> = [
    ['handlers/clients/cloudsso.ts', { caller: 'CloudSSO' }],
    ['handlers/clients/ims.ts', { caller: 'IMS' }],
    ['plan/live/reader.ts', { cloudsso: 'CloudSSO', ims: 'IMS', ram: 'RAM', sts: 'STS' }],
  ];
  const called = new Set<string>();
  for (const [file, products] of sources) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const [, receiver, action] of text.matchAll(/(\w+)\.call\(\s*'(\w+)'/g)) {
      const product = products[receiver];
      expect(product, `${file}: ${receiver}.call('${action}')`).toBeDefined();
      called.add(`${product}.${action}`);
    }
  }
  return [...called].sort();
}

describe('schema registry', () => {
  it('registers every file of schemas/resources, each once, under its own $id', () => {
    const files = filesIn('resources');
    expect(files.length).toBeGreaterThan(0);
    expect(resourceSchemas.map((s) => s.$id).sort()).toEqual(
      files.map((f) => `${BASE}resources/${f}`).sort(),
    );
    for (const file of files) {
      const registered = resourceSchemas.find((s) => s.$id === `${BASE}resources/${file}`);
      expect(registered, file).toEqual(read('resources', file));
    }
  });

  it('names each resource schema file, title and rosType for its type', () => {
    for (const schema of resourceSchemas) {
      expect(schema.$id).toBe(`${BASE}resources/${schema.rosType.replaceAll('::', '.')}.json`);
      expect(schema.title).toBe(schema.rosType);
      expect(schema.type).toBe('object');
      expect(Array.isArray(schema.notUpdatableProperties), schema.$id).toBe(true);
      expect(Array.isArray(schema.attributes), schema.$id).toBe(true);
    }
  });

  it('registers every file of schemas/api under its file name as key, and no other', () => {
    const files = filesIn('api');
    expect(Object.keys(apiSchemas).sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
    for (const [key, schema] of Object.entries(apiSchemas)) {
      expect(schema.$id).toBe(`${BASE}api/${key}.json`);
      expect(schema, key).toEqual(read('api', `${key}.json`));
    }
  });

  it('gives every schema its own validator name', () => {
    const names = [...resourceSchemas, ...Object.values(apiSchemas)].map((s) => validatorName(s.$id));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('has a request schema for each API action our code calls, and none for an action it does not', () => {
    expect(actionsCalled()).toEqual(Object.keys(apiSchemas).sort());
  });

  it('has a handler for each Custom:: schema, and a schema for each handler', () => {
    const custom = resourceSchemas.filter((s) => s.rosType.startsWith('Custom::'));
    expect(RESOURCE_HANDLERS.map((h) => [h.resourceType, h.schemaId]).sort()).toEqual(
      custom.map((s) => [s.rosType, s.$id]).sort(),
    );
  });

  it('lists each resource schema in schemas/README.md', () => {
    const readme = readFileSync(join(SCHEMAS, 'README.md'), 'utf8');
    for (const schema of resourceSchemas) {
      expect(readme).toContain(
        `| \`${schema.rosType}\` | \`resources/${schema.$id.slice(`${BASE}resources/`.length)}\` |`,
      );
    }
  });
});
