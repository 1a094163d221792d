import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TypeDefinition } from './definition';

/** schemas/generated/ros-types.json, written by scripts/generate-ros-types.ts at build time. */
export interface RosTypesFile {
  source: { package: string; version: string; file: string; sha256: string };
  types: Record<string, TypeDefinition & { provenance: 'bundled' | 'overlay' }>;
}

const FILE = 'ros-types.json';
let loaded: RosTypesFile | undefined;

/**
 * The bundled definitions, read on first use only: a template with only ros-sso types never pays
 * for parsing them. The file is looked up in `schemas/generated/` of the nearest ancestor
 * directory, which finds it from the sources and from the esbuild bundles in dist/ alike.
 */
export function bundledTypes(): RosTypesFile {
  if (loaded) return loaded;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      loaded = JSON.parse(readFileSync(join(dir, 'schemas', 'generated', FILE), 'utf8')) as RosTypesFile;
      return loaded;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (dirname(dir) === dir) throw new Error(`cannot find schemas/generated/${FILE}; run npm run build`);
  }
}
