import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import standaloneCode from 'ajv/dist/standalone';
import { createAjv } from '../schemas/ajv-factory';
import { allSchemas, validatorName } from '../schemas/registry';

/** Writes every schema's ajv standalone validator into schemas/generated/ (gitignored). */
export function generateValidators(root: string): string {
  const ajv = createAjv({ code: { source: true } });
  const exportsMap = Object.fromEntries(allSchemas().map((s) => [validatorName(s.$id), s.$id]));
  const code = standaloneCode(ajv, exportsMap);
  const dir = join(root, 'schemas', 'generated');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'validators.js');
  writeFileSync(file, code);
  return file;
}
